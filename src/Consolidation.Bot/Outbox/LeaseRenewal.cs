namespace Consolidation.Bot.Outbox;

/// <summary>
/// Keeps a message in hand invisible while its handler works, renewing the lease at half its length: a handler that
/// waits long (for its turn in the tenant's Teams budget, a Retry-After) is never taken for dead, so no other instance
/// handles the same message meanwhile. Only a dead holder lets the message come back. A renewal that fails (storage
/// down) stops renewing; the message then comes back after its lease, which the handlers' idempotence allows.
/// </summary>
internal sealed class LeaseRenewal : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<OutboxDelivery> _loop;

    public LeaseRenewal(OutboxClient queue, OutboxDelivery delivery, TimeSpan lease, TimeProvider time) =>
        _loop = RenewAsync(queue, delivery, lease, time);

    /// <summary>Stops renewing (a renewal already sent is awaited) and returns the delivery with its current pop receipt.</summary>
    public async Task<OutboxDelivery> StopAsync()
    {
        await _stop.CancelAsync();
        return await _loop;
    }

    public void Dispose() => _stop.Dispose();

    private async Task<OutboxDelivery> RenewAsync(OutboxClient queue, OutboxDelivery delivery, TimeSpan lease, TimeProvider time)
    {
        while (true)
        {
            try
            {
                await Task.Delay(lease / 2, time, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return delivery;
            }

            try
            {
                // Not cancelled once sent: the pop receipt it returns is the one the message can be deleted with.
                delivery = await queue.ExtendAsync(delivery, lease, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                return delivery;
            }
        }
    }
}
