using System.Diagnostics.Metrics;

namespace Consolidation.Bot.Diagnostics;

/// <summary>
/// The bot's metrics (meter <c>Consolidation.Bot</c>), exported with the logs (see <see cref="TelemetryExtensions"/>):
/// what an operator needs to see that cards go out, answers come in and nothing waits too long. Tags are kinds and
/// reasons, never members.
/// </summary>
public sealed class BotMetrics
{
    public const string MeterName = "Consolidation.Bot";

    private readonly Counter<long> _queued;
    private readonly Counter<long> _sent;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _unreachable;
    private readonly Counter<long> _answers;
    private readonly Counter<long> _runs;
    private readonly Counter<long> _questions;
    private long _outboxDepth;
    private double _outboxOldestSeconds;

    public BotMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _queued = meter.CreateCounter<long>("bot.outbox.queued", "{message}", "Outbox messages queued, by kind");
        _sent = meter.CreateCounter<long>("bot.cards.sent", "{card}", "Questionnaire cards the connector accepted");
        _failed = meter.CreateCounter<long>("bot.cards.failed", "{card}", "Cards or outbox messages that failed, by reason");
        _unreachable = meter.CreateCounter<long>("bot.members.unreachable", "{member}", "Members the bot could not reach, by reason");
        _answers = meter.CreateCounter<long>("bot.answers", "{answer}", "Submitted answers, by result (accepted, duplicate, refused reasons)");
        _runs = meter.CreateCounter<long>("bot.schedule.runs", "{run}", "Digest and reminder runs started, by kind");
        _questions = meter.CreateCounter<long>("bot.status.questions", "{question}", "Status questions, by intent (not_understood included)");
        meter.CreateObservableGauge("bot.outbox.depth", () => Interlocked.Read(ref _outboxDepth), "{message}", "Messages waiting in the outbox (approximate)");
        meter.CreateObservableGauge("bot.outbox.oldest_age", () => Volatile.Read(ref _outboxOldestSeconds), "s", "Age of the oldest waiting outbox message");
    }

    public void Queued(string kind) => _queued.Add(1, Tag("kind", kind));

    public void CardSent() => _sent.Add(1);

    public void Failed(string reason) => _failed.Add(1, Tag("reason", reason));

    public void Unreachable(string reason) => _unreachable.Add(1, Tag("reason", reason));

    public void Answer(string result) => _answers.Add(1, Tag("result", result));

    public void RunStarted(string kind) => _runs.Add(1, Tag("kind", kind));

    public void StatusQuestion(string intent) => _questions.Add(1, Tag("intent", intent));

    /// <summary>The outbox as last looked at by the worker (the gauges report it).</summary>
    public void OutboxObserved(long depth, TimeSpan oldestAge)
    {
        Interlocked.Exchange(ref _outboxDepth, depth);
        Volatile.Write(ref _outboxOldestSeconds, oldestAge.TotalSeconds);
    }

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);
}
