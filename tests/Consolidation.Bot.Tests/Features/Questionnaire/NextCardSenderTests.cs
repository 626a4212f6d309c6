using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Questionnaire;
using Consolidation.Bot.Graph;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Consolidation.Bot.Tests.Features.Questionnaire.AnswerFixtures;

namespace Consolidation.Bot.Tests.Features.Questionnaire;

/// <summary>
/// The next-card outbox handler at unit level (issue 20): the review, the cursors, the chats and the audit trail held in
/// memory, the cards and texts real. One card at a time, claimed before it is sent, never sent twice while claimed.
/// </summary>
public class NextCardSenderTests
{
    private static readonly OutboxOptions Outbox = new();
    private static readonly ReviewSnapshot Review = new("r1", "n", 1, [Task(), Second()], [Assignee, Secretariat], [Window()]);

    private readonly FakeMemberCursors _cursors = new();
    private readonly FakeMessenger _messenger = new();
    private readonly FakeAuditTrail _audit = new();
    private readonly FakeTimeProvider _time = new(Now);

    [Fact]
    public async Task NoCardInHand_TheFirstOpenTaskIsClaimedSentAndRecorded()
    {
        Assert.True(await Sender(Review).HandleAsync(Message(), CancellationToken.None));

        var (to, activity) = Assert.Single(_messenger.Sent);
        Assert.Equal("a:chat-" + Assignee.Email, to.ConversationId);
        Assert.True(PostedQuestionnaireCard.IsFor(Card(activity), "J-0001", 2));
        Assert.Equal(MemberCursorEntity.Sending, _cursors.Saves[0].Status); // claimed before it went out
        var cursor = _cursors.Stored(Assignee.Email)!;
        Assert.Equal((MemberCursorEntity.Sent, "J-0001", 2, "activity-1", to.ConversationId), (cursor.Status, cursor.TaskId, cursor.TaskVersion, cursor.ActivityId, cursor.ConversationId));
    }

    [Fact]
    public async Task CardInHandStillUnanswered_NothingMoreIsSent()
    {
        _cursors.Put(Cursor("J-0001", MemberCursorEntity.Sent, Now.AddHours(-1)));

        Assert.True(await Sender(Review).HandleAsync(Message(), CancellationToken.None));

        Assert.Empty(_messenger.Sent);
    }

    [Fact]
    public async Task CardInHandAnswered_TheNextOpenTaskIsSent()
    {
        _cursors.Put(Cursor("J-0001", MemberCursorEntity.Sent, Now.AddHours(-1)));

        Assert.True(await Sender(Review with { Tasks = [Answered(), Second()] }).HandleAsync(Message(), CancellationToken.None));

        Assert.True(PostedQuestionnaireCard.IsFor(Card(Assert.Single(_messenger.Sent).Activity), "J-0002", 2));
        Assert.Equal("J-0002", _cursors.Stored(Assignee.Email)!.TaskId);
    }

    [Fact]
    public async Task AnotherWorkerIsSendingWithinTheLease_LookAgainLater()
    {
        _cursors.Put(Cursor("J-0001", MemberCursorEntity.Sending, Now.AddSeconds(-10)));

        Assert.False(await Sender(Review).HandleAsync(Message(), CancellationToken.None));

        Assert.Empty(_messenger.Sent);
        Assert.Equal(MemberCursorEntity.Sending, _cursors.Stored(Assignee.Email)!.Status);
    }

    [Fact]
    public async Task ClaimAnotherWorkerWonFirst_LookAgainLater()
    {
        _cursors.LoseSaves = 1;

        Assert.False(await Sender(Review).HandleAsync(Message(), CancellationToken.None));

        Assert.Empty(_messenger.Sent);
    }

    [Fact]
    public async Task ClaimAbandonedPastTheLease_WithoutGraph_TheCardIsSentAgain()
    {
        _cursors.Put(Cursor("J-0001", MemberCursorEntity.Sending, Now - Outbox.Lease - TimeSpan.FromSeconds(1)));

        Assert.True(await Sender(Review).HandleAsync(Message(), CancellationToken.None));

        Assert.True(PostedQuestionnaireCard.IsFor(Card(Assert.Single(_messenger.Sent).Activity), "J-0001", 2));
        Assert.Equal(MemberCursorEntity.Sent, _cursors.Stored(Assignee.Email)!.Status);
    }

