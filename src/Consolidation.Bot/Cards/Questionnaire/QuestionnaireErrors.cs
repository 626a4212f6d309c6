using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Cards.Questionnaire;

/// <summary>Resource keys of the questionnaire's own input errors (the domain's are in <see cref="AnswerErrors"/>).</summary>
public static class QuestionnaireErrors
{
    /// <summary>A required input was left empty.</summary>
    public const string Required = "Error_Required";

    /// <summary>A date input that is not <c>yyyy-MM-dd</c>.</summary>
    public const string InvalidDate = "Error_InvalidDate";
}
