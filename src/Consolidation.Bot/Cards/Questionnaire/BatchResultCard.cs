using Consolidation.Bot.Cards.Model;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Cards.Questionnaire;

/// <summary>What became of one row of a batch submit.</summary>
public enum BatchRowResult
{
    /// <summary>Stored now (or, for a redelivered submit, stored before).</summary>
    Stored,

    /// <summary>Left blank: it comes again on the next card.</summary>
    NotNow,

    /// <summary>Refused alone: the task changed since the card was built (answered elsewhere, reopened, reassigned).</summary>
    Changed,

    /// <summary>Refused alone: no longer this member's task.</summary>
    NotYours,

    /// <summary>Refused alone: プレWG is closed for its subcommittee.</summary>
    Closed,

    /// <summary>Refused alone: no such task in the review.</summary>
    NotFound,
}

/// <summary>One row of the result: the task (its id alone when it was not found), the result, the decision when stored.</summary>
public sealed record BatchResultRow(string TaskId, string? TaskName, BatchRowResult Result, PreWgDecision? Decision);

/// <summary>
/// The read-only card that replaces a submitted batch card: how many answers were stored, then every row with what became
/// of it, the refused ones said plainly (each refused alone, the others stored), and whether another card follows.
/// </summary>
public static class BatchResultCard
{
    public static AdaptiveCard Build(IReadOnlyList<BatchResultRow> rows, bool nextCardComing, BotText text)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(text);
        var stored = rows.Count(r => r.Result == BatchRowResult.Stored);
        var refused = rows.Count(r => r.Result is not (BatchRowResult.Stored or BatchRowResult.NotNow));
        var heading = text.Format(nameof(Strings.Batch_ResultStored), stored);
        List<CardElement> body =
        [
            TaskCardParts.Kicker(text[nameof(Strings.Batch_Title)]),
            new TextBlock(heading) { Size = TextSize.Large, Weight = TextWeight.Bolder, Spacing = Spacing.None },
        ];
        if (refused > 0)
        {
            body.Add(new Container
            {
                Style = ContainerStyle.Attention,
                Items = [new TextBlock(text.Format(nameof(Strings.Batch_ResultRefused), refused)) { Color = TextColor.Attention, Weight = TextWeight.Bolder }],
            });
        }

        body.AddRange(rows.Select(r => new TextBlock(Line(r, text)) { Spacing = Spacing.Small, Color = Refused(r) ? TextColor.Attention : null }));
        body.Add(new TextBlock(text[nextCardComing ? nameof(Strings.Batch_ResultNext) : nameof(Strings.Batch_ResultDone)]) { Separator = true, IsSubtle = true });
        return new AdaptiveCard { FallbackText = heading, Body = body };
    }

    private static bool Refused(BatchResultRow row) => row.Result is not (BatchRowResult.Stored or BatchRowResult.NotNow);

    private static string Line(BatchResultRow row, BotText text)
    {
        var what = row.Result switch
        {
            BatchRowResult.Stored => row.Decision?.Name(text.IsJapanese) ?? "",
            BatchRowResult.NotNow => text[nameof(Strings.Batch_RowNotNow)],
            BatchRowResult.Changed => text[nameof(Strings.Batch_RowChanged)],
            BatchRowResult.NotYours => text[nameof(Strings.Batch_RowNotYours)],
            BatchRowResult.Closed => text[nameof(Strings.Batch_RowClosed)],
            _ => text[nameof(Strings.Batch_RowNotFound)],
        };
        var mark = row.Result switch { BatchRowResult.Stored => "✓", BatchRowResult.NotNow => "・", _ => "✗" };
        return $"{mark} {row.TaskId} {row.TaskName}: {what}";
    }
}
