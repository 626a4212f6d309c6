using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Questionnaire;
using Consolidation.Bot.Hosting;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Review;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static Consolidation.Bot.Tests.Features.Questionnaire.AnswerFixtures;

namespace Consolidation.Bot.Tests.Features.Administration;

/// <summary>
/// Opening and closing stages in chat at unit level (issue 20): the command's words into a request for the service (the
/// deadline the end of the named day in Tokyo), its outcome into words, refusals before anything is asked.
/// </summary>
public class StageCommandHandlerTests
{
    private static readonly BotText Japanese = HandlerParts.Japanese;

    [Fact]
    public async Task Open_TheStageSubcommitteesAndTheEndOfTheDayInTokyo_TheOpeningInWords()
    {
        var connector = new RecordingConnector();
        var stages = new FakeStages();

        await Open(stages, Secretariat).HandleAsync(HandlerTurns.Message("プレWG開始 福祉 12月20日", connector), CancellationToken.None);

        var (stage, subcommittees, deadline) = stages.Opened!.Value;
        Assert.Equal((Stage.PreWg, Subcommittee.WelfareHealth), (stage, Assert.Single(subcommittees)));
        var tokyo = deadline.ToOffset(TimeSpan.FromHours(9));
        Assert.Equal((new DateOnly(2026, 12, 20), 23, 59), (DateOnly.FromDateTime(tokyo.DateTime), tokyo.Hour, tokyo.Minute));
        Assert.Contains("プレWG", Assert.Single(connector.Sent).Text, StringComparison.Ordinal);
        Assert.Contains("福祉・健康部会 12", connector.Sent[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_WithoutADate_TheProblemAndTheUsage_TheServiceNotAsked()
    {
        var connector = new RecordingConnector();
        var stages = new FakeStages();

        await Open(stages, Secretariat).HandleAsync(HandlerTurns.Message("プレWG開始 福祉", connector), CancellationToken.None);

        Assert.EndsWith(Japanese[nameof(Strings.OpenStage_Usage)], Assert.Single(connector.Sent).Text, StringComparison.Ordinal);
        Assert.Null(stages.Opened);
    }

    [Theory]
    [InlineData(true, nameof(Strings.CloseStage_Closed))]
    [InlineData(false, nameof(Strings.CloseStage_NothingOpen))]
    public async Task Close_WhatWasClosedInWords(bool wasOpen, string expectedKey)
    {
        var connector = new RecordingConnector();
        var stages = new FakeStages { WasOpen = wasOpen };

        await new CloseStageHandler(Loader(Secretariat), stages).HandleAsync(HandlerTurns.Message("プレWG終了 福祉", connector), CancellationToken.None);

        var expected = wasOpen ? Japanese.Format(expectedKey, "プレWG", "福祉・健康部会") : Japanese.Format(expectedKey, "プレWG");
        Assert.Equal(expected, Assert.Single(connector.Sent).Text);
        Assert.Equal(Subcommittee.WelfareHealth, Assert.Single(stages.Closed!));
    }

    [Fact]
    public async Task NotTheSecretariat_Refused_TheServiceNotAsked()
    {
        var connector = new RecordingConnector();
        var stages = new FakeStages();

        await Open(stages, Assignee).HandleAsync(HandlerTurns.Message("プレWG開始 福祉 12月20日", connector), CancellationToken.None);
        await new CloseStageHandler(Loader(Assignee), stages).HandleAsync(HandlerTurns.Message("プレWG終了 福祉", connector), CancellationToken.None);

        Assert.Equal([Japanese[nameof(Strings.OpenStage_NotSecretariat)], Japanese[nameof(Strings.CloseStage_NotSecretariat)]], connector.Sent.Select(s => s.Text));
        Assert.Null(stages.Opened);
        Assert.Null(stages.Closed);
    }

    private static OpenStageHandler Open(FakeStages stages, Member sender) =>
        new(Loader(sender), stages, Options.Create(new ReviewOptions()), new FakeTimeProvider(Now));

    private static FakeReviewLoader Loader(Member sender) => new(Context(Task()) with { Sender = sender });

    /// <summary>Records what was opened or closed; an opening reaches one assignee with 12 tasks.</summary>
    private sealed class FakeStages : IStageAdministration
    {
        public bool WasOpen { get; init; } = true;

        public (Stage Stage, IReadOnlyList<Subcommittee> Subcommittees, DateTimeOffset Deadline)? Opened { get; private set; }

        public IReadOnlyList<Subcommittee>? Closed { get; private set; }

        public Task<StageOpening> OpenAsync(string reviewId, Member actor, Stage stage, IReadOnlyList<Subcommittee> subcommittees, DateTimeOffset deadline, PreWgCardMode? mode, string? tenantId, CancellationToken cancellationToken)
        {
            Opened = (stage, subcommittees, deadline);
            return System.Threading.Tasks.Task.FromResult(new StageOpening(stage, deadline, PreWgCardMode.Detailed, [.. subcommittees.Select(s => (s, 12))], ["sato@city.example.jp"]));
        }

        public Task<IReadOnlyList<Subcommittee>> CloseAsync(string reviewId, Member actor, Stage stage, IReadOnlyList<Subcommittee> subcommittees, CancellationToken cancellationToken)
        {
            Closed = subcommittees;
            return System.Threading.Tasks.Task.FromResult<IReadOnlyList<Subcommittee>>(WasOpen ? subcommittees : []);
        }
    }
}
