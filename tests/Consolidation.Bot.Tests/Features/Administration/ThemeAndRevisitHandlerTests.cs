using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Administration;
using Consolidation.Bot.Features.Themes;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Routing.Commands;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using static Consolidation.Bot.Tests.Features.Questionnaire.AnswerFixtures;

namespace Consolidation.Bot.Tests.Features.Administration;

/// <summary>
/// The theme-direction and revisit commands at unit level (issue 20): the words into a request for the service, its
/// outcome into words, refusals and usage before anything is written.
/// </summary>
public class ThemeAndRevisitHandlerTests
{
    private static readonly BotText Japanese = HandlerParts.Japanese;

    [Fact]
    public async Task Theme_TheDirectionRecordedWithWhoAndWhen_Confirmed()
    {
        var connector = new RecordingConnector();
        var themes = new FakeThemes();

        await Theme(Secretariat, themes).HandleAsync(ThemeCommand("債権 債権管理課への一元化を進める", connector), CancellationToken.None);

        Assert.Equal(new ThemeDirection(PrecedingTheme.ReceivablesManagement, "債権管理課への一元化を進める", "山田", Now), Assert.Single(themes.Set));
        Assert.Equal(Japanese.Format(nameof(Strings.Theme_Recorded), "債権管理事務", "債権管理課への一元化を進める"), Assert.Single(connector.Sent).Text);
    }

    [Theory]
    [InlineData(true, "債権", nameof(Strings.Theme_Usage))]
    [InlineData(true, "未知のテーマ 方向性", nameof(Strings.Theme_Usage))]
    [InlineData(false, "債権 一元化", nameof(Strings.Theme_NotSecretariat))]
    public async Task Theme_NoDirectionUnknownThemeOrNotTheSecretariat_NothingRecorded(bool secretariat, string arguments, string expectedKey)
    {
        var connector = new RecordingConnector();
        var themes = new FakeThemes();

        await Theme(secretariat ? Secretariat : Assignee, themes).HandleAsync(ThemeCommand(arguments, connector), CancellationToken.None);

        var expected = expectedKey == nameof(Strings.Theme_Usage) ? Japanese.Format(expectedKey, ThemeDirectionHandler.MaxLength) : Japanese[expectedKey];
        Assert.Equal(expected, Assert.Single(connector.Sent).Text);
        Assert.Empty(themes.Set);
    }

    [Fact]
    public async Task Revisit_TheTriggerAndTheEndOfTheDayInTokyo_WhatBeganInWords()
    {
        var connector = new RecordingConnector();
        var rounds = new FakeRounds();

        await Revisit(Secretariat, rounds).HandleAsync(HandlerTurns.Message("再検討開始 標準化BPR 2027-03-31", connector), CancellationToken.None);

        var (trigger, deadline) = rounds.Started!.Value;
        var tokyo = deadline.ToOffset(TimeSpan.FromHours(9));
        Assert.Equal((RevisitTrigger.StandardizationBpr, new DateOnly(2027, 3, 31), 23), (trigger, DateOnly.FromDateTime(tokyo.DateTime), tokyo.Hour));
        Assert.Contains(RevisitTrigger.StandardizationBpr.Name(japanese: true), Assert.Single(connector.Sent).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true, "再検討開始 2027-03-31", nameof(Strings.Revisit_Usage))]
    [InlineData(false, "再検討開始 標準化BPR 2027-03-31", nameof(Strings.Revisit_NotSecretariat))]
    public async Task Revisit_NoTriggerOrNotTheSecretariat_NothingStarted(bool secretariat, string text, string expectedKey)
    {
        var connector = new RecordingConnector();
        var rounds = new FakeRounds();

        await Revisit(secretariat ? Secretariat : Assignee, rounds).HandleAsync(HandlerTurns.Message(text, connector), CancellationToken.None);

        Assert.EndsWith(Japanese[expectedKey], Assert.Single(connector.Sent).Text, StringComparison.Ordinal);
        Assert.Null(rounds.Started);
    }

    private static ThemeDirectionHandler Theme(Member sender, FakeThemes themes) =>
        new(new FakeReviewLoader(Context(Task()) with { Sender = sender }), themes, new FakeTimeProvider(Now));

    private static RevisitHandler Revisit(Member sender, FakeRounds rounds) =>
        new(new FakeReviewLoader(Context(Task()) with { Sender = sender }), rounds, Options.Create(new Consolidation.Bot.Hosting.ReviewOptions()), new FakeTimeProvider(Now));

    private static Consolidation.Bot.Routing.TurnContext ThemeCommand(string arguments, RecordingConnector connector) =>
        HandlerTurns.Message("方向性 " + arguments, connector, new CommandMatch(ThemeDirectionHandler.CommandName, arguments));

    private sealed class FakeRounds : IRevisitRounds
    {
        public (RevisitTrigger Trigger, DateTimeOffset Deadline)? Started { get; private set; }

        public Task<RevisitStart> StartAsync(string reviewId, Member actor, RevisitTrigger trigger, Stage stage, DateTimeOffset deadline, string? tenantId, CancellationToken cancellationToken)
        {
            Started = (trigger, deadline);
            return System.Threading.Tasks.Task.FromResult(new RevisitStart(trigger, stage, deadline, [(Subcommittee.WelfareHealth, 3)], [2], ["sato@city.example.jp"]));
        }
    }
}
