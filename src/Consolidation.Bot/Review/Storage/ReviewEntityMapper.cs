using System.Text.Json;
using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Review.Storage;

/// <summary>Maps review rows to domain records and back (pure).</summary>
public static class ReviewEntityMapper
{
    private static DomainJsonContext Json => DomainJsonContext.Storage;

    public static TaskDefinitionEntity ToEntity(TaskDefinition d, string partition, int order) => new()
    {
        PartitionKey = partition,
        RowKey = ReviewKeys.TaskRow(d.Id),
        Id = d.Id,
        Order = order,
        Name = d.Name,
        Bureau = d.Bureau,
        Subcommittee = d.Subcommittee.ToString(),
        Assignee = d.Assignee,
        StageAssignees = d.StageAssignees.Count == 0 ? null : JsonSerializer.Serialize(d.StageAssignees.ToDictionary(), Json.DictionaryStageString),
        Theme = d.Theme?.ToString(),
        StandardBusiness = d.StandardBusiness,
        AnnualCases = d.AnnualCases,
        StaffHours = d.StaffHours is { } h ? (double)h : null,
    };

    public static TaskDefinition ToDomain(TaskDefinitionEntity e) => new()
    {
        Id = e.Id,
        Name = e.Name,
        Bureau = e.Bureau,
        Subcommittee = Enum.Parse<Subcommittee>(e.Subcommittee),
        Assignee = e.Assignee,
        StageAssignees = e.StageAssignees is null
            ? TaskDefinition.NoStageEmails
            : JsonSerializer.Deserialize(e.StageAssignees, Json.DictionaryStageString)!,
        Theme = e.Theme is null ? null : Enum.Parse<PrecedingTheme>(e.Theme),
        StandardBusiness = e.StandardBusiness,
        AnnualCases = e.AnnualCases,
        StaffHours = e.StaffHours is { } h ? (decimal)h : null,
    };

    public static MemberEntity ToEntity(Member m, string partition) => new()
    {
        PartitionKey = partition,
        RowKey = ReviewKeys.MemberRow(m.Email),
        Email = m.Email,
        Name = m.Name,
        AadObjectId = m.AadObjectId,
        Role = MemberRoles.Format(m),
        Subcommittees = JsonSerializer.Serialize(m.Subcommittees.ToList(), Json.ListSubcommittee),
        Bureau = m.Bureau,
        Reading = m.Reading,
    };

    public static Member ToDomain(MemberEntity e)
    {
        var (role, additional) = MemberRoles.ParseStored(e.Role);
        return new()
        {
            Email = e.Email,
            Name = e.Name,
            AadObjectId = e.AadObjectId,
            Role = role,
            AdditionalRoles = additional,
            Subcommittees = JsonSerializer.Deserialize(e.Subcommittees, Json.ListSubcommittee)!,
            Bureau = e.Bureau,
            Reading = e.Reading,
        };
    }

    public static TaskStateEntity ToEntity(TaskState s, string partition) => new()
    {
        PartitionKey = partition,
        RowKey = ReviewKeys.StateRow(s.TaskId),
        TaskId = s.TaskId,
        Stage = s.Stage.ToString(),
        Version = s.Version,
        PreWg = Serialize(s.PreWg),
        Wg = Serialize(s.Wg),
        Suitability = Serialize(s.Suitability),
        BureauView = Serialize(s.BureauView),
        UpdatedAt = s.UpdatedAt,
        Reassigned = s.Reassigned.Count == 0 ? null : JsonSerializer.Serialize(s.Reassigned.ToDictionary(), Json.DictionaryStageString),
        Round = s.Round == 1 ? null : s.Round,
        EarlierRounds = s.EarlierRounds.Count == 0 ? null : JsonSerializer.Serialize(s.EarlierRounds.ToList(), Json.ListRoundRecord),
    };

