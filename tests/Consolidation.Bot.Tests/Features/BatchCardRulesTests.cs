using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Questionnaire;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;

namespace Consolidation.Bot.Tests.Features;

/// <summary>
/// The rules of the プレWG batch card that need no storage: the secretariat's choice in the open command, which card a
/// member gets next, when a batch in hand is done with, the card's task list, and reading a submit.
/// </summary>
public class BatchCardRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    [Theory]
    [InlineData("プレWG開始 福祉 12月20日 一括", PreWgCardMode.Batch)]
    [InlineData("open prewg all 2026-12-20 batch", PreWgCardMode.Batch)]
    [InlineData("プレWG開始 全部会 12月20日 詳細", PreWgCardMode.Detailed)]
    [InlineData("open prewg welfare 2026-12-20 detailed", PreWgCardMode.Detailed)]
    [InlineData("プレWG開始 福祉 12月20日", null)]
    public void OpenCommand_NamesTheCard_OrLeavesItToTheSetting(string text, PreWgCardMode? expected)
    {
        var (request, error) = OpenStageParser.Parse(text, Today);

        Assert.Equal(OpenStageParseError.None, error);
        Assert.Equal(expected, request!.Mode);
        Assert.NotEmpty(request.Subcommittees);
    }

    [Theory]
    [InlineData("WG開始 福祉 1月15日 一括")]
    [InlineData("open suitability all 2027-01-15 batch")]
    public void OpenCommand_BatchForALaterStage_Refused(string text) =>
        Assert.Equal(OpenStageParseError.BatchOnlyPreWg, OpenStageParser.Parse(text, Today).Error);

    [Fact]
    public void NextCard_BatchWindowAndTwoOrMoreTasks_UpToTenOnOneCard()
    {
        var tasks = Enumerable.Range(1, 14).Select(n => Task(n, Stage.PreWg)).ToList();

        var next = NextCard.For(Snapshot(tasks, PreWgCardMode.Batch), tasks)!;

        Assert.True(next.IsBatch);
        Assert.Equal(tasks.Take(BatchCardFields.MaxRows), next.Tasks);
        Assert.Equal(tasks.Take(10).Select(t => (t.Id, t.State.Version)), BatchCardFields.ParseTasks(next.BatchValue));
    }

    [Fact]
    public void NextCard_OneTask_DetailedWindow_OrAWgTaskFirst_IsTheSingleCard()
    {
        var one = new[] { Task(1, Stage.PreWg) };
        Assert.False(NextCard.For(Snapshot(one, PreWgCardMode.Batch), one)!.IsBatch);

        var many = Enumerable.Range(1, 5).Select(n => Task(n, Stage.PreWg)).ToList();
        Assert.False(NextCard.For(Snapshot(many, PreWgCardMode.Detailed), many)!.IsBatch);

        List<ReviewTask> wgFirst = [Task(9, Stage.Wg), .. many];
        var next = NextCard.For(Snapshot(wgFirst, PreWgCardMode.Batch), wgFirst)!;
        Assert.Equal((false, "J-0009"), (next.IsBatch, next.First.Id));
        Assert.Null(NextCard.For(Snapshot([], PreWgCardMode.Batch), []));
    }

    [Fact]
    public void BatchInHand_UntilAnyRowIsAnsweredOrChanged()
    {
        var tasks = Enumerable.Range(1, 3).Select(n => Task(n, Stage.PreWg)).ToList();
        var cursor = new MemberCursorEntity { TaskId = "J-0001", TaskVersion = 2, Batch = BatchCardFields.TasksValue(tasks.Select(t => (t.Id, t.State.Version))) };

        Assert.True(OwedCards.StillOpen(cursor, tasks));
        Assert.False(OwedCards.StillOpen(cursor, tasks.Skip(1)));
        Assert.False(OwedCards.StillOpen(cursor, [tasks[0], tasks[1] with { State = tasks[1].State with { Version = 3 } }, tasks[2]]));
        Assert.True(OwedCards.StillOpen(new MemberCursorEntity { TaskId = "J-0002", TaskVersion = 2 }, tasks));
    }

    [Theory]
    [InlineData("J-0001@2,J%2C2@3")]
    public void TaskList_RoundTrips_IdsWithCommas(string value) =>
        Assert.Equal([("J-0001", 2), ("J,2", 3)], BatchCardFields.ParseTasks(value)!);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("J-0001")]
    [InlineData("J-0001@x")]
    [InlineData("@2")]
    [InlineData("J-0001@2,J-0001@2")]
    [InlineData("1@1,2@1,3@1,4@1,5@1,6@1,7@1,8@1,9@1,10@1,11@1")]
    public void TaskList_Malformed_IsNotOurCard(string? value) => Assert.Null(BatchCardFields.ParseTasks(value));

    [Fact]
    public void Submit_ChosenRowsBecomeRoughAnswers_BlankRowsWait()
    {
        var parsed = BatchAnswerParser.Parse(Get(("row0Decision", "Keep"), ("row1Decision", "Exclude"), ("row1Reason", " 対面が必要 ")));

        Assert.True(parsed.IsValid);
        Assert.Equal(new PreWgAnswer { Decision = PreWgDecision.Keep, Rough = true }, parsed.Rows![0].Answer);
        Assert.Equal(new PreWgAnswer { Decision = PreWgDecision.Exclude, Reason = "対面が必要", Rough = true }, parsed.Rows[1].Answer);
        Assert.Equal(("J-0003", 2, (PreWgAnswer?)null), (parsed.Rows[2].TaskId, parsed.Rows[2].Version, parsed.Rows[2].Answer));
    }

    [Fact]
    public void Submit_InputErrors_EachUnderItsRow_NothingAccepted()
    {
        var parsed = BatchAnswerParser.Parse(Get(("row0Decision", "Exclude"), ("row1Reason", "理由だけ"), ("row2Decision", "Maybe")));

        Assert.False(parsed.IsValid);
        Assert.Equal(AnswerErrors.ReasonRequired, parsed.Errors["row0Reason"]);
        Assert.Equal(QuestionnaireErrors.Required, parsed.Errors["row1Decision"]);
        Assert.Equal(QuestionnaireErrors.Required, parsed.Errors["row2Decision"]);
        Assert.Equal("理由だけ", parsed.Values["row1Reason"]);

        var tooLong = BatchAnswerParser.Parse(Get(("row0Decision", "Keep"), ("row0Reason", new string('x', BatchCardFields.MaxReasonLength + 1))));
        Assert.Equal(AnswerErrors.TooLong, tooLong.Errors["row0Reason"]);
    }

    [Fact]
    public void Submit_NothingChosen_IsACardError()
    {
        var parsed = BatchAnswerParser.Parse(Get());

        Assert.False(parsed.IsValid);
        Assert.Equal("Batch_NothingChosen", parsed.CardError);
        Assert.Null(BatchAnswerParser.Parse(_ => null).Rows);
    }

    private static Func<string, string?> Get(params (string Key, string Value)[] inputs)
    {
        var data = inputs.ToDictionary(i => i.Key, i => (string?)i.Value.Trim());
        data[BatchCardFields.Tasks] = "J-0001@2,J-0002@2,J-0003@2";
        return key => data.GetValueOrDefault(key);
    }

    private static ReviewTask Task(int n, Stage stage) => new(
        new TaskDefinition { Id = $"J-{n:0000}", Name = "事務", Bureau = "福祉局", Subcommittee = Subcommittee.WelfareHealth, Assignee = "kita@city.example.jp" },
        new TaskState { TaskId = $"J-{n:0000}", Stage = stage, Version = 2 });

    private static ReviewSnapshot Snapshot(IReadOnlyList<ReviewTask> tasks, PreWgCardMode mode) => new("r", "r", 1, tasks, [],
    [
        new StageWindow { Stage = Stage.PreWg, Subcommittee = Subcommittee.WelfareHealth, OpenedAt = DateTimeOffset.UnixEpoch, Deadline = DateTimeOffset.UnixEpoch.AddDays(9), CardMode = mode },
        new StageWindow { Stage = Stage.Wg, Subcommittee = Subcommittee.WelfareHealth, OpenedAt = DateTimeOffset.UnixEpoch, Deadline = DateTimeOffset.UnixEpoch.AddDays(9) },
    ]);
}
