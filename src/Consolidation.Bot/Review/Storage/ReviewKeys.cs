using System.Globalization;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Storage;

namespace Consolidation.Bot.Review.Storage;

/// <summary>
/// Partition and row keys of the review tables (docs/design.md, "Storage: tables and keys"). Definitions (tasks and members as imported)
/// live in a partition per import generation, so an import becomes visible all at once when the review row's
/// generation is flipped. Everything that changes while the review runs (task states, their history, stage
/// windows) lives in one partition per review, so an answer's history entry and the state it
/// produces commit in one entity-group transaction.
/// </summary>
public static class ReviewKeys
{
    public const string ReviewsPartition = "reviews";
    public const string ActivePartition = "active";
    public const string ActiveRow = "active";

    /// <summary>The partition of a generation written before imports had their own token (rows published without one).</summary>
    public static string DefinitionPartition(string reviewId, int generation) =>
        TableKeys.Escape(reviewId) + "~g" + generation.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>
    /// The partition one import writes: its generation plus a token of its own, so two imports racing for the same
    /// generation never write into (or clean up) each other's rows.
    /// </summary>
    public static string DefinitionPartition(string reviewId, int generation, string importToken) =>
        DefinitionPartition(reviewId, generation) + "~" + importToken;

    /// <summary>Where the published definitions of <paramref name="review"/> are.</summary>
    public static string DefinitionPartitionOf(string reviewId, ReviewRowEntity review)
    {
        ArgumentNullException.ThrowIfNull(review);
        return string.IsNullOrEmpty(review.DefinitionPartition) ? DefinitionPartition(reviewId, review.Generation) : review.DefinitionPartition;
    }

    public static string StatePartition(string reviewId) => TableKeys.Escape(reviewId);

    public const string TaskPrefix = "task|";
    public const string MemberPrefix = "member|";
    public const string StatePrefix = "state|";
    public const string HistoryPrefix = "hist|";
    public const string WindowPrefix = "window|";
    public const string ReassignedPrefix = "reassigned|";
    public const string AuditPrefix = "audit|";

    public static string TaskRow(string taskId) => TaskPrefix + TableKeys.Escape(taskId);

    public static string MemberRow(string email) => MemberPrefix + TableKeys.Escape(Member.NormalizeEmail(email));

    public static string StateRow(string taskId) => StatePrefix + TableKeys.Escape(taskId);

    /// <summary>History rows sort by task, then by the version they produced (unique: a second writer of the same version conflicts).</summary>
    public static string HistoryRow(string taskId, int resultingVersion) =>
        HistoryPrefix + TableKeys.Escape(taskId) + "|" + resultingVersion.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>Appended to <see cref="HistoryRow"/> for a bureau view, which does not move the version (one per round).</summary>
    public const string BureauViewSuffix = "|bureau";

    public static string HistoryTaskPrefix(string taskId) => HistoryPrefix + TableKeys.Escape(taskId) + "|";

    public static string WindowRow(Stage stage, Subcommittee subcommittee) => WindowPrefix + stage + "|" + subcommittee;

    /// <summary>Audit rows sort by time (UTC ticks, fixed width), then a random suffix for entries of the same tick.</summary>
    public static string AuditRow(DateTimeOffset at) =>
        AuditPrefix + at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "|" + Guid.NewGuid().ToString("N")[..8];

    /// <summary>The tasks reassigned to a member (see <see cref="ReassignmentIndex"/>).</summary>
    public static string ReassignedRow(string email) => ReassignedPrefix + TableKeys.Escape(Member.NormalizeEmail(email));
}
