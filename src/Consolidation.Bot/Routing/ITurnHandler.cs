using Consolidation.Bot.Protocol.Schema;

namespace Consolidation.Bot.Routing;

/// <summary>
/// Handles one route (an activity type, an invoke name, a card verb or a command). Resolved per turn from DI.
/// Returns the invoke response for invokes and card actions; null otherwise.
/// </summary>
public interface ITurnHandler
{
    Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken);
}
