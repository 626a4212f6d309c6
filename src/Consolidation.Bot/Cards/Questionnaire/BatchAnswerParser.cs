using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;
using F = Consolidation.Bot.Cards.Questionnaire.BatchCardFields;

namespace Consolidation.Bot.Cards.Questionnaire;

/// <summary>One row of a batch submit: the task, the version its card showed, and its answer (null: left blank, not now).</summary>
public sealed record BatchAnswerRow(string TaskId, int Version, PreWgAnswer? Answer);

/// <summary>
/// A batch submit read: the rows (null when the card's task list is missing or malformed), the errors keyed by input id
/// (resource keys), an error of the whole card, and the submitted values keyed by input id, to rebuild the card.
/// </summary>
public sealed record ParsedBatch(
    IReadOnlyList<BatchAnswerRow>? Rows,
    IReadOnlyDictionary<string, string> Errors,
    IReadOnlyDictionary<string, string?> Values,
    string? CardError = null)
{
    public bool IsValid => Rows is not null && Errors.Count == 0 && CardError is null;
}

/// <summary>
/// Reads the プレWG batch card's submit (pure). A row with a decision becomes a rough answer (<see cref="PreWgAnswer.Rough"/>)
/// validated by the domain's rules (excluding needs a reason); a reason without a decision is an error (the member
/// meant to answer); a card with nothing chosen is refused as a whole. Input errors are the member's to fix, so any
/// of them refuses the whole submit and nothing is stored; staleness is decided per task afterwards.
/// </summary>
public static class BatchAnswerParser
{
    public static ParsedBatch Parse(Func<string, string?> get)
    {
        ArgumentNullException.ThrowIfNull(get);
        var tasks = F.ParseTasks(get(F.Tasks));
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (tasks is null)
        {
            return new ParsedBatch(null, errors, values);
        }

        var rows = new List<BatchAnswerRow>();
        for (var i = 0; i < tasks.Count; i++)
        {
            var (decisionId, reasonId) = (F.Decision(i), F.Reason(i));
            var (decisionText, reason) = (values[decisionId] = get(decisionId), values[reasonId] = get(reasonId));
            PreWgAnswer? answer = null;
            if (decisionText is null)
            {
                if (reason is not null)
                {
                    errors[decisionId] = QuestionnaireErrors.Required;
                }
            }
            else if (!Enum.TryParse<PreWgDecision>(decisionText, out var decision) || !Enum.IsDefined(decision))
            {
                errors[decisionId] = QuestionnaireErrors.Required;
            }
            else if (reason is { Length: > F.MaxReasonLength })
            {
                errors[reasonId] = AnswerErrors.TooLong;
            }
            else
            {
                answer = new PreWgAnswer { Decision = decision, Reason = reason, Rough = true };
                if (answer.Validate().ContainsKey(nameof(PreWgAnswer.Reason)))
                {
                    errors[reasonId] = answer.Validate()[nameof(PreWgAnswer.Reason)];
                }
            }

            rows.Add(new BatchAnswerRow(tasks[i].TaskId, tasks[i].Version, answer));
        }

        var nothing = errors.Count == 0 && rows.All(r => r.Answer is null);
        return new ParsedBatch(rows, errors, values, nothing ? nameof(Strings.Batch_NothingChosen) : null);
    }
}
