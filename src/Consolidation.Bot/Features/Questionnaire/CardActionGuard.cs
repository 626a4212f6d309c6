using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Routing;

namespace Consolidation.Bot.Features.Questionnaire;

/// <summary>
/// What every task-card action (<c>submitAnswer</c>, <c>showTask</c>, <c>refreshTask</c>) checks before it looks at a task:
/// the sender is a member of the active review (else a refusal that names no task, so ids cannot be probed), and the card
/// was built for the active review (else it is stale: task ids repeat across reviews). Cards without a review id were
/// sent before cards carried one and are judged on their task and version as before.
/// </summary>
internal static class CardActionGuard
{
    public static InvokeResponse? Check(TurnContext turn, ActiveReviewContext context, ILogger logger)
    {
        var action = turn.CardAction!;
        if (context.Sender is null)
        {
            Log.CardActionFromNonMember(logger, action.Verb, turn.From.AadObjectId ?? "(no object id)");
            return InvokeResponses.Message(turn.Text[nameof(Strings.Review_NotAMember)]);
        }

        if (action.Get(QuestionnaireFields.ReviewId) is { Length: > 0 } cardReview && cardReview != context.ReviewId)
        {
            Log.CardOfEarlierReview(logger, action.Verb, cardReview, context.ReviewId);
            return InvokeResponses.Message(turn.Text[nameof(Strings.Card_EarlierReview)]);
        }

        return null;
    }
}
