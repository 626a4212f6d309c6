using System.Globalization;
using Consolidation.Bot.Cards.Model;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;
using F = Consolidation.Bot.Cards.Questionnaire.QuestionnaireFields;

namespace Consolidation.Bot.Cards.Questionnaire;

/// <summary>
/// The questionnaire of one task at one stage (プレWG, WG, 適否): a header naming the task, the stage's questions as
/// inputs, and one <c>Action.Execute</c> <see cref="CardVerbs.SubmitAnswer"/>. Rebuilt with
/// <see cref="QuestionnaireCardModel.Values"/> and <see cref="QuestionnaireCardModel.Errors"/> it keeps what was
/// typed and shows each error next to its field and in a summary at the top.
/// </summary>
public static class QuestionnaireCard
{
    public static AdaptiveCard Build(QuestionnaireCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var text = model.Text;
        var title = text.Format(nameof(Strings.Questionnaire_Title), model.Stage.Name(text.IsJapanese));
        var inputs = new Inputs(model);
        return new AdaptiveCard
        {
            FallbackText = $"{title}: {model.TaskName}",
            Body =
            [
                .. Header(model, title),
                .. ErrorSummary(model),
                new TextBlock(text[IntroKey(model.Stage)]) { Separator = true, Spacing = Spacing.Medium },
                .. model.Stage switch
                {
                    Stage.PreWg => PreWgQuestions(inputs),
                    Stage.Wg => WgQuestions(inputs),
                    Stage.Suitability => SuitabilityQuestions(inputs),
                    _ => throw new ArgumentOutOfRangeException(nameof(model), model.Stage, "Only the screening stages have a questionnaire."),
                },
            ],
            Actions = [CardAttachment.Execute(text[nameof(Strings.Questionnaire_Submit)], F.SubmitVerb, SubmitData(model))],
            Refresh = TaskCardParts.Refresh(model.TaskId, model.AssigneeUserId, text, model.ReviewId),
        };
    }

    /// <summary>The data of the submit action: review, task, card version and stage (the inputs are added by the client).</summary>
    public static IReadOnlyDictionary<string, string> SubmitData(QuestionnaireCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var data = TaskCardParts.TaskData(model.TaskId, model.ReviewId);
        data[F.Version] = model.CardVersion.ToString(CultureInfo.InvariantCulture);
        data[F.Stage] = model.Stage.ToString();
        return data;
    }

    private static IEnumerable<CardElement> Header(QuestionnaireCardModel model, string title)
    {
        var text = model.Text;
        var more = new List<Fact>
        {
            new(text[nameof(Strings.Card_Deadline)], CardText.DateTime(model.Deadline, model.TimeZone, text)),
            new(text[nameof(Strings.Card_Progress)], CardText.Progress(model.Position, model.Total, text)),
        };
        if (model.Round > 1)
        {
            more.Add(new Fact(text[nameof(Strings.Card_Round)], text.Format(nameof(Strings.Card_RoundValue), model.Round)));
        }

        if (model.EarlierRound is { } earlier)
        {
            more.Add(new Fact(text[nameof(Strings.Card_EarlierRound)], earlier));
        }

        if (model.Theme is { } theme)
        {
            more.Add(new Fact(text[nameof(Strings.Card_Theme)], theme.Name(text.IsJapanese)));
        }

        if (!string.IsNullOrWhiteSpace(model.StandardBusiness))
        {
            more.Add(new Fact(text[nameof(Strings.Card_StandardBusiness)], model.StandardBusiness));
        }

        yield return TaskCardParts.Kicker(title);
        yield return TaskCardParts.TaskName(model.TaskName);
        yield return TaskCardParts.Facts(model.Task, text, more);
    }

    private static IEnumerable<CardElement> ErrorSummary(QuestionnaireCardModel model)
    {
        if (model.Errors.Count == 0)
        {
            yield break;
        }

        yield return new Container
        {
            Style = ContainerStyle.Attention,
            Spacing = Spacing.Medium,
            Items = [new TextBlock(model.Text.Format(nameof(Strings.Questionnaire_ErrorSummary), model.Errors.Count))
            {
                Color = TextColor.Attention,
                Weight = TextWeight.Bolder,
            }],
        };
    }

