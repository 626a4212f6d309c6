using Consolidation.Bot.Cards;
using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Routing;
using Consolidation.Bot.Routing.Commands;

namespace Consolidation.Bot.Features.Questionnaire;

/// <summary><c>my tasks</c> / <c>私の担当</c>: the member's tasks waiting for an answer, each with a button to answer it.</summary>
public sealed class MyTasksHandler(IActiveReviewLoader loader, QuestionnaireComposer composer, TimeProvider time) : ITurnHandler
{
    public const string CommandName = "myTasks";

    public static readonly CommandDefinition Command = new(CommandName,
        ["my tasks", "mytasks", "my task", "私の担当", "わたしの担当", "自分の担当", "担当一覧", "マイタスク"]);

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var context = await loader.LoadForSenderAsync(turn, cancellationToken);
        if (context is null)
        {
            return await AnswerAsync(turn, turn.Text[nameof(Strings.Review_NotLoaded)], cancellationToken);
        }

        if (context.Sender is not { } member)
        {
            return await AnswerAsync(turn, turn.Text[nameof(Strings.MyTasks_NotMember)], cancellationToken);
        }

        var card = MyTasksCard.Build(composer.MyTasksModel(context.Snapshot, member, time.GetUtcNow(), turn.Text));
        if (turn.CardAction is not null)
        {
            return InvokeResponses.Card(card);
        }

        await turn.SendAsync(turn.CreateReply(null, CardAttachment.From(card)), cancellationToken);
        return null;
    }

    private static async Task<InvokeResponse?> AnswerAsync(TurnContext turn, string text, CancellationToken cancellationToken)
    {
        if (turn.CardAction is not null)
        {
            return InvokeResponses.Message(text);
        }

        await turn.SendTextAsync(text, cancellationToken);
        return null;
    }
}
