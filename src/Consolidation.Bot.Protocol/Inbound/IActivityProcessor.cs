using System.Security.Claims;
using Consolidation.Bot.Protocol.Schema;

namespace Consolidation.Bot.Protocol.Inbound;

/// <summary>
/// Implemented by the host: runs one authenticated, well-formed activity. Returns the invoke response for
/// invoke activities (null means 200 with no body for other activities). The cancellation token is the turn's own,
/// never the HTTP request's.
/// </summary>
public interface IActivityProcessor
{
    Task<InvokeResponse?> ProcessAsync(Activity activity, ClaimsIdentity identity, CancellationToken cancellationToken);
}