    private static string IntroKey(Stage stage) => stage switch
    {
        Stage.PreWg => nameof(Strings.Questionnaire_Intro_PreWg),
        Stage.Wg => nameof(Strings.Questionnaire_Intro_Wg),
        _ => nameof(Strings.Questionnaire_Intro_Suitability),
    };

    private static IEnumerable<CardElement> PreWgQuestions(Inputs i) =>
    [
        .. i.YesNo(F.Routine, nameof(Strings.Q_Routine)),
        .. i.YesNo(F.HighLevelNegotiation, nameof(Strings.Q_HighLevelNegotiation)),
        .. i.YesNo(F.PaperOrVisit, nameof(Strings.Q_PaperOrVisit)),
        .. i.YesNo(F.LessEfficientAtWard, nameof(Strings.Q_LessEfficientAtWard), required: false),
        .. i.YesNo(F.BusinessesServed, nameof(Strings.Q_BusinessesServed)),
        .. i.Choice(F.MigrationEffect, nameof(Strings.Q_MigrationEffect), required: true,
            Enum.GetValues<MigrationEffect>().Select(e => (e.ToString(), CardText.Name(e, i.Text)))),
        i.Note(nameof(Strings.Questionnaire_MigrationNote)),
        .. i.Number(F.AnnualCases, nameof(Strings.Q_AnnualCases), AnswerErrors.MaxAnnualCases, i.Model.AnnualCases),
        .. i.Number(F.StaffHours, nameof(Strings.Q_StaffHours), (double)AnswerErrors.MaxStaffHours, (double?)i.Model.StaffHours),
        .. i.Decision(nameof(Strings.Q_PreWgDecision), Enum.GetValues<PreWgDecision>().Select(d => (d.ToString(), d.Name(i.Text.IsJapanese)))),
        .. i.LongText(F.Reason, nameof(Strings.Q_PreWgReason), PreWgAnswer.MaxReasonLength),
    ];

    private static IEnumerable<CardElement> WgQuestions(Inputs i) =>
    [
        .. i.Decision(nameof(Strings.Q_WgDecision), Enum.GetValues<WgDecision>().Select(d => (d.ToString(), d.Name(i.Text.IsJapanese)))),
        .. i.Choice(F.Destination, nameof(Strings.Q_Destination), required: false,
            Enum.GetValues<Destination>().Select(d => (d.ToString(), CardText.Name(d, i.Text)))),
        .. i.LongText(F.DestinationNote, nameof(Strings.Q_DestinationNote), WgAnswer.MaxDestinationNoteLength),
        .. i.Toggle(F.Partial, nameof(Strings.Q_Partial)),
        .. i.Toggle(F.AlreadyConsolidated, nameof(Strings.Q_AlreadyConsolidated)),
        .. i.LongText(F.Issues, nameof(Strings.Q_Issues), WgAnswer.MaxIssuesLength),
    ];

    private static IEnumerable<CardElement> SuitabilityQuestions(Inputs i) =>
    [
        .. i.Decision(nameof(Strings.Q_SuitabilityDecision), Enum.GetValues<SuitabilityDecision>().Select(d => (d.ToString(), d.Name(i.Text.IsJapanese)))),
        .. i.Choice(F.Trigger, nameof(Strings.Q_Trigger), required: false,
            Enum.GetValues<RevisitTrigger>().Select(t => (t.ToString(), t.Name(i.Text.IsJapanese)))),
        .. i.Date(F.RevisitDate, nameof(Strings.Q_RevisitDate)),
        .. i.LongText(F.Reason, nameof(Strings.Q_SuitabilityReason), SuitabilityAnswer.MaxReasonLength),
        .. i.LongText(F.StaffingBudget, nameof(Strings.Q_StaffingBudget), SuitabilityAnswer.MaxReasonLength),
    ];

    /// <summary>Builds one input (plus its error line) with the kept value and the error of its id.</summary>
    private sealed class Inputs(QuestionnaireCardModel model)
    {
        private const int MaxEchoLength = 40;

        public QuestionnaireCardModel Model => model;

        public BotText Text => model.Text;

        private bool Kept(string id, out string? value) => model.Values.TryGetValue(id, out value);

