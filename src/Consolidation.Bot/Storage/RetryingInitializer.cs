namespace Consolidation.Bot.Storage;

/// <summary>
/// A value created once by an asynchronous step (a table or queue created if missing), shared by every caller, and
/// created again on the next call when that step failed: storage that is down while the bot starts must not leave a
/// cached failure behind (the bot reports not-ready, then recovers without a restart).
/// </summary>
public sealed class RetryingInitializer<T>(Func<CancellationToken, Task<T>> create)
{
    private readonly Lock _gate = new();
    private Task<T>? _task;

    public async Task<T> GetAsync(CancellationToken cancellationToken)
    {
        Task<T> task;
        lock (_gate)
        {
            // The creation runs on its own (no caller's token): one caller giving up must not fail the others.
            task = _task ??= create(CancellationToken.None);
        }

        try
        {
            return await task.WaitAsync(cancellationToken);
        }
        catch (Exception) when (task.IsFaulted || task.IsCanceled)
        {
            lock (_gate)
            {
                if (ReferenceEquals(_task, task))
                {
                    _task = null;
                }
            }

            throw;
        }
    }
}
