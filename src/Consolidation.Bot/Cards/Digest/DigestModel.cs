using System.Text.Json.Serialization;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Cards.Digest;

/// <summary>The figures a digest compares with the previous one (kept with each posted digest).</summary>
public sealed record DigestFigures
{
    [JsonPropertyName("funnel")] public required Funnel Funnel { get; init; }

    /// <summary>Answers given so far, all screening stages together.</summary>
    [JsonPropertyName("answered")] public int Answered { get; init; }

    [JsonPropertyName("at")] public DateTimeOffset At { get; init; }
}

[JsonSerializable(typeof(DigestFigures))]
public sealed partial class DigestJsonContext : JsonSerializerContext;

/// <summary>Answered / assigned in one open stage of one subcommittee, with its deadline.</summary>
public sealed record DigestProgressRow(Subcommittee Subcommittee, Stage Stage, int Answered, int Assigned, DateTimeOffset Deadline)
{
    public int Unanswered => Assigned - Answered;
}

/// <summary>A member with late tasks, for the "worst few" line.</summary>
public sealed record DigestLateMember(string Name, int Count);

/// <summary>Everything the digest card shows, computed from a review snapshot (see <see cref="DigestComposer"/>).</summary>
public sealed record DigestModel
{
    public required string ReviewName { get; init; }
    public required DateTimeOffset AsOf { get; init; }
    public required TimeZoneInfo Zone { get; init; }
    public required DigestFigures Current { get; init; }
    public DigestFigures? Previous { get; init; }
    public required IReadOnlyList<DigestProgressRow> Progress { get; init; }
    public required int OverdueTasks { get; init; }
    public required int OverdueMembers { get; init; }
    public required IReadOnlyList<DigestLateMember> WorstLate { get; init; }
    public required IReadOnlyList<DigestProgressRow> NextDeadlines { get; init; }

    /// <summary>The 方向性 recorded for each preceding theme (missing themes are shown as not yet recorded).</summary>
    public IReadOnlyList<Review.Storage.ThemeDirection> ThemeDirections { get; init; } = [];

    /// <summary>Later rounds (再検討), counted apart from the funnel, which is round 1's; empty before the first revisit.</summary>
    public IReadOnlyList<RoundFigures> Rounds { get; init; } = [];

    /// <summary>The bureaus' views at WG beside the 担当区長's decisions (shown once any was given or is awaited).</summary>
    public BureauViewFigures BureauViews { get; init; } = new(0, 0, 0, 0);

    public required BotText Text { get; init; }

    public Funnel Funnel => Current.Funnel;
}
