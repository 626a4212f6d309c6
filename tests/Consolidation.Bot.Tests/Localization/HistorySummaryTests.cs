using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Tests.Localization;

/// <summary>
/// One line per history entry, in Japanese for the export's history sheet (the words it has always had) and in the
/// tab's language for the tab.
/// </summary>
public class HistorySummaryTests
{
    private static readonly BotText Japanese = new(BotCultures.Japanese);
    private static readonly BotText English = new(BotCultures.English);

    private static HistoryEntry Entry(HistoryKind kind, StageAnswer? answer = null, string? reason = null) => new()
    {
        TaskId = "J-0001", Kind = kind, Stage = Stage.Wg, By = "sec@city.example.jp", At = DateTimeOffset.UnixEpoch,
        CardVersion = 2, ResultingVersion = 3, Answer = answer, Reason = reason,
        AssigneeFrom = kind == HistoryKind.Reassign ? "北 区長" : null, AssigneeTo = kind == HistoryKind.Reassign ? "福祉 部会長" : null,
    };

    private static readonly WgAnswer Study = new() { Decision = WgDecision.StudyTarget, Destination = Destination.HubWard, Issues = "人員配置" };

    [Fact]
    public void Japanese_TheExportsWords()
    {
        Assert.Equal("北 区長 → 福祉 部会長　理由: 異動のため", HistorySummary.Of(Entry(HistoryKind.Reassign, reason: "異動のため"), Japanese));
        Assert.Equal($"{WgDecision.StudyTarget.Name(true)}／集約先: {Destination.HubWard.Name(true)}（人員配置）　理由: 訂正",
            HistorySummary.Of(Entry(HistoryKind.Override, Study, "訂正"), Japanese));
        Assert.Equal("理由: 確認のため", HistorySummary.Of(Entry(HistoryKind.Reopen, reason: "確認のため"), Japanese));
    }

    [Fact]
    public void English_NoJapaneseWords()
    {
        Assert.Equal("北 区長 → 福祉 部会長; reason: moved", HistorySummary.Of(Entry(HistoryKind.Reassign, reason: "moved"), English));
        Assert.Equal($"{WgDecision.StudyTarget.Name(false)}; destination: {Destination.HubWard.Name(false)} (人員配置); reason: fix",
            HistorySummary.Of(Entry(HistoryKind.Override, Study, "fix"), English));
        Assert.Equal($"{PreWgDecision.Keep.Name(false)}; batch card (rough selection)",
            HistorySummary.Of(Entry(HistoryKind.Answer, new PreWgAnswer { Decision = PreWgDecision.Keep, Rough = true }), English));
    }
}
