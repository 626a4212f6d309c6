using Consolidation.Bot.Cards.Model;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Cards.Digest;

/// <summary>
/// The progress digest posted to the council channel: the funnel (figures, a bar chart and a donut, each chart with a
/// plain-text fallback), progress per open stage with a text bar, what is overdue and by whom, what changed since the
/// previous digest, and the next deadlines.
/// </summary>
public static class DigestCard
{
    private const int BarCells = 10;

    public static AdaptiveCard Build(DigestModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var t = model.Text;
        var f = model.Funnel;
        var body = new List<CardElement>
        {
            new TextBlock(t[nameof(Strings.Digest_Title)]) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(t.Format(nameof(Strings.Digest_AsOf), model.ReviewName, Local(model, model.AsOf))) { IsSubtle = true, Spacing = Spacing.None },
            Heading(t[nameof(Strings.Digest_FunnelHeading)]),
            new FactSet
            {
                Id = "funnel",
                Facts = FunnelText.Facts(f, t),
            },
            new VerticalBarChart
            {
                Id = "funnelChart",
                Title = t[nameof(Strings.Digest_ChartFunnelTitle)],
                ShowBarValues = true,
                Data =
                [
                    new BarPoint(t[nameof(Strings.Digest_ChartInventory)], f.Inventory),
                    new BarPoint(t[nameof(Strings.Digest_ChartKept)], f.PreWgKept),
                    new BarPoint(t[nameof(Strings.Digest_ChartStudy)], f.WgStudyTargets),
                    new BarPoint(t[nameof(Strings.Digest_ChartDone)], f.SuitabilityDone),
                    new BarPoint(t[nameof(Strings.Digest_ChartContinue)], f.SuitabilityContinueLater),
                    new BarPoint(t[nameof(Strings.Digest_ChartClosed)], f.SuitabilityClosed),
                ],
                Fallback = new TextBlock(t.Format(nameof(Strings.Digest_FunnelFallback), f.Inventory, f.PreWgKept, f.WgStudyTargets,
                    f.SuitabilityDone, f.SuitabilityContinueLater, f.SuitabilityClosed)) { Id = "funnelChartFallback" },
            },
            new DonutChart
            {
                Id = "preWgChart",
                Title = t[nameof(Strings.Digest_ChartPreWgTitle)],
                Data =
                [
                    new DonutSlice(t[nameof(Strings.Digest_ChartKept)], f.PreWgKept),
                    new DonutSlice(t[nameof(Strings.Digest_ChartExcluded)], f.PreWgExcluded),
                    new DonutSlice(t[nameof(Strings.Digest_ChartPending)], f.PreWgPending),
                ],
                Fallback = new TextBlock(t.Format(nameof(Strings.Digest_PreWgFallback), f.PreWgKept, f.PreWgExcluded, f.PreWgPending)) { Id = "preWgChartFallback" },
            },
            Heading(t[nameof(Strings.Digest_ThemesHeading)]),
            Themes(model),
        };
        if (model.BureauViews is { Given: > 0 } or { Waiting: > 0 })
        {
            var b = model.BureauViews;
            body.Add(Heading(t[nameof(Strings.Digest_BureauViewsHeading)]));
            body.Add(new TextBlock(t.Format(nameof(Strings.Digest_BureauViewsRow), b.Agree, b.Issues, b.Partial, b.Waiting)) { Spacing = Spacing.Small });
        }

        if (model.Rounds.Count > 0)
        {
            body.Add(Heading(t[nameof(Strings.Digest_RoundsHeading)]));
            body.AddRange(model.Rounds.Select(r => new TextBlock(t.Format(nameof(Strings.Digest_RoundRow),
                r.Round, r.Tasks, r.Pending, r.Done, r.ContinueLater, r.Closed, r.NotTarget)) { Spacing = Spacing.Small }));
        }

        body.Add(Heading(t[nameof(Strings.Digest_ProgressHeading)]));

        body.AddRange(model.Progress.Count == 0
            ? [new TextBlock(t[nameof(Strings.Digest_NoOpenStages)]) { IsSubtle = true }]
            : model.Progress.Select(p => (CardElement)new TextBlock(t.Format(nameof(Strings.Digest_ProgressRow),
                p.Subcommittee.Name(t.IsJapanese), p.Stage.Name(t.IsJapanese), p.Answered, p.Assigned, Bar(p.Answered, p.Assigned),
                FunnelText.Percent(p.Answered, p.Assigned), Local(model, p.Deadline))) { Spacing = Spacing.Small }));

        body.Add(Heading(t[nameof(Strings.Digest_OverdueHeading)]));
        if (model.OverdueTasks == 0)
        {
            body.Add(new TextBlock(t[nameof(Strings.Digest_NoOverdue)]) { IsSubtle = true });
        }
        else
        {
            body.Add(new TextBlock(t.Format(nameof(Strings.Digest_Overdue), model.OverdueTasks, model.OverdueMembers)) { Id = "overdue", Color = TextColor.Attention, Weight = TextWeight.Bolder });
            body.Add(new TextBlock(t.Format(nameof(Strings.Digest_WorstLate), string.Join(t.IsJapanese ? "、" : ", ",
                model.WorstLate.Select(m => t.Format(nameof(Strings.Digest_WorstLateItem), m.Name, m.Count))))) { Spacing = Spacing.Small });
        }

        body.Add(Heading(t[nameof(Strings.Digest_ChangesHeading)]));
        body.Add(new TextBlock(Changes(model)) { Id = "changes" });

        body.Add(Heading(t[nameof(Strings.Digest_NextHeading)]));
        body.AddRange(model.NextDeadlines.Count == 0
            ? [new TextBlock(t[nameof(Strings.Digest_NoNext)]) { IsSubtle = true }]
            : model.NextDeadlines.Select(p => (CardElement)new TextBlock(t.Format(nameof(Strings.Digest_NextRow),
                Local(model, p.Deadline), p.Subcommittee.Name(t.IsJapanese), p.Stage.Name(t.IsJapanese), p.Unanswered)) { Spacing = Spacing.Small }));

        return new AdaptiveCard
        {
            FallbackText = t.Format(nameof(Strings.Digest_FallbackText), f.Inventory, f.PreWgKept, f.WgStudyTargets, model.OverdueTasks),
            Body = body,
        };
    }