    public static TaskState ToDomain(TaskStateEntity e) => new()
    {
        TaskId = e.TaskId,
        Stage = Enum.Parse<Stage>(e.Stage),
        Version = e.Version,
        PreWg = Deserialize(e.PreWg),
        Wg = Deserialize(e.Wg),
        Suitability = Deserialize(e.Suitability),
        BureauView = Deserialize(e.BureauView),
        UpdatedAt = e.UpdatedAt,
        Reassigned = e.Reassigned is null
            ? TaskDefinition.NoStageEmails
            : JsonSerializer.Deserialize(e.Reassigned, Json.DictionaryStageString)!,
        Round = e.Round ?? 1,
        // No list per task in round 1 (100,000 states are kept in memory): the shared empty array.
        EarlierRounds = e.EarlierRounds is null ? Array.Empty<RoundRecord>() : JsonSerializer.Deserialize(e.EarlierRounds, Json.ListRoundRecord)!,
    };

    public static HistoryEntity ToEntity(HistoryEntry h, string partition) => new()
    {
        PartitionKey = partition,
        // A bureau view leaves the version where it was: its row sits beside the entry that made that version.
        RowKey = ReviewKeys.HistoryRow(h.TaskId, h.ResultingVersion) + (h.Kind == HistoryKind.BureauView ? ReviewKeys.BureauViewSuffix : ""),
        TaskId = h.TaskId,
        Kind = h.Kind.ToString(),
        Stage = h.Stage.ToString(),
        By = h.By,
        ByAadObjectId = h.ByAadObjectId,
        At = h.At,
        CardVersion = h.CardVersion,
        ResultingVersion = h.ResultingVersion,
        Answer = h.Answer is null ? null : AnswerJson(h.Answer),
        Late = h.Late,
        Reason = h.Reason,
        AssigneeFrom = h.AssigneeFrom,
        AssigneeTo = h.AssigneeTo,
    };

    /// <summary>An answer as its history row holds it.</summary>
    public static string AnswerJson(StageAnswer answer) => JsonSerializer.Serialize(answer, Json.StageAnswer);

    public static HistoryEntry ToDomain(HistoryEntity e) => new()
    {
        TaskId = e.TaskId,
        Kind = Enum.Parse<HistoryKind>(e.Kind),
        Stage = Enum.Parse<Stage>(e.Stage),
        By = e.By,
        ByAadObjectId = e.ByAadObjectId,
        At = e.At,
        CardVersion = e.CardVersion,
        ResultingVersion = e.ResultingVersion,
        Answer = e.Answer is null ? null : JsonSerializer.Deserialize(e.Answer, Json.StageAnswer),
        Late = e.Late,
        Reason = e.Reason,
        AssigneeFrom = e.AssigneeFrom,
        AssigneeTo = e.AssigneeTo,
    };

    public static StageWindowEntity ToEntity(StageWindow w, string partition) => new()
    {
        PartitionKey = partition,
        RowKey = ReviewKeys.WindowRow(w.Stage, w.Subcommittee),
        Stage = w.Stage.ToString(),
        Subcommittee = w.Subcommittee.ToString(),
        OpenedAt = w.OpenedAt,
        Deadline = w.Deadline,
        ClosedAt = w.ClosedAt,
        CardMode = w.CardMode == PreWgCardMode.Detailed ? null : w.CardMode.ToString(),
    };

    public static StageWindow ToDomain(StageWindowEntity e) => new()
    {
        Stage = Enum.Parse<Stage>(e.Stage),
        Subcommittee = Enum.Parse<Subcommittee>(e.Subcommittee),
        OpenedAt = e.OpenedAt,
        Deadline = e.Deadline,
        ClosedAt = e.ClosedAt,
        CardMode = Enum.TryParse<PreWgCardMode>(e.CardMode, out var mode) ? mode : PreWgCardMode.Detailed,
    };

    private static string? Serialize(StageOutcome? outcome) => outcome is null ? null : JsonSerializer.Serialize(outcome, Json.StageOutcome);

    private static StageOutcome? Deserialize(string? json) => json is null ? null : JsonSerializer.Deserialize(json, Json.StageOutcome);
}
