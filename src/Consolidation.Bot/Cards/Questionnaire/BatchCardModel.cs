using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Cards.Questionnaire;

/// <summary>One task on the batch card, with the version of its state the card was built from.</summary>
public sealed record BatchRow(TaskSummary Task, int Version);

/// <summary>
/// Everything the プレWG batch card shows: the tasks, the stage's deadline, how far the member is, and, when the card is
/// sent back after a refused submit, what was chosen and typed and what was wrong with it.
/// </summary>
public sealed record BatchCardModel
{
    public required IReadOnlyList<BatchRow> Rows { get; init; }

    /// <summary>The earliest deadline among the rows' windows (a UTC instant), shown in <see cref="TimeZone"/>.</summary>
    public required DateTimeOffset Deadline { get; init; }

    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>The member's プレWG tasks in open windows already answered, and all of them (<c>回答済み 20件／全133件</c>).</summary>
    public required int Answered { get; init; }

    public required int Total { get; init; }

    /// <summary>The review the card belongs to; its actions carry it back (null only in card tests).</summary>
    public string? ReviewId { get; init; }

    /// <summary>Values chosen and typed on a refused submit, keyed by input id; empty on first send.</summary>
    public IReadOnlyDictionary<string, string?> Values { get; init; } = new Dictionary<string, string?>();

    /// <summary>Errors keyed by input id, each a resource key.</summary>
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    /// <summary>An error of the whole card (resource key), e.g. nothing was chosen.</summary>
    public string? CardError { get; init; }

    public required BotText Text { get; init; }
}
