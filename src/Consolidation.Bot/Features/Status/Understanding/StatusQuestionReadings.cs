using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Features.Status.Understanding;

/// <summary>
/// Ambiguity (issue 17, "never confidently wrong"): the subcommittees a question names, and the unambiguous question of
/// each reading, which a clarification card offers as buttons. The recognizer reads each of them back as that reading.
/// </summary>
public static class StatusQuestionReadings
{
    /// <summary>Every subcommittee named exactly (by any alias) in the folded text, in order of the review.</summary>
    public static IReadOnlyList<Subcommittee> NamedSubcommittees(string folded)
    {
        var compact = Subcommittees.Compact(folded);
        return Subcommittees.Aliases
            .Where(a => a.Alias.Length >= 2 && compact.Contains(KanaFolding.Fold(a.Alias), StringComparison.Ordinal))
            .Select(a => a.Subcommittee)
            .Distinct()
            .Order()
            .ToList();
    }

    /// <summary>The question of <paramref name="intent"/> about <paramref name="subcommittee"/> alone, in the asker's language.</summary>
    public static string Question(StatusIntent intent, Subcommittee subcommittee, bool japanese)
    {
        ArgumentNullException.ThrowIfNull(intent);
        var name = subcommittee.Name(japanese);
        return (intent.Kind, japanese) switch
        {
            (StatusIntentKind.NotAnswered, true) => $"{name}の未回答者は？",
            (StatusIntentKind.Overdue, true) => $"{name}の期限切れの事務は？",
            (StatusIntentKind.Revisit, true) => $"{name}の再検討リストは？",
            (StatusIntentKind.Outcome, true) => $"{name}で{OutcomeWords(intent.Outcome, true)}{(intent.List ? "の一覧" : "は何件？")}",
            (_, true) => $"{name}の進捗は？",
            (StatusIntentKind.NotAnswered, false) => $"who has not answered in {name}?",
            (StatusIntentKind.Overdue, false) => $"overdue tasks in {name}",
            (StatusIntentKind.Revisit, false) => $"revisit list of {name}",
            (StatusIntentKind.Outcome, false) => $"{(intent.List ? "list tasks" : "how many tasks")} {OutcomeWords(intent.Outcome, false)} in {name}",
            _ => $"how is {name} doing?",
        };
    }

    private static string OutcomeWords(FunnelOutcome? outcome, bool japanese) => (outcome, japanese) switch
    {
        (FunnelOutcome.Kept, true) => "残した事務",
        (FunnelOutcome.Excluded, true) => "除外した事務",
        (FunnelOutcome.StudyTarget, true) => "検討対象になった事務",
        (FunnelOutcome.NotTarget, true) => "対象外の事務",
        (FunnelOutcome.Done, true) => "集約化等実施済の事務",
        (FunnelOutcome.Closed, true) => "検討終了の事務",
        (FunnelOutcome.Kept, false) => "kept",
        (FunnelOutcome.Excluded, false) => "excluded",
        (FunnelOutcome.StudyTarget, false) => "that are study targets",
        (FunnelOutcome.NotTarget, false) => "that are not study targets",
        (FunnelOutcome.Done, false) => "already consolidated",
        (FunnelOutcome.Closed, false) => "ended",
        _ => japanese ? "事務" : "",
    };
}
