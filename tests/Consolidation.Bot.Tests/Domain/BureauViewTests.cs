using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Questionnaire;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;

namespace Consolidation.Bot.Tests.Domain;

/// <summary>
/// The bureau in charge at WG (所管部局を交えたＷＧ), the rules that need no storage: who gives the view, when, once per
/// round, without moving the version; which tasks wait for a contact; the card's reading; stored and read back.
/// </summary>
public class BureauViewTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 10, 1, 0, 0, TimeSpan.Zero);
    private static readonly Member WardHead = new() { Email = "kita@city.example.jp", Name = "北", Subcommittees = [Subcommittee.WelfareHealth] };
    private static readonly Member Contact = new() { Email = "fukushi@city.example.jp", Name = "福祉局 担当", Role = MemberRole.Bureau, Bureau = "福祉局" };
    private static readonly Member OtherBureau = new() { Email = "kodomo@city.example.jp", Name = "こども局 担当", Role = MemberRole.Bureau, Bureau = "こども青少年局" };
    private static readonly Member Secretariat = new() { Email = "sec@city.example.jp", Name = "事務局", Role = MemberRole.Secretariat };

    private static StageWindow Wg(DateTimeOffset? closed = null) =>
        new() { Stage = Stage.Wg, Subcommittee = Subcommittee.WelfareHealth, OpenedAt = Now.AddDays(-5), Deadline = Now.AddDays(5), ClosedAt = closed };

    private static ReviewTask Task(Stage stage = Stage.Wg, string bureau = "福祉局", string id = "J-0001") => new(
        new TaskDefinition { Id = id, Name = "介護保険の認定申請受付", Bureau = bureau, Subcommittee = Subcommittee.WelfareHealth, Assignee = WardHead.Email },
        new TaskState
        {
            TaskId = id, Stage = stage, Version = 4,
            PreWg = stage == Stage.PreWg ? null : new StageOutcome { Answer = new PreWgAnswer { Decision = PreWgDecision.Keep }, AnsweredBy = WardHead.Email, AnsweredAt = Now.AddDays(-20) },
        });

    private static BureauViewAnswer Issues => new() { View = BureauView.Issues, Comment = "システム改修が前提" };

    [Fact]
    public void Record_ByTheBureausContact_BesideTheDecision_VersionUnchanged()
    {
        var result = ReviewRules.RecordBureauView(Task(), Contact, Issues, round: 1, Wg(), Now);

        Assert.True(result.Accepted);
        Assert.Equal((4, Stage.Wg), (result.State!.Version, result.State.Stage));
        Assert.Equal((Issues, Contact.Email), ((BureauViewAnswer)result.State.BureauView!.Answer, result.State.BureauView.AnsweredBy));

        // The 担当区長's card, built at version 4, is still current.
        var withView = Task() with { State = result.State };
        var window = Wg();
        Assert.True(ReviewRules.Answer(withView, WardHead, new WgAnswer { Decision = WgDecision.StudyTarget }, 4, window, Now).Accepted);
    }

    [Fact]
    public void Record_Refusals()
    {
        Assert.Equal(DecisionError.NotAssignee, ReviewRules.RecordBureauView(Task(), OtherBureau, Issues, 1, Wg(), Now).Error);
        Assert.Equal(DecisionError.NotAssignee, ReviewRules.RecordBureauView(Task(), Secretariat, Issues, 1, Wg(), Now).Error);
        Assert.Equal(DecisionError.Stale, ReviewRules.RecordBureauView(Task(Stage.PreWg), Contact, Issues, 1, Wg(), Now).Error);
        Assert.Equal(DecisionError.Stale, ReviewRules.RecordBureauView(Task(), Contact, Issues, 2, Wg(), Now).Error);
        Assert.Equal(DecisionError.StageClosed, ReviewRules.RecordBureauView(Task(), Contact, Issues, 1, Wg(Now.AddDays(-1)), Now).Error);
        Assert.Equal(DecisionError.StageNotOpen, ReviewRules.RecordBureauView(Task(), Contact, Issues, 1, null, Now).Error);
        Assert.Equal(DecisionError.Invalid, ReviewRules.RecordBureauView(Task(), Contact, new BureauViewAnswer { View = BureauView.Partial }, 1, Wg(), Now).Error);

        var once = Task() with { State = ReviewRules.RecordBureauView(Task(), Contact, Issues, 1, Wg(), Now).State! };
        Assert.Equal(DecisionError.Stale, ReviewRules.RecordBureauView(once, Contact with { Email = "other@city.example.jp" }, Issues, 1, Wg(), Now).Error);
    }

    [Fact]
    public void Contact_MatchesTheBureauAsWritten_WidthAndSpacesAside()
    {
        Assert.True(Contact.IsBureauContactFor(Task(bureau: "福祉局 ").Definition));
        Assert.True((Contact with { Bureau = "福祉 局" }).IsBureauContactFor(Task().Definition));
        Assert.False(Contact.IsBureauContactFor(Task(bureau: "健康局").Definition));
        Assert.False((WardHead with { Bureau = "福祉局" }).IsBureauContactFor(Task().Definition));
    }

    [Fact]
    public void Awaiting_TheBureausTasksAtWg_WhileOpen_WithoutAView_AndTheNextCardIsTheirs()
    {
        var tasks = new[] { Task(id: "J-0002"), Task(id: "J-0001"), Task(Stage.PreWg, id: "J-0003"), Task(bureau: "こども青少年局", id: "J-0004") };
        var snapshot = new ReviewSnapshot("r", "r", 1, tasks, [WardHead, Contact, OtherBureau], [Wg()]);

        var awaiting = ReviewQueries.AwaitingBureauView(tasks, snapshot.Windows, Contact);

        Assert.Equal(["J-0001", "J-0002"], awaiting.Select(t => t.Id));
        Assert.Empty(ReviewQueries.AwaitingBureauView(tasks, [Wg(Now)], Contact));
        Assert.Empty(ReviewQueries.AwaitingBureauView(tasks, snapshot.Windows, WardHead));
        var next = NextCard.For(snapshot, [], awaiting)!;
        Assert.Equal((NextCardKind.BureauView, "J-0001"), (next.Kind, next.First.Id));
        Assert.Equal(NextCardKind.Task, NextCard.For(snapshot, [tasks[0]], awaiting)!.Kind);

        // A bureau card stays in hand while its task waits for the view, whatever the version does.
        var cursor = new MemberCursorEntity { TaskId = "J-0001", TaskVersion = 1, Kind = NextCard.BureauKind };
        Assert.True(OwedCards.StillOpen(cursor, [], [tasks[1] with { State = tasks[1].State with { Version = 9 } }]));
        Assert.False(OwedCards.StillOpen(cursor, [], [tasks[0]]));
        Assert.Equal(new BureauViewFigures(0, 0, 0, 3), BureauViewFigures.Of(tasks, snapshot.Windows, snapshot.Members));
    }

    [Fact]
    public void Card_Parse_ViewRequired_CommentUnlessAgree()
    {
        Assert.Equal(QuestionnaireErrors.Required, BureauViewCard.Parse(_ => null).Errors[BureauViewCard.View]);
        Assert.Equal(QuestionnaireErrors.Required, BureauViewCard.Parse(k => k == BureauViewCard.View ? "2" : null).Errors[BureauViewCard.View]);
        Assert.Equal(AnswerErrors.ReasonRequired, BureauViewCard.Parse(k => k == BureauViewCard.View ? "Issues" : null).Errors[BureauViewCard.Comment]);
        Assert.Equal(new BureauViewAnswer { View = BureauView.Agree }, BureauViewCard.Parse(k => k == BureauViewCard.View ? "Agree" : null).Answer);
    }

    [Fact]
    public void Stored_RoundTrips_AndTheHistoryRowSitsBesideTheVersionsEntry()
    {
        var state = ReviewRules.RecordBureauView(Task(), Contact, Issues, 1, Wg(), Now).State!;
        Assert.Equal(state, ReviewEntityMapper.ToDomain(ReviewEntityMapper.ToEntity(state, "p")));
        Assert.Equal(Contact, ReviewEntityMapper.ToDomain(ReviewEntityMapper.ToEntity(Contact, "p")));

        var entry = new HistoryEntry { TaskId = "J-0001", Kind = HistoryKind.BureauView, Stage = Stage.Wg, By = Contact.Email, At = Now, CardVersion = 4, ResultingVersion = 4, Answer = Issues };
        var row = ReviewEntityMapper.ToEntity(entry, "p");
        Assert.Equal(ReviewKeys.HistoryRow("J-0001", 4) + "|bureau", row.RowKey);
        Assert.Equal(entry, ReviewEntityMapper.ToDomain(row));
    }

    [Fact]
    public void Revisit_AtWg_AsksTheBureauAgain_At適否_KeepsTheView()
    {
        var view = new StageOutcome { Answer = Issues, AnsweredBy = Contact.Email, AnsweredAt = Now };
        var closed = Task() with
        {
            State = Task().State with
            {
                Stage = Stage.Closed, BureauView = view,
                Wg = new StageOutcome { Answer = new WgAnswer { Decision = WgDecision.StudyTarget }, AnsweredBy = WardHead.Email, AnsweredAt = Now },
                Suitability = new StageOutcome { Answer = new SuitabilityAnswer { Decision = SuitabilityDecision.ContinueLater, Trigger = RevisitTrigger.RuleChange }, AnsweredBy = WardHead.Email, AnsweredAt = Now },
            },
        };
        var today = DateOnly.FromDateTime(Now.UtcDateTime);

        var atWg = ReviewRules.StartRound(closed, Secretariat, RevisitTrigger.RuleChange, Stage.Wg, today, Now).State!;
        var atSuitability = ReviewRules.StartRound(closed, Secretariat, RevisitTrigger.RuleChange, Stage.Suitability, today, Now).State!;

        Assert.Null(atWg.BureauView);
        Assert.Equal(view, atWg.EarlierRounds[0].BureauView);
        Assert.Equal(view, atSuitability.BureauView);
    }
}
