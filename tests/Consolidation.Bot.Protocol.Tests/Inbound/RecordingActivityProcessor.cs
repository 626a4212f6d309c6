using System.Collections.Concurrent;
using System.Security.Claims;
using Consolidation.Bot.Protocol.Inbound;
using Consolidation.Bot.Protocol.Schema;

namespace Consolidation.Bot.Protocol.Tests.Inbound;

/// <summary>Records every turn; answers with <see cref="Respond"/> (default: no invoke response).</summary>
internal sealed class RecordingActivityProcessor : IActivityProcessor
{
    public ConcurrentQueue<(Activity Activity, ClaimsIdentity Identity, CancellationToken Token)> Calls { get; } = new();

    public Func<Activity, CancellationToken, Task<InvokeResponse?>> Respond { get; set; } =
        (_, _) => Task.FromResult<InvokeResponse?>(null);

    public Task<InvokeResponse?> ProcessAsync(Activity activity, ClaimsIdentity identity, CancellationToken cancellationToken)
    {
        Calls.Enqueue((activity, identity, cancellationToken));
        return Respond(activity, cancellationToken);
    }
}
