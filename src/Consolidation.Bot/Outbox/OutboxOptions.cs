using System.ComponentModel.DataAnnotations;

namespace Consolidation.Bot.Outbox;

/// <summary>Options of the outbox worker (section <c>Outbox</c>).</summary>
public sealed class OutboxOptions
{
    public const string SectionName = "Outbox";

    /// <summary>Pause between polls when the queue is empty.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00", ErrorMessage = "Outbox:PollInterval must be between 10 ms and 5 minutes.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long a received message stays invisible to other workers while it is handled (a queue allows up to 7 days).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00", ErrorMessage = "Outbox:Lease must be between 1 second and 7 days (the queue's limit).")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Messages handled at the same time (the connector's limiter paces sends per conversation and tenant).</summary>
    [Range(1, 32, ErrorMessage = "Outbox:Concurrency must be between 1 and 32 (a queue hands out at most 32 messages at once).")]
    public int Concurrency { get; set; } = 16;

    /// <summary>After this many deliveries a failing message (or one of a kind no instance knows) moves to the poison queue.</summary>
    [Range(1, 1000, ErrorMessage = "Outbox:MaxDeliveries must be between 1 and 1000.")]
    public int MaxDeliveries { get; set; } = 10;

    /// <summary>
    /// How often the sweep looks for members owed a card whose card was never queued (a failed enqueue after an answer, a
    /// stage opening cut off half-way); a member is queued when owed at two sweeps in a row. Zero disables the sweep.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Outbox:SweepInterval must be between 0 (off) and 1 day.")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How often the worker lists the account's outbox queues to find a tenant's queue another instance made (a queue
    /// this instance writes to first is drained at once).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00", ErrorMessage = "Outbox:QueueScanInterval must be between 100 ms and 1 hour.")]
    public TimeSpan QueueScanInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>False disables the worker and the sweep (CLI, tests of other parts).</summary>
    public bool Enabled { get; set; } = true;
}
