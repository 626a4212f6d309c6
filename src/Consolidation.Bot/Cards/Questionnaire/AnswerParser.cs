using System.Globalization;
using Consolidation.Bot.Domain;
using F = Consolidation.Bot.Cards.Questionnaire.QuestionnaireFields;

namespace Consolidation.Bot.Cards.Questionnaire;

/// <summary>
/// The result of reading a questionnaire submit: the answer when it is complete and valid (else null), the errors
/// keyed by input id (values are resource keys), and the submitted values keyed by input id, to rebuild the card.
/// </summary>
public sealed record ParsedAnswer(
    StageAnswer? Answer,
    IReadOnlyDictionary<string, string> Errors,
    IReadOnlyDictionary<string, string?> Values)
{
    public bool IsValid => Answer is not null;
}

/// <summary>
/// Reads a stage's answer from the submitted data (<c>get</c> = <see cref="Routing.CardActionInvocation.Get"/>, which
/// returns strings, numbers and booleans as text, null when absent or blank). Works the same for
/// <c>Action.Execute</c> invokes and <c>Action.Submit</c> messages. Pure.
/// </summary>
public static class AnswerParser
{
    public static ParsedAnswer Parse(Stage stage, Func<string, string?> get)
    {
        ArgumentNullException.ThrowIfNull(get);
        var values = F.InputsOf(stage).ToDictionary(id => id, get, StringComparer.Ordinal);
        var reader = new Reader(values);
        StageAnswer? answer = stage switch
        {
            Stage.PreWg => ReadPreWg(reader),
            Stage.Wg => ReadWg(reader),
            Stage.Suitability => ReadSuitability(reader),
            _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Only the screening stages have a questionnaire."),
        };

        if (reader.DecisionRead)
        {
            foreach (var (field, key) in answer.Validate())
            {
                reader.Errors.TryAdd(F.ForAnswerField(field), key);
            }
        }

        return new ParsedAnswer(reader.Errors.Count == 0 ? answer : null, reader.Errors, values);
    }

    private static PreWgAnswer ReadPreWg(Reader r) => new()
    {
        Routine = r.Bool(F.Routine, required: true),
        HighLevelNegotiation = r.Bool(F.HighLevelNegotiation, required: true),
        PaperOrVisit = r.Bool(F.PaperOrVisit, required: true),
        BusinessesServed = r.Bool(F.BusinessesServed, required: true),
        LessEfficientAtWard = r.OptionalBool(F.LessEfficientAtWard),
        MigrationEffect = r.Enum<MigrationEffect>(F.MigrationEffect, required: true) ?? MigrationEffect.Unknown,
        AnnualCases = r.Integer(F.AnnualCases),
        StaffHours = r.Decimal(F.StaffHours),
        Decision = r.Decision<PreWgDecision>(),
        Reason = r.Text(F.Reason),
    };

    private static WgAnswer ReadWg(Reader r) => new()
    {
        Decision = r.Decision<WgDecision>(),
        Destination = r.Enum<Destination>(F.Destination, required: false),
        DestinationNote = r.Text(F.DestinationNote),
        Partial = r.Bool(F.Partial, required: false),
        AlreadyConsolidated = r.Bool(F.AlreadyConsolidated, required: false),
        Issues = r.Text(F.Issues),
    };

    private static SuitabilityAnswer ReadSuitability(Reader r)
    {
        var decision = r.Decision<SuitabilityDecision>();
        var trigger = r.Enum<RevisitTrigger>(F.Trigger, required: false);
        var date = r.Date(F.RevisitDate);

        // A trigger only means something for "continue later", and a date only for the date trigger.
        var continueLater = decision == SuitabilityDecision.ContinueLater;
        return new SuitabilityAnswer
        {
            Decision = decision,
            Trigger = continueLater ? trigger : null,
            RevisitDate = continueLater && trigger == RevisitTrigger.Date ? date : null,
            Reason = r.Text(F.Reason),
            StaffingBudget = r.Text(F.StaffingBudget),
        };
    }

    /// <summary>Reads typed values one input at a time, collecting errors by input id.</summary>
    private sealed class Reader(IReadOnlyDictionary<string, string?> values)
    {
        public Dictionary<string, string> Errors { get; } = new(StringComparer.Ordinal);

        /// <summary>The decision was given and valid, so the answer's own rules can be checked.</summary>
        public bool DecisionRead { get; private set; }

        private string? Raw(string id) => values.TryGetValue(id, out var v) && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;

        public string? Text(string id) => Raw(id);

        /// <summary>A yes/no question that may be left unanswered (null).</summary>
        public bool? OptionalBool(string id) => Raw(id) is null ? null : Bool(id, required: false);

        public bool Bool(string id, bool required)
        {
            switch (Raw(id)?.ToLowerInvariant())
            {
                case F.True:
                    return true;
                case F.False:
                    return false;
                case null:
                    if (required)
                    {
                        Errors[id] = QuestionnaireErrors.Required;
                    }

                    return false;
                default:
                    Errors[id] = AnswerErrors.OutOfRange;
                    return false;
            }
        }

        public TEnum? Enum<TEnum>(string id, bool required)
            where TEnum : struct, Enum
        {
            var raw = Raw(id);
            if (raw is null)
            {
                if (required)
                {
                    Errors[id] = QuestionnaireErrors.Required;
                }

                return null;
            }

            // By name only: a number would parse as any value of the enum.
            if (!raw.All(char.IsAsciiLetter) || !System.Enum.TryParse<TEnum>(raw, ignoreCase: true, out var value) || !System.Enum.IsDefined(value))
            {
                Errors[id] = AnswerErrors.OutOfRange;
                return null;
            }

            return value;
        }

        public TEnum Decision<TEnum>()
            where TEnum : struct, Enum
        {
            var decision = Enum<TEnum>(F.Decision, required: true);
            DecisionRead = decision is not null;
            return decision ?? default;
        }

        public decimal? Decimal(string id)
        {
            var raw = Raw(id);
            if (raw is null)
            {
                return null;
            }

            if (!NumberText.TryParse(raw, out var value))
            {
                Errors[id] = AnswerErrors.NotANumber;
                return null;
            }

            return value;
        }

        public int? Integer(string id)
        {
            var value = Decimal(id);
            switch (value)
            {
                case null:
                    return null;
                case var v when v != decimal.Truncate(v.Value):
                    Errors[id] = AnswerErrors.NotANumber;
                    return null;
                case < int.MinValue or > int.MaxValue:
                    Errors[id] = AnswerErrors.OutOfRange;
                    return null;
                default:
                    return (int)value.Value;
            }
        }

        public DateOnly? Date(string id)
        {
            var raw = Raw(id);
            if (raw is null)
            {
                return null;
            }

            if (!DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                Errors[id] = QuestionnaireErrors.InvalidDate;
                return null;
            }

            return date;
        }
    }
}
