using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Routing;

namespace Consolidation.Bot.Features.Fallback;

/// <summary>A message no command recognised: a short answer pointing to help, never silence.</summary>
public sealed class UnrecognizedMessageHandler(ILogger<UnrecognizedMessageHandler> logger) : ITurnHandler
{
    private const int MaxEcho = 40;

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        Log.Unrecognized(logger, turn.ConversationType);
        var echo = turn.UserText.Length > MaxEcho ? turn.UserText[..MaxEcho] + "…" : turn.UserText;
        await turn.SendTextAsync(turn.Text.Format(nameof(Strings.Unrecognized), echo), cancellationToken);
        return null;
    }
}
