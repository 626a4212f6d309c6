using System.Diagnostics.Metrics;

namespace Consolidation.Bot.Protocol.Connector;

/// <summary>
/// Metrics of the outbound connector (meter <c>Consolidation.Bot.Protocol</c>): 429s answered by Teams and the time waited
/// before retries, the time calls waited for a slot under the bot's own rate limits, and grants of the shared budget missed.
/// </summary>
public sealed class ConnectorMetrics
{
    public const string MeterName = "Consolidation.Bot.Protocol";

    private readonly Counter<long> _throttled;
    private readonly Histogram<double> _retryWait;
    private readonly Histogram<double> _slotWait;
    private readonly Counter<long> _grantsMissed;

    public ConnectorMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _throttled = meter.CreateCounter<long>("bot.connector.throttled", "{response}", "429 responses from the Bot Connector");
        _retryWait = meter.CreateHistogram<double>("bot.connector.retry_wait", "ms", "Time waited before a connector retry");
        _slotWait = meter.CreateHistogram<double>("bot.connector.slot_wait", "ms", "Time a call waited for a slot under the Teams rate limits");
        _grantsMissed = meter.CreateCounter<long>("bot.connector.grants_missed", "{grant}", "Grants of the shared tenant budget given up because the send could not start in time");
    }

    public void Retrying(int? statusCode, TimeSpan delay)
    {
        var status = new KeyValuePair<string, object?>("status", statusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none");
        if (statusCode == 429)
        {
            _throttled.Add(1);
        }

        _retryWait.Record(delay.TotalMilliseconds, status);
    }

    public void WaitedForSlot(TimeSpan waited) => _slotWait.Record(waited.TotalMilliseconds);

    public void GrantMissed() => _grantsMissed.Add(1);
}