    [Fact]
    public async Task ClaimAbandonedPastTheLease_TheChatShowsTheCard_RecordedAsSentNotSentAgain()
    {
        var member = Assignee with { AadObjectId = "aad-assignee" };
        var review = Review with { Members = [member, Secretariat] };
        var claimedAt = Now - Outbox.Lease - TimeSpan.FromSeconds(1);
        _cursors.Put(Cursor("J-0001", MemberCursorEntity.Sending, claimedAt));
        var inChat = Card(new Activity { Attachments = [HandlerParts.Composer().QuestionnaireAttachment(review, Task(), member, "29:x", "ja-JP")] });
        var graph = new Mock<IDirectoryGraph>(MockBehavior.Strict);
        graph.Setup(g => g.RecentCardsInChatAsync("aad-assignee", It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync([new PostedCard("msg-in-chat", claimedAt.AddSeconds(1), inChat)]);

        Assert.True(await Sender(review, graph.Object).HandleAsync(Message(), CancellationToken.None));

        Assert.Empty(_messenger.Sent);
        var cursor = _cursors.Stored(Assignee.Email)!;
        Assert.Equal((MemberCursorEntity.Sent, "msg-in-chat"), (cursor.Status, cursor.ActivityId));
    }

    [Fact]
    public async Task MemberUnreachable_RecordedAuditedOnceTheSecretariatToldAndTheMessageDone()
    {
        _messenger.UnreachableEmails.Add(Assignee.Email);
        var message = Message() with { ReportTo = "aad-yamada" };

        Assert.True(await Sender(Review).HandleAsync(message, CancellationToken.None));
        _time.Advance(Outbox.Lease + TimeSpan.FromSeconds(1));
        Assert.True(await Sender(Review).HandleAsync(message, CancellationToken.None)); // the sweep queues the member again

        Assert.Equal("BotNotInConversationRoster", _cursors.Unreachable[Assignee.Email]);
        var entry = Assert.Single(_audit.Entries);
        Assert.Equal(AuditKind.MemberUnreachable, entry.Kind);
        Assert.Contains(Assignee.Email, entry.Detail, StringComparison.Ordinal);
        Assert.All(_messenger.SentToUsers, sent => Assert.Equal("aad-yamada", sent.AadObjectId));
        Assert.Contains(Assignee.Name, _messenger.SentToUsers[0].Activity.Text, StringComparison.Ordinal);
        Assert.Empty(_messenger.Sent);
    }

    [Fact]
    public async Task PreWgBatchWindow_TheMembersTasksGoOnOneBatchCard()
    {
        var review = Review with { Windows = [Window() with { CardMode = PreWgCardMode.Batch }] };

        Assert.True(await Sender(review).HandleAsync(Message(), CancellationToken.None));

        var tasks = BatchCardFields.TasksValue([("J-0001", 2), ("J-0002", 2)]);
        Assert.True(PostedQuestionnaireCard.IsBatch(Card(Assert.Single(_messenger.Sent).Activity), tasks));
        Assert.Equal(tasks, _cursors.Stored(Assignee.Email)!.Batch);
    }

    [Theory]
    [InlineData("r1", "nobody@city.example.jp")]
    [InlineData("r2", "sato@city.example.jp")]
    public async Task UnknownMemberOrReview_DoneWithNothingSent(string reviewId, string email)
    {
        Assert.True(await Sender(Review).HandleAsync(Message() with { ReviewId = reviewId, Email = email }, CancellationToken.None));

        Assert.Empty(_messenger.Sent);
        Assert.Null(_cursors.Stored(email));
    }

    private NextCardSender Sender(ReviewSnapshot review, IDirectoryGraph? graph = null) => new(
        new FakeSnapshots(review), _cursors, _messenger, HandlerParts.Composer(),
        new SentCardFinder(new DirectoryGraphAccess(graph, new GraphOptions()), NullLogger<SentCardFinder>.Instance),
        _audit, Options.Create(Outbox), _time, HandlerParts.Metrics(), NullLogger<NextCardSender>.Instance);

    private static OutboxMessage Message() => new() { Kind = OutboxMessage.NextCard, ReviewId = "r1", TenantId = "tenant-1", Email = Assignee.Email };

    private static MemberCursorEntity Cursor(string taskId, string status, DateTimeOffset at) =>
        new() { Email = Assignee.Email, TaskId = taskId, TaskVersion = 2, Status = status, At = at };

    private static string Card(Activity activity) => Assert.Single(activity.Attachments!).Content!.Value.GetRawText();
}