        private string? Value(string id) => Kept(id, out var value) ? value : null;

        private string Required => Text[QuestionnaireErrors.Required];

        public IEnumerable<CardElement> YesNo(string id, string labelKey, bool required = true) =>
            Choice(id, labelKey, required, [(F.True, CardText.YesNo(true, Text)), (F.False, CardText.YesNo(false, Text))], expanded: true);

        /// <summary>A short explanation under a question (the policy's guidance), not an input.</summary>
        public TextBlock Note(string key) => new(Text[key]) { Size = TextSize.Small, IsSubtle = true, Spacing = Spacing.Small };

        public IEnumerable<CardElement> Decision(string labelKey, IEnumerable<(string Value, string Title)> choices) =>
            Choice(F.Decision, labelKey, required: true, choices, expanded: true);

        public IEnumerable<CardElement> Choice(
            string id, string labelKey, bool required, IEnumerable<(string Value, string Title)> choices, bool expanded = false)
        {
            var list = choices.Select(c => new Choice(c.Title, c.Value)).ToList();
            var typed = Value(id);
            var shown = list.Any(c => c.Value == typed) ? typed : null;
            yield return new ChoiceSetInput
            {
                Id = id,
                Label = Text[labelKey],
                IsRequired = required ? true : null,
                ErrorMessage = required ? Required : null,
                Style = expanded ? ChoiceInputStyle.Expanded : ChoiceInputStyle.Compact,
                Placeholder = expanded ? null : Text[nameof(Strings.Questionnaire_Choose)],
                Choices = list,
                Value = shown,
            };
            foreach (var error in ErrorLine(id, typed, shownAsTyped: shown is not null || typed is null))
            {
                yield return error;
            }
        }

        public IEnumerable<CardElement> Number(string id, string labelKey, double max, double? prefill)
        {
            double? value = prefill;
            var typedShown = true;
            if (Kept(id, out var typed))
            {
                value = NumberText.TryParse(typed, out var number) ? (double)number : null;
                typedShown = typed is null || value is not null;
            }

            yield return new NumberInput
            {
                Id = id,
                Label = Text[labelKey],
                Min = 0,
                Max = max,
                Value = value,
                ErrorMessage = Text[AnswerErrors.OutOfRange],
            };
            foreach (var error in ErrorLine(id, typed, typedShown))
            {
                yield return error;
            }
        }

        public IEnumerable<CardElement> LongText(string id, string labelKey, int maxLength)
        {
            var typed = Value(id);
            yield return new TextInput
            {
                Id = id,
                Label = Text[labelKey],
                IsMultiline = true,
                MaxLength = maxLength,
                Value = typed,
            };
            foreach (var error in ErrorLine(id, typed, shownAsTyped: true))
            {
                yield return error;
            }
        }

        public IEnumerable<CardElement> Toggle(string id, string titleKey)
        {
            yield return new ToggleInput
            {
                Id = id,
                Title = Text[titleKey],
                ValueOn = F.True,
                ValueOff = F.False,
                Value = Value(id) == F.True ? F.True : F.False,
            };
            foreach (var error in ErrorLine(id, Value(id), shownAsTyped: true))
            {
                yield return error;
            }
        }

        public IEnumerable<CardElement> Date(string id, string labelKey)
        {
            var typed = Value(id);
            var valid = DateOnly.TryParseExact(typed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
            yield return new DateInput { Id = id, Label = Text[labelKey], Value = valid ? typed : null };
            foreach (var error in ErrorLine(id, typed, shownAsTyped: valid || typed is null))
            {
                yield return error;
            }
        }

        /// <summary>The red line under a field; names what was typed when the input could not show it.</summary>
        private IEnumerable<CardElement> ErrorLine(string id, string? typed, bool shownAsTyped)
        {
            if (!model.Errors.TryGetValue(id, out var key))
            {
                yield break;
            }

            var message = Text[key];
            if (!shownAsTyped && typed is not null)
            {
                var shown = typed.Length > MaxEchoLength ? typed[..MaxEchoLength] + "…" : typed;
                message += " " + Text.Format(nameof(Strings.Questionnaire_YouTyped), shown);
            }

            yield return TaskCardParts.Error(message);
        }
    }
}
