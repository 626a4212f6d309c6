using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Digest;
using Consolidation.Bot.Features.Reminders;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Review;
using Consolidation.Bot.Scheduling;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static Consolidation.Bot.Tests.Features.Questionnaire.AnswerFixtures;

namespace Consolidation.Bot.Tests.Features.Digest;

/// <summary>
/// The digest run's outbox handler at unit level (issue 20): the run's row, the last digest's figures and the
/// once-per-recipient sending held in memory, the digest and its card real. The council channel and each member of the
/// overall summing-up get it once; its figures are kept for the next digest only when the council saw it.
/// </summary>
public class DigestRunHandlerTests
{
    private const string RunKey = "manual-digest|20261210T030000Z";
    private static readonly Member OverviewB = new() { Email = "b-overview@city.example.jp", Name = "総括 二", Role = MemberRole.Overview };
    private static readonly Member OverviewA = new() { Email = "a-overview@city.example.jp", Name = "総括 一", Role = MemberRole.Overview };
    private static readonly ReviewSnapshot Review = new("r1", "n", 1, [Task(), Answered("J-0002")], [Assignee, OverviewB, OverviewA], [Window()]);

    private readonly FakeScheduledRuns _runs = new();

    [Fact]
    public async Task CouncilRegistered_PostedThereAndToEachOverviewMemberOnce_FiguresKept_RunDone()
    {
        var sender = new FakeSender();
        _runs.Claimed(RunKey, Now, manual: true);

        Assert.True(await Handler(sender).HandleAsync(Message(RunKey), CancellationToken.None));

        var council = Card(Assert.Single(sender.CouncilPosts));
        Assert.Contains("残す 1件／除外 0件／未回答 1件", council, StringComparison.Ordinal); // this review's figures
        Assert.Equal(["overview|" + OverviewA.Email, "overview|" + OverviewB.Email], sender.Sent.Select(s => s.RecipientKey));
        Assert.All(sender.Sent, s => Assert.Equal(council, Card(s.Built!)));
        var run = _runs.Stored(RunKey)!;
        Assert.Equal(ScheduledRunEntity.Done, run.Status);
        Assert.NotNull(run.Figures);
        Assert.Equal(run.Figures, _runs.LastDigestFigures);
    }

    [Fact]
    public async Task TheNextDigest_SaysWhatChangedSinceThisOne()
    {
        _runs.Claimed(RunKey, Now, manual: true);
        _runs.Claimed("manual-digest|next", Now.AddDays(1), manual: true);
        var first = new FakeSender();
        await Handler(first).HandleAsync(Message(RunKey), CancellationToken.None);
        var next = new FakeSender();

        await Handler(next, Now.AddDays(1)).HandleAsync(Message("manual-digest|next"), CancellationToken.None);

        Assert.DoesNotContain("前回（", Card(Assert.Single(first.CouncilPosts)), StringComparison.Ordinal);
        Assert.Contains("前回（", Card(Assert.Single(next.CouncilPosts)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoCouncilRegistered_OverviewMembersStillSent_FiguresNotKept_RunDone()
    {
        var sender = new FakeSender { Council = CouncilPost.NoCouncil };
        _runs.Claimed(RunKey, Now, manual: true);

        Assert.True(await Handler(sender).HandleAsync(Message(RunKey), CancellationToken.None));

        Assert.Equal(2, sender.Sent.Count);
        Assert.Null(_runs.LastDigestFigures);
        Assert.Equal(ScheduledRunEntity.Done, _runs.Stored(RunKey)!.Status);
    }

    [Fact]
    public async Task CouncilPostInAnotherInstancesHands_LookAgainLater_RunNotDone()
    {
        var sender = new FakeSender { Council = CouncilPost.InProgress };
        _runs.Claimed(RunKey, Now, manual: true);

        Assert.False(await Handler(sender).HandleAsync(Message(RunKey), CancellationToken.None));

        Assert.Empty(sender.Sent);
        Assert.NotEqual(ScheduledRunEntity.Done, _runs.Stored(RunKey)!.Status);
    }

    [Fact]
    public async Task AnOverviewMemberInAnotherInstancesHands_LookAgainLater_NothingKept()
    {
        var sender = new FakeSender();
        sender.Busy.Add("overview|" + OverviewA.Email);
        _runs.Claimed(RunKey, Now, manual: true);

        Assert.False(await Handler(sender).HandleAsync(Message(RunKey), CancellationToken.None));

        Assert.Null(_runs.LastDigestFigures);
        Assert.NotEqual(ScheduledRunEntity.Done, _runs.Stored(RunKey)!.Status);
    }

    [Fact]
    public async Task RunAlreadyDone_NothingPostedAgain()
    {
        _runs.Claimed(RunKey, Now, manual: true);
        await Handler(new FakeSender()).HandleAsync(Message(RunKey), CancellationToken.None);
        var again = new FakeSender();

        Assert.True(await Handler(again).HandleAsync(Message(RunKey), CancellationToken.None));

        Assert.Empty(again.CouncilPosts);
        Assert.Empty(again.Sent);
    }

    private DigestRunHandler Handler(FakeSender sender, DateTimeOffset? now = null) => new(
        new FakeSnapshots(Review), _runs, sender, new ScheduleTexts(HandlerParts.Composer(), Options.Create(new ScheduleOptions())),
        new FakeThemes(), new FakeTimeProvider(now ?? Now), NullLogger<DigestRunHandler>.Instance);

    private static OutboxMessage Message(string runKey) => new() { Kind = OutboxMessage.Digest, ReviewId = "r1", TenantId = "tenant-1", RunKey = runKey, Manual = true };

    private static string Card(Activity activity) => Assert.Single(activity.Attachments!).Content!.Value.GetRawText();
}
