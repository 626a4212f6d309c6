using Azure;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Features;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;

namespace Consolidation.Bot.Tests.Features.Questionnaire;

/// <summary>One review held in memory for the answer path's unit tests: a pre-WG task of 佐藤's, its open window.</summary>
internal static class AnswerFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 12, 10, 3, 0, 0, TimeSpan.Zero);
    public static readonly Member Assignee = new() { Email = "sato@city.example.jp", Name = "佐藤", Subcommittees = [Subcommittee.WelfareHealth] };
    public static readonly Member Other = new() { Email = "ito@city.example.jp", Name = "伊藤" };
    /// <summary>The secretariat, sending the turn from the same Entra object id the handler tests' turns carry.</summary>
    public static readonly Member Secretariat = new() { Email = "yamada@city.example.jp", Name = "山田", Role = MemberRole.Secretariat, AadObjectId = "aad-sato" };
    public static readonly PreWgAnswer Keep = new() { Routine = true, Decision = PreWgDecision.Keep, AnnualCases = 1200, StaffHours = 300 };

    public static ReviewTask Task(Stage stage = Stage.PreWg, int version = 2) => new(
        new TaskDefinition { Id = "J-0001", Name = "住民票の写しの交付", Bureau = "市民局", Subcommittee = Subcommittee.WelfareHealth, Assignee = Assignee.Email },
        new TaskState { TaskId = "J-0001", Stage = stage, Version = version });

    /// <summary>Another pre-WG task of 佐藤's, waiting for an answer.</summary>
    public static ReviewTask Second() =>
        new(Task().Definition with { Id = "J-0002", Name = "印鑑登録証明書の交付" }, new TaskState { TaskId = "J-0002", Stage = Stage.PreWg, Version = 2 });

    public static ReviewTask Answered(string id = "J-0001")
    {
        var task = Task() with { Definition = Task().Definition with { Id = id }, State = new TaskState { TaskId = id, Stage = Stage.PreWg, Version = 2 } };
        return task with { State = ReviewRules.Answer(task, Assignee, Keep, 2, Window(), Now).State! };
    }

    public static StageWindow Window(DateTimeOffset? closedAt = null) => new()
    {
        Stage = Stage.PreWg, Subcommittee = Subcommittee.WelfareHealth, OpenedAt = Now.AddDays(-9), Deadline = Now.AddDays(10), ClosedAt = closedAt,
    };

    public static ActiveReviewContext Context(ReviewTask task, bool senderScoped = false) => new(
        new ReviewSnapshot("r1", "n", 1, [task], [Assignee], [Window()]), Assignee, senderScoped,
        new Dictionary<string, StoredTask> { [task.Id] = new(task, new ETag("\"e1\"")) });
}
