using System.Globalization;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Cards.Questionnaire;

/// <summary>How the questionnaire cards write dates, progress, yes/no and the answer enums in the turn's language.</summary>
public static class CardText
{
    /// <summary>
    /// The instant in the review's time zone: <c>2026年12月20日(日) 23:59</c> in Japanese,
    /// <c>Sun 20 Dec 2026 23:59</c> in English.
    /// </summary>
    public static string DateTime(DateTimeOffset instant, TimeZoneInfo timeZone, BotText text)
    {
        var local = TimeZoneInfo.ConvertTime(instant, timeZone);
        return local.ToString(text.IsJapanese ? "yyyy年M月d日(ddd) HH:mm" : "ddd d MMM yyyy HH:mm", text.Culture);
    }

    /// <summary>A calendar date: <c>2027年4月1日(木)</c> / <c>Thu 1 Apr 2027</c>.</summary>
    public static string Date(DateOnly date, BotText text) =>
        date.ToString(text.IsJapanese ? "yyyy年M月d日(ddd)" : "ddd d MMM yyyy", text.Culture);

    /// <summary><c>3件目／全40件</c> / <c>3 of 40</c>.</summary>
    public static string Progress(int position, int total, BotText text) =>
        text.Format(nameof(Strings.Questionnaire_Progress), position, total);

    public static string YesNo(bool value, BotText text) => text[value ? nameof(Strings.Card_Yes) : nameof(Strings.Card_No)];

    public static string Number(decimal value, BotText text) => value.ToString("#,0.##", text.Culture);

    public static string Name(MigrationEffect effect, BotText text) => text[effect switch
    {
        MigrationEffect.None => nameof(Strings.MigrationEffect_None),
        MigrationEffect.Changes => nameof(Strings.MigrationEffect_Changes),
        MigrationEffect.Abolishes => nameof(Strings.MigrationEffect_Abolishes),
        _ => nameof(Strings.MigrationEffect_Unknown),
    }];

    public static string Name(Destination destination, BotText text) => text[destination switch
    {
        Destination.Bureau => nameof(Strings.Destination_Bureau),
        Destination.HubWard => nameof(Strings.Destination_HubWard),
        Destination.Outsourcing => nameof(Strings.Destination_Outsourcing),
        Destination.System => nameof(Strings.Destination_System),
        _ => nameof(Strings.Destination_Other),
    }];

    /// <summary>The decision of an answer in the turn's language (<c>除外</c>, <c>Continue later</c> ...).</summary>
    public static string Decision(StageAnswer answer, BotText text) => answer switch
    {
        PreWgAnswer a => a.Decision.Name(text.IsJapanese),
        WgAnswer a => a.Decision.Name(text.IsJapanese),
        SuitabilityAnswer a => a.Decision.Name(text.IsJapanese),
        BureauViewAnswer a => a.View.Name(text.IsJapanese),
        _ => answer.Stage.Name(text.IsJapanese),
    };

    /// <summary>
    /// The task's stage as screens show it: the stage's name, and for a task that has been decided the outcome in the
    /// policy's own words (<c>判断済（引き続き検討予定）</c>, <c>判断済（プレWG: 除外）</c>).
    /// </summary>
    public static string StageWithOutcome(ReviewTask task, BotText text)
    {
        ArgumentNullException.ThrowIfNull(task);
        var name = task.Stage.Name(text.IsJapanese);
        if (task.Stage != Stage.Closed || FinalAnswer(task.State) is not { } answer)
        {
            return name;
        }

        var decision = answer is SuitabilityAnswer ? Decision(answer, text) : $"{answer.Stage.Name(text.IsJapanese)}: {Decision(answer, text)}";
        return text.IsJapanese ? $"{name}（{decision}）" : $"{name} ({decision})";
    }

    /// <summary>
    /// How the round before this one ended, for the card of a task taken up again: <c>第1回: 引き続き検討予定（きっかけ:
    /// システム標準化のBPR）理由…</c>. Null in round 1.
    /// </summary>
    public static string? EarlierRound(TaskState state, BotText text)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.EarlierRounds.Count == 0)
        {
            return null;
        }

        var last = state.EarlierRounds[^1];
        var ja = text.IsJapanese;
        var decision = last.Suitability?.Answer is SuitabilityAnswer s
            ? s.Decision.Name(ja) + (s.Trigger is { } t ? text.Format(nameof(Strings.Card_EarlierTrigger), t.Name(ja)) : "") + (s.Reason is { Length: > 0 } r ? " " + r : "")
            : last.Wg?.Answer is WgAnswer w ? w.Decision.Name(ja) + (w.Issues is { Length: > 0 } i ? " " + i : "")
            : "";
        return text.Format(nameof(Strings.Card_EarlierRoundValue), last.Round, decision);
    }

    /// <summary>The answer that decided the task: the latest stage that has one.</summary>
    private static StageAnswer? FinalAnswer(TaskState state) =>
        (state.Suitability ?? state.Wg ?? state.PreWg)?.Answer;

    internal static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
