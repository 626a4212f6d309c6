using Consolidation.Bot.Features.Welcome;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Protocol.Schema;

namespace Consolidation.Bot.Tests.Features.Welcome;

/// <summary>Installation events at unit level (issue 20): greeted in a 1:1 chat, told what to do in a team, forgotten when removed.</summary>
public class InstallationUpdateHandlerTests
{
    private static readonly BotText Japanese = HandlerParts.Japanese;

    [Fact]
    public async Task AddedInAPersonalChat_TheWelcomeCard()
    {
        var (connector, references) = (new RecordingConnector(), new FakeConversationReferences());

        await new InstallationUpdateHandler(references).HandleAsync(Installation("add", "personal", connector), CancellationToken.None);

        var card = Assert.Single(Assert.Single(connector.Sent).Attachments!).Content!.Value.GetRawText();
        Assert.Contains(Japanese[nameof(Strings.Welcome_Title)], card, StringComparison.Ordinal);
        Assert.Empty(references.DeletedUsers);
    }

    [Fact]
    public async Task AddedToATeam_HowToRegisterTheCouncilChannel()
    {
        var connector = new RecordingConnector();

        await new InstallationUpdateHandler(new FakeConversationReferences()).HandleAsync(Installation("add", "channel", connector), CancellationToken.None);

        Assert.Equal(Japanese[nameof(Strings.Welcome_TeamBody)], Assert.Single(connector.Sent).Text);
    }

    [Fact]
    public async Task RemovedFromAPersonalChat_TheUsersReferenceForgotten_NothingSent()
    {
        var (connector, references) = (new RecordingConnector(), new FakeConversationReferences());

        await new InstallationUpdateHandler(references).HandleAsync(Installation("remove", "personal", connector), CancellationToken.None);

        Assert.Equal("aad-sato", Assert.Single(references.DeletedUsers));
        Assert.Empty(connector.Sent);
    }

    [Theory]
    [InlineData("remove", "channel")]
    [InlineData("something-else", "personal")]
    public async Task OtherEvents_NothingSentNothingForgotten(string action, string conversationType)
    {
        var (connector, references) = (new RecordingConnector(), new FakeConversationReferences());

        await new InstallationUpdateHandler(references).HandleAsync(Installation(action, conversationType, connector), CancellationToken.None);

        Assert.Empty(connector.Sent);
        Assert.Empty(references.DeletedUsers);
    }

    private static Consolidation.Bot.Routing.TurnContext Installation(string action, string conversationType, RecordingConnector connector)
    {
        var turn = HandlerTurns.Message("", connector);
        (turn.Activity.Type, turn.Activity.Action, turn.Activity.Conversation!.ConversationType) = (ActivityTypes.InstallationUpdate, action, conversationType);
        return turn;
    }
}
