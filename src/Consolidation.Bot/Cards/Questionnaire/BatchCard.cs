using System.Globalization;
using Consolidation.Bot.Cards.Model;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;
using F = Consolidation.Bot.Cards.Questionnaire.BatchCardFields;

namespace Consolidation.Bot.Cards.Questionnaire;

/// <summary>
/// The プレWG batch card, the policy's rough selection (候補選定（粗い選定）) for a 担当区長 with many tasks: about ten tasks,
/// each kept or excluded with a short reason (required to exclude), one <c>Action.Execute</c>
/// <see cref="CardVerbs.SubmitBatch"/>. A row left blank comes again on the next card; "詳しく回答" opens the task's own
/// detailed questionnaire. Rebuilt with <see cref="BatchCardModel.Values"/> and <see cref="BatchCardModel.Errors"/> it keeps
/// what was chosen and shows each error under its row.
/// </summary>
public static class BatchCard
{
    public static AdaptiveCard Build(BatchCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var text = model.Text;
        var title = text[nameof(Strings.Batch_Title)];
        return new AdaptiveCard
        {
            FallbackText = title,
            Body =
            [
                TaskCardParts.Kicker(title),
                new TextBlock(text.Format(nameof(Strings.Batch_Heading), model.Rows.Count)) { Size = TextSize.Large, Weight = TextWeight.Bolder, Spacing = Spacing.None },
                new FactSet
                {
                    Facts =
                    [
                        new Fact(text[nameof(Strings.Card_Deadline)], CardText.DateTime(model.Deadline, model.TimeZone, text)),
                        new Fact(text[nameof(Strings.Card_Progress)], text.Format(nameof(Strings.Batch_Progress), model.Answered, model.Total)),
                    ],
                },
                .. ErrorSummary(model),
                new TextBlock(text[nameof(Strings.Batch_Intro)]) { Separator = true, Spacing = Spacing.Medium },
                .. model.Rows.Select((row, i) => Row(model, row, i)),
            ],
            Actions = [CardAttachment.Execute(text[nameof(Strings.Batch_Submit)], F.SubmitVerb, SubmitData(model))],
        };
    }

    /// <summary>The data of the submit action: review, stage, and the rows' tasks with their versions.</summary>
    public static IReadOnlyDictionary<string, string> SubmitData(BatchCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var data = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [QuestionnaireFields.Stage] = nameof(Stage.PreWg),
            [F.Tasks] = F.TasksValue(model.Rows.Select(r => (r.Task.TaskId, r.Version))),
        };
        if (model.ReviewId is not null)
        {
            data[QuestionnaireFields.ReviewId] = model.ReviewId;
        }

        return data;
    }

    private static IEnumerable<CardElement> ErrorSummary(BatchCardModel model)
    {
        var message = model.CardError is { } key ? model.Text[key]
            : model.Errors.Count > 0 ? model.Text.Format(nameof(Strings.Questionnaire_ErrorSummary), model.Errors.Count)
            : null;
        if (message is null)
        {
            yield break;
        }

        yield return new Container
        {
            Style = ContainerStyle.Attention,
            Spacing = Spacing.Medium,
            Items = [new TextBlock(message) { Color = TextColor.Attention, Weight = TextWeight.Bolder }],
        };
    }

    private static Container Row(BatchCardModel model, BatchRow row, int index)
    {
        var text = model.Text;
        var (decisionId, reasonId) = (F.Decision(index), F.Reason(index));
        var chosen = model.Values.GetValueOrDefault(decisionId);
        List<CardElement> items =
        [
            new TextBlock(row.Task.TaskName) { Weight = TextWeight.Bolder },
            new TextBlock(string.Create(CultureInfo.InvariantCulture, $"{row.Task.TaskId}・{row.Task.Bureau}")) { Size = TextSize.Small, IsSubtle = true, Spacing = Spacing.None },
            new ChoiceSetInput
            {
                Id = decisionId,
                Label = text[nameof(Strings.Batch_Decision)],
                Style = ChoiceInputStyle.Compact,
                Placeholder = text[nameof(Strings.Batch_NotNow)],
                Choices = [.. Enum.GetValues<PreWgDecision>().Select(d => new Choice(d.Name(text.IsJapanese), d.ToString()))],
                Value = Enum.TryParse<PreWgDecision>(chosen, out var d) && Enum.IsDefined(d) ? d.ToString() : null,
            },
            .. ErrorLine(model, decisionId),
            new TextInput
            {
                Id = reasonId,
                Label = text[nameof(Strings.Batch_Reason)],
                MaxLength = F.MaxReasonLength,
                Value = model.Values.GetValueOrDefault(reasonId),
            },
            .. ErrorLine(model, reasonId),
            new ActionSet
            {
                Actions = [CardAttachment.Execute(text[nameof(Strings.Batch_Detailed)], QuestionnaireFields.ShowTaskVerb,
                    TaskCardParts.TaskData(row.Task.TaskId, model.ReviewId)) with { AssociatedInputs = AssociatedInputs.None }],
            },
        ];
        return new Container { Separator = true, Spacing = Spacing.Medium, Items = items };
    }

    private static IEnumerable<CardElement> ErrorLine(BatchCardModel model, string id)
    {
        if (model.Errors.TryGetValue(id, out var key))
        {
            yield return TaskCardParts.Error(model.Text[key]);
        }
    }
}
