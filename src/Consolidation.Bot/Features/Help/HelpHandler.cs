using Consolidation.Bot.Cards;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Routing;

namespace Consolidation.Bot.Features.Help;

/// <summary><c>help</c> / <c>ヘルプ</c>, and the welcome card's "show help" button: the help card.</summary>
public sealed class HelpHandler : ITurnHandler
{
    public const string CommandName = "help";

    public static readonly Routing.Commands.CommandDefinition Command =
        new(CommandName, ["help", "ヘルプ", "使い方", "へるぷ", "commands", "コマンド"]);

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        var card = HelpCard.Build(turn.Text);
        if (turn.CardAction is not null)
        {
            return InvokeResponses.Card(card);
        }

        await turn.SendAsync(turn.CreateReply(null, CardAttachment.From(card)), cancellationToken);
        return null;
    }
}
