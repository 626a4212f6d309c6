using System.Globalization;
using Consolidation.Bot.Cards.Model;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Cards.Questionnaire;

/// <summary>Everything the bureau's view card shows; values and errors when it comes back after a refused submit.</summary>
public sealed record BureauViewCardModel
{
    public required TaskSummary Task { get; init; }

    /// <summary>The 担当区長 of the task at WG, by name (the bureau answers beside them).</summary>
    public required string AssigneeName { get; init; }

    /// <summary>The 担当区長's WG decision when already given, in the turn's language; null while it is not.</summary>
    public string? WardHeadDecision { get; init; }

    public required DateTimeOffset Deadline { get; init; }

    public required TimeZoneInfo TimeZone { get; init; }

    /// <summary>The task's round; the view belongs to it.</summary>
    public required int Round { get; init; }

    public string? ReviewId { get; init; }

    public IReadOnlyDictionary<string, string?> Values { get; init; } = new Dictionary<string, string?>();

    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>();

    public required BotText Text { get; init; }
}

/// <summary>
/// The card of the bureau in charge at WG (所管部局を交えたＷＧ): the task, its 担当区長 (and their decision once given), and
/// the bureau's view (集約化等に同意 / 課題あり / 一部なら集約化等が可能, with what the issues or the part are), one
/// <c>Action.Execute</c> <see cref="CardVerbs.SubmitBureauView"/>.
/// </summary>
public static class BureauViewCard
{
    public const string View = "bureauView";
    public const string Comment = "bureauComment";
    public const string Round = "round";

    public static AdaptiveCard Build(BureauViewCardModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var text = model.Text;
        var title = text[nameof(Strings.BureauView_Title)];
        List<Fact> more =
        [
            new(text[nameof(Strings.Card_Deadline)], CardText.DateTime(model.Deadline, model.TimeZone, text)),
            new(text[nameof(Strings.BureauView_WardHead)], model.AssigneeName),
            new(text[nameof(Strings.BureauView_WardHeadDecision)], model.WardHeadDecision ?? text[nameof(Strings.BureauView_NotYet)]),
        ];
        if (model.Round > 1)
        {
            more.Add(new Fact(text[nameof(Strings.Card_Round)], text.Format(nameof(Strings.Card_RoundValue), model.Round)));
        }

        var data = TaskCardParts.TaskData(model.Task.TaskId, model.ReviewId);
        data[Round] = model.Round.ToString(CultureInfo.InvariantCulture);
        var chosen = model.Values.GetValueOrDefault(View);
        List<CardElement> body =
        [
            TaskCardParts.Kicker(title),
            TaskCardParts.TaskName(model.Task.TaskName),
            TaskCardParts.Facts(model.Task, text, more),
            new TextBlock(text[nameof(Strings.BureauView_Intro)]) { Separator = true, Spacing = Spacing.Medium },
            new ChoiceSetInput
            {
                Id = View,
                Label = text[nameof(Strings.BureauView_Question)],
                IsRequired = true,
                ErrorMessage = text[QuestionnaireErrors.Required],
                Style = ChoiceInputStyle.Expanded,
                Choices = [.. Enum.GetValues<BureauView>().Select(v => new Choice(v.Name(text.IsJapanese), v.ToString()))],
                Value = Enum.TryParse<BureauView>(chosen, out var v) && Enum.IsDefined(v) ? v.ToString() : null,
            },
            .. Error(model, View),
            new TextInput
            {
                Id = Comment,
                Label = text[nameof(Strings.BureauView_Comment)],
                IsMultiline = true,
                MaxLength = BureauViewAnswer.MaxCommentLength,
                Value = model.Values.GetValueOrDefault(Comment),
            },
            .. Error(model, Comment),
        ];
        return new AdaptiveCard
        {
            FallbackText = $"{title}: {model.Task.TaskName}",
            Body = body,
            Actions = [CardAttachment.Execute(text[nameof(Strings.Questionnaire_Submit)], CardVerbs.SubmitBureauView, data)],
        };
    }

    /// <summary>The view from a submit (pure): the answer when valid, else the errors by input id; and the values to keep.</summary>
    public static (BureauViewAnswer? Answer, IReadOnlyDictionary<string, string> Errors, IReadOnlyDictionary<string, string?> Values) Parse(Func<string, string?> get)
    {
        ArgumentNullException.ThrowIfNull(get);
        var values = new Dictionary<string, string?>(StringComparer.Ordinal) { [View] = get(View), [Comment] = get(Comment) };
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Enum.TryParse<BureauView>(values[View], out var view) || !Enum.IsDefined(view) || int.TryParse(values[View], out _))
        {
            errors[View] = QuestionnaireErrors.Required;
            return (null, errors, values);
        }

        var answer = new BureauViewAnswer { View = view, Comment = values[Comment] };
        foreach (var (field, key) in answer.Validate())
        {
            errors[field == nameof(BureauViewAnswer.Comment) ? Comment : View] = key;
        }

        return (errors.Count == 0 ? answer : null, errors, values);
    }

    private static IEnumerable<CardElement> Error(BureauViewCardModel model, string id)
    {
        if (model.Errors.TryGetValue(id, out var key))
        {
            yield return TaskCardParts.Error(model.Text[key]);
        }
    }
}
