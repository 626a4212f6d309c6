using Consolidation.Bot.Domain;
using Consolidation.Bot.Features;
using Consolidation.Bot.Features.Administration;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Review;
using Consolidation.Bot.Routing;
using static Consolidation.Bot.Tests.Features.Questionnaire.AnswerFixtures;

namespace Consolidation.Bot.Tests.Features.Administration;

/// <summary>
/// The secretariat's reassign and reopen commands at unit level (issue 20): the gate (a review loaded, the sender of the
/// secretariat by Entra object id), the command's words, the service's result put into words. The service is a fake that
/// records what it was asked; its own rules are tested against Azurite.
/// </summary>
public class SecretariatCommandHandlerTests
{
    private static readonly BotText Japanese = HandlerParts.Japanese;
    private static readonly Member Kita = new() { Email = "kita@city.example.jp", Name = "北 区長" };

    [Fact]
    public async Task Reassign_TheServiceAskedWithTheWordsAfterTheTaskId_ItsResultInWords()
    {
        var connector = new RecordingConnector();
        var administration = new FakeAdministration(new TaskAdministrationResult(TaskAdministrationOutcome.Done, Task(), Stage.PreWg, Kita, CardQueued: true));

        await new ReassignHandler(Loader(Secretariat), administration).HandleAsync(Command("担当変更 J-0001 北 区長 育児休業のため", connector), CancellationToken.None);

        Assert.Equal(("r1", "J-0001", "北 区長 育児休業のため", "tenant-1"), administration.Asked);
        Assert.Equal(
            Japanese.Format(nameof(Strings.Reassign_Done), "J-0001", "住民票の写しの交付", "プレWG", "北 区長") + " " + Japanese[nameof(Strings.Admin_CardQueued)],
            Assert.Single(connector.Sent).Text);
    }

    [Fact]
    public async Task Reopen_WithoutAReason_TheUsage_TheServiceNotAsked()
    {
        var connector = new RecordingConnector();
        var administration = new FakeAdministration(new TaskAdministrationResult(TaskAdministrationOutcome.Done));

        await new ReopenHandler(Loader(Secretariat), administration).HandleAsync(Command("差し戻し J-0001", connector), CancellationToken.None);

        Assert.Equal(Japanese[nameof(Strings.Reopen_Usage)], Assert.Single(connector.Sent).Text);
        Assert.Null(administration.Asked);
    }

    [Fact]
    public async Task Reopen_Done_TheReasonRepeated()
    {
        var connector = new RecordingConnector();
        var administration = new FakeAdministration(new TaskAdministrationResult(TaskAdministrationOutcome.Done, Task(), Stage.PreWg));

        await new ReopenHandler(Loader(Secretariat), administration).HandleAsync(Command("差し戻し J-0001 記入誤りのため", connector), CancellationToken.None);

        Assert.Equal(("r1", "J-0001", "記入誤りのため", "tenant-1"), administration.Asked);
        Assert.Equal(Japanese.Format(nameof(Strings.Reopen_Done), "J-0001", "住民票の写しの交付", "プレWG", "記入誤りのため"), Assert.Single(connector.Sent).Text);
    }

    [Theory]
    [InlineData("担当変更 J-0001 北 区長")]
    [InlineData("差し戻し J-0001 理由")]
    public async Task NotTheSecretariat_Refused_TheServiceNotAsked(string command)
    {
        var connector = new RecordingConnector();
        var administration = new FakeAdministration(new TaskAdministrationResult(TaskAdministrationOutcome.Done));
        ITurnHandler handler = command.StartsWith("担当変更", StringComparison.Ordinal)
            ? new ReassignHandler(Loader(Assignee), administration)
            : new ReopenHandler(Loader(Assignee), administration);

        await handler.HandleAsync(Command(command, connector), CancellationToken.None);

        Assert.Equal(Japanese[nameof(Strings.Admin_NotSecretariat)], Assert.Single(connector.Sent).Text);
        Assert.Null(administration.Asked);
    }

    [Fact]
    public async Task NoReview_Told_TheServiceNotAsked()
    {
        var connector = new RecordingConnector();
        var administration = new FakeAdministration(new TaskAdministrationResult(TaskAdministrationOutcome.Done));

        await new ReassignHandler(new FakeReviewLoader(null), administration).HandleAsync(Command("担当変更 J-0001 北 区長", connector), CancellationToken.None);

        Assert.Equal(Japanese[nameof(Strings.Review_NotLoaded)], Assert.Single(connector.Sent).Text);
        Assert.Null(administration.Asked);
    }

    private static FakeReviewLoader Loader(Member sender) => new(Context(Task()) with { Sender = sender });

    private static TurnContext Command(string text, RecordingConnector connector) => HandlerTurns.Message(text, connector);

    /// <summary>Records what the handler asked and answers with the result it was given.</summary>
    private sealed class FakeAdministration(TaskAdministrationResult result) : ITaskAdministration
    {
        public (string ReviewId, string TaskId, string Words, string? TenantId)? Asked { get; private set; }

        public Task<TaskAdministrationResult> ReassignAsync(string reviewId, Member actor, string taskId, string assigneeAndReason, Stage? stage, string? reason, string? tenantId, CancellationToken cancellationToken)
        {
            Asked = (reviewId, taskId, assigneeAndReason, tenantId);
            return System.Threading.Tasks.Task.FromResult(result);
        }

        public Task<TaskAdministrationResult> ReopenAsync(string reviewId, Member actor, string taskId, Stage? stage, string? reason, string? tenantId, CancellationToken cancellationToken)
        {
            Asked = (reviewId, taskId, reason ?? "", tenantId);
            return System.Threading.Tasks.Task.FromResult(result);
        }

        public Task<TaskAdministrationResult> OverrideAsync(string reviewId, Member actor, string taskId, OverrideRequest request, string? tenantId, CancellationToken cancellationToken) =>
            throw new NotSupportedException("not a chat command");
    }
}