    /// <summary>A ten-cell text bar: renders in every client, unlike the charts.</summary>
    public static string Bar(int answered, int assigned)
    {
        var filled = assigned == 0 ? 0 : (int)Math.Round(BarCells * (double)answered / assigned, MidpointRounding.AwayFromZero);
        return new string('■', filled) + new string('□', BarCells - filled);
    }

    /// <summary>The three preceding themes with their recorded direction (or that none is recorded yet).</summary>
    private static FactSet Themes(DigestModel model) => new()
    {
        Id = "themes",
        Facts = Enum.GetValues<PrecedingTheme>().Select(theme => new Fact(theme.Name(model.Text.IsJapanese),
            model.ThemeDirections.FirstOrDefault(d => d.Theme == theme)?.Direction ?? model.Text[nameof(Strings.Digest_ThemeNotYet)])).ToList(),
    };

    private static string Changes(DigestModel model)
    {
        var t = model.Text;
        if (model.Previous is not { } previous)
        {
            return t[nameof(Strings.Digest_FirstDigest)];
        }

        var (now, before) = (model.Funnel, previous.Funnel);
        var deltas = new (string Label, int Delta)[]
        {
            (t[nameof(Strings.Digest_ChartKept)], now.PreWgKept - before.PreWgKept),
            (t[nameof(Strings.Digest_ChartExcluded)], now.PreWgExcluded - before.PreWgExcluded),
            (t[nameof(Strings.Digest_ChartStudy)], now.WgStudyTargets - before.WgStudyTargets),
            (t[nameof(Strings.Digest_ChartNotTarget)], now.WgNotTargets - before.WgNotTargets),
            (t[nameof(Strings.Digest_ChartDone)], now.SuitabilityDone - before.SuitabilityDone),
            (t[nameof(Strings.Digest_ChartContinue)], now.SuitabilityContinueLater - before.SuitabilityContinueLater),
            (t[nameof(Strings.Digest_ChartClosed)], now.SuitabilityClosed - before.SuitabilityClosed),
        }.Where(d => d.Delta != 0).ToList();
        var answered = model.Current.Answered - previous.Answered;
        if (answered == 0 && deltas.Count == 0)
        {
            return t.Format(nameof(Strings.Digest_NoChange), Local(model, previous.At));
        }

        var parts = deltas.Select(d => t.Format(nameof(Strings.Digest_Change), d.Label, d.Delta)).Prepend(t.Format(nameof(Strings.Digest_ChangeAnswered), answered));
        return t.Format(nameof(Strings.Digest_ChangesSince), Local(model, previous.At), string.Join(t.IsJapanese ? "、" : ", ", parts));
    }

    private static DateTime Local(DigestModel model, DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, model.Zone).DateTime;

    private static TextBlock Heading(string text) => new(text) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium, Separator = true };
}
