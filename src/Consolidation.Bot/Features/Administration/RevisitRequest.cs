using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Questionnaire;
using Consolidation.Bot.Features.Status.Understanding;
using Consolidation.Bot.Text;

namespace Consolidation.Bot.Features.Administration;

/// <summary>A parsed revisit event: the trigger, the stage the tasks re-enter (適否 unless WG is named), the deadline's local day.</summary>
public sealed record RevisitRequest(RevisitTrigger Trigger, Stage Stage, DateOnly DeadlineDate);

/// <summary>Why a revisit command could not be parsed (the suffix of its reply's resource key, <c>Revisit_{error}</c>).</summary>
public enum RevisitParseError
{
    None,
    MissingTrigger,
    MissingDate,
    DateInPast,
    PreWgNotARound,
}

/// <summary>
/// Parses <c>再検討開始 標準化BPR 2027-03-31</c>, <c>再検討開始 制度変更 2027年4月30日 WG</c>, <c>start revisit rule change 2027-04-30</c>
/// (pure). The deadline is a date as the open command takes it; the stage is 適否 unless WG is named.
/// </summary>
public static class RevisitParser
{
    public static (RevisitRequest? Request, RevisitParseError Error) Parse(string text, DateOnly today)
    {
        var normalized = TextNormalizer.Normalize(text);
        if (RevisitTriggerWords.Find(KanaFolding.Fold(normalized)) is not { } trigger)
        {
            return (null, RevisitParseError.MissingTrigger);
        }

        var date = OpenStageParser.ParseDate(normalized, today, out var dateText);
        var rest = dateText is null ? normalized : normalized.Replace(dateText, " ", StringComparison.Ordinal);
        var stage = OpenStageParser.ParseStage(rest) ?? Stage.Suitability;
        return (date, stage) switch
        {
            (_, Stage.PreWg) => (null, RevisitParseError.PreWgNotARound),
            (null, _) => (null, RevisitParseError.MissingDate),
            ({ } d, _) when d < today => (null, RevisitParseError.DateInPast),
            ({ } d, _) => (new RevisitRequest(trigger, stage, d), RevisitParseError.None),
        };
    }
}
