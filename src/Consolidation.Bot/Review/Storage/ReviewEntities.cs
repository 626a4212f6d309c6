using System.Text.Json.Serialization;
using Azure;
using Azure.Data.Tables;

namespace Consolidation.Bot.Review.Storage;

/// <summary>Base of every review table row.</summary>
public abstract class ReviewEntity : ITableEntity
{
    // The keys and the store's metadata are not part of a row's JSON (DefinitionsPack): a pack keeps the rows' values.
    [JsonIgnore]
    public string PartitionKey { get; set; } = "";

    [JsonIgnore]
    public string RowKey { get; set; } = "";

    [JsonIgnore]
    public DateTimeOffset? Timestamp { get; set; }

    [JsonIgnore]
    public ETag ETag { get; set; }
}

/// <summary>Reviews/(reviews, reviewId): the review and the generation of its definitions that is current.</summary>
public sealed class ReviewRowEntity : ReviewEntity
{
    public string Name { get; set; } = "";
    public int Generation { get; set; }

    /// <summary>The partition holding this generation's definitions (null: written before imports had tokens, see <see cref="ReviewKeys.DefinitionPartitionOf"/>).</summary>
    public string? DefinitionPartition { get; set; }

    /// <summary>Hash of the definitions of the current generation: re-importing the same content changes nothing.</summary>
    public string ContentHash { get; set; } = "";

    public bool IsDemo { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>Reviews/(active, active): which review the bot serves.</summary>
public sealed class ActiveReviewEntity : ReviewEntity
{
    public string ReviewId { get; set; } = "";
}

/// <summary>ReviewData/({review}~g{generation}, task|{id}).</summary>
public sealed class TaskDefinitionEntity : ReviewEntity
{
    public string Id { get; set; } = "";
    public int Order { get; set; }
    public string Name { get; set; } = "";
    public string Bureau { get; set; } = "";
    public string Subcommittee { get; set; } = "";
    public string Assignee { get; set; } = "";
    public string? StageAssignees { get; set; }
    public string? Theme { get; set; }
    public string? StandardBusiness { get; set; }
    public int? AnnualCases { get; set; }
    public double? StaffHours { get; set; }
}

/// <summary>ReviewData/({review}~g{generation}, member|{email}).</summary>
public sealed class MemberEntity : ReviewEntity
{
    public string Email { get; set; } = "";
    public string Name { get; set; } = "";
    public string? AadObjectId { get; set; }
    public string Role { get; set; } = "";
    public string Subcommittees { get; set; } = "[]";

    /// <summary>The bureau a bureau contact speaks for; null for everyone else.</summary>
    public string? Bureau { get; set; }

    /// <summary>How the name reads, in kana; null when the member file did not say.</summary>
    public string? Reading { get; set; }
}

/// <summary>ReviewData/({review}, state|{taskId}): where a task stands. Absent = inventory, version 1.</summary>
public sealed class TaskStateEntity : ReviewEntity
{
    public string TaskId { get; set; } = "";
    public string Stage { get; set; } = "";
    public int Version { get; set; }
    public string? PreWg { get; set; }
    public string? Wg { get; set; }
    public string? Suitability { get; set; }
    public DateTimeOffset? UpdatedAt { get; set; }

    /// <summary>JSON object stage → email of the secretariat's reassignments; null when there are none.</summary>
    public string? Reassigned { get; set; }

    /// <summary>JSON of this round's bureau view at WG; null until one is given.</summary>
    public string? BureauView { get; set; }

    /// <summary>The task's round (再検討); absent for round 1 (rows written before rounds existed read as round 1).</summary>
    public int? Round { get; set; }

    /// <summary>JSON array of the earlier rounds' WG and 適否 outcomes; null in round 1.</summary>
    public string? EarlierRounds { get; set; }
}

/// <summary>ReviewData/({review}, hist|{taskId}|{resultingVersion}): one accepted change, never updated.</summary>
public sealed class HistoryEntity : ReviewEntity
{
    public string TaskId { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Stage { get; set; } = "";
    public string By { get; set; } = "";
    public string? ByAadObjectId { get; set; }
    public DateTimeOffset At { get; set; }
    public int CardVersion { get; set; }
    public int ResultingVersion { get; set; }
    public string? Answer { get; set; }
    public bool Late { get; set; }
    public string? Reason { get; set; }
    public string? AssigneeFrom { get; set; }
    public string? AssigneeTo { get; set; }
}

/// <summary>ReviewData/({review}, window|{stage}|{subcommittee}): a stage opened for a subcommittee.</summary>
public sealed class StageWindowEntity : ReviewEntity
{
    public string Stage { get; set; } = "";
    public string Subcommittee { get; set; } = "";
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset Deadline { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>The <see cref="Domain.PreWgCardMode"/> name; absent on windows written before the batch card (detailed).</summary>
    public string? CardMode { get; set; }
}

/// <summary>
/// ReviewData/({review}, reassigned|{email}): ids of the tasks the secretariat handed to this member (JSON array). Only
/// ever grows: whether the member is still the assignee is decided on each task's state.
/// </summary>
public sealed class ReassignedTasksEntity : ReviewEntity
{
    public string TaskIds { get; set; } = "[]";
}

/// <summary>ReviewData/({review}, audit|{time}|{id}): one entry of the review's audit trail, never updated.</summary>
public sealed class AuditEntity : ReviewEntity
{
    public string Kind { get; set; } = "";
    public string By { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string Detail { get; set; } = "";
    public string? Stage { get; set; }
}
