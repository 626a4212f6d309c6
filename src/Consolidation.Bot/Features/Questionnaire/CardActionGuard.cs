using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Routing;

namespace Consolidation.Bot.Features.Questionnaire;

/// <summary>
/// What every task-card action (<c>submitAnswer</c>, <c>submitBatch</c>, <c>submitBureauView</c>, <c>showTask</c>,
/// <c>refreshTask</c>) checks before it looks at a task: there is an active review, the sender is a member of it (else a refusal that names no task, so ids cannot be probed), and the card
/// was built for the active review (else it is stale: task ids repeat across reviews). Cards without a review id were
/// sent before cards carried one and are judged on their task and version as before.
/// </summary>
internal static class CardActionGuard
{
    /// <summary>
    /// The active review as the action needs it (<paramref name="forAnswer"/>: read for an answer's commit, else for the
    /// sender's view), or the refusal and its metric name (<c>no_review</c>, <c>not_member_or_earlier_review</c>).
    /// </summary>
    public static async Task<CardActionStart> OpenAsync(IActiveReviewLoader loader, TurnContext turn, bool forAnswer, ILogger logger, CancellationToken cancellationToken)
    {
        var context = forAnswer ? await loader.LoadForAnswerAsync(turn, cancellationToken) : await loader.LoadForSenderAsync(turn, cancellationToken);
        if (context is null)
        {
            return new CardActionStart(null, InvokeResponses.Message(turn.Text[nameof(Strings.Review_NotLoaded)]), "no_review");
        }

        return Check(turn, context, logger) is { } refused
            ? new CardActionStart(null, refused, "not_member_or_earlier_review")
            : new CardActionStart(context, null, null);
    }

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

/// <summary>A card action's start: the review context to act in, or the refusal already decided and its metric name.</summary>
internal sealed record CardActionStart(ActiveReviewContext? Context, InvokeResponse? Refusal, string? RefusalMetric);
