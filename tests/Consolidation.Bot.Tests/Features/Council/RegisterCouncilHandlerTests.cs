using Consolidation.Bot.Conversations;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Council;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Protocol.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using static Consolidation.Bot.Tests.Features.Questionnaire.AnswerFixtures;

namespace Consolidation.Bot.Tests.Features.Council;

/// <summary>"推進会議チャンネルに登録" at unit level (issue 20): only in a channel, only by the secretariat, with the names the install recorded.</summary>
public class RegisterCouncilHandlerTests
{
    private static readonly BotText Japanese = HandlerParts.Japanese;

    [Fact]
    public async Task Secretariat_InAChannel_RegisteredWithTheInstalledNames_Confirmed()
    {
        var connector = new RecordingConnector();
        var registration = new FakeRegistration();
        var known = FakeConversationReferences.Channel("tenant-1") with { ChannelName = "推進会議", TeamName = "区役所業務集約化" };

        await Handler(Secretariat, registration, known).HandleAsync(InChannel(connector), CancellationToken.None);

        var channel = registration.Registered!;
        Assert.Equal(("19:council@thread.tacv2", "推進会議", "区役所業務集約化"), (channel.ConversationId, channel.ChannelName, channel.TeamName));
        Assert.Equal(Japanese.Format(nameof(Strings.Council_Registered), "推進会議"), Assert.Single(connector.Sent).Text);
    }

    [Fact]
    public async Task InAPersonalChat_ToldToSayItInTheChannel_NothingRegistered()
    {
        var connector = new RecordingConnector();
        var registration = new FakeRegistration();

        await Handler(Secretariat, registration, null).HandleAsync(HandlerTurns.Message("推進会議チャンネルに登録", connector), CancellationToken.None);

        Assert.Equal(Japanese[nameof(Strings.Council_OnlyInChannel)], Assert.Single(connector.Sent).Text);
        Assert.Null(registration.Registered);
    }

    [Fact]
    public async Task NotTheSecretariat_Refused_NothingRegistered()
    {
        var connector = new RecordingConnector();
        var registration = new FakeRegistration();

        await Handler(Assignee, registration, null).HandleAsync(InChannel(connector), CancellationToken.None);

        Assert.Equal(Japanese[nameof(Strings.Council_NotSecretariat)], Assert.Single(connector.Sent).Text);
        Assert.Null(registration.Registered);
    }

    private static RegisterCouncilHandler Handler(Member sender, FakeRegistration registration, ConversationReference? known) =>
        new(new FakeReviewLoader(Context(Task()) with { Sender = sender }), new FakeConversationReferences { Council = known }, registration,
            new FakeTimeProvider(Now), NullLogger<RegisterCouncilHandler>.Instance);

    /// <summary>The command said in the council channel (a message carries the team's and channel's ids, not their names).</summary>
    private static Consolidation.Bot.Routing.TurnContext InChannel(RecordingConnector connector)
    {
        var turn = HandlerTurns.Message("推進会議チャンネルに登録", connector);
        turn.Activity.Conversation!.ConversationType = "channel";
        turn.Activity.Conversation.Id = "19:council@thread.tacv2;messageid=1";
        turn.Activity.ChannelData = new TeamsChannelData
        {
            Team = new TeamInfo { Id = "19:team@thread.tacv2" },
            Channel = new TeamsIdentifier { Id = "19:council@thread.tacv2" },
        };
        return turn;
    }

    private sealed class FakeRegistration : ICouncilRegistration
    {
        public ConversationReference? Registered { get; private set; }

        public Task<bool> RegisterAsync(string reviewId, IEnumerable<Member> members, Member by, ConversationReference channel, BotText text, CancellationToken cancellationToken)
        {
            Registered = channel;
            return System.Threading.Tasks.Task.FromResult(true);
        }
    }
}
