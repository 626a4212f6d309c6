using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using F = Consolidation.Bot.Cards.Questionnaire.QuestionnaireFields;

namespace Consolidation.Bot.Cards.Questionnaire;

/// <summary>Recognises a questionnaire card read back from a chat (as Microsoft Graph returns it: the card's JSON).</summary>
public static class PostedQuestionnaireCard
{
    /// <summary>True when <paramref name="cardJson"/> is the questionnaire of <paramref name="taskId"/> at card version <paramref name="version"/>.</summary>
    public static bool IsFor(string cardJson, string taskId, int version) =>
        HasAction(cardJson, F.SubmitVerb, data => Text(data[F.TaskId]) == taskId && Text(data[F.Version]) == Invariant(version));

    /// <summary>True when <paramref name="cardJson"/> is the プレWG batch card of exactly these rows (<see cref="BatchCardFields.Tasks"/>).</summary>
    public static bool IsBatch(string cardJson, string tasks) =>
        HasAction(cardJson, BatchCardFields.SubmitVerb, data => Text(data[BatchCardFields.Tasks]) == tasks);

    /// <summary>True when <paramref name="cardJson"/> is the bureau view card of <paramref name="taskId"/> in <paramref name="round"/>.</summary>
    public static bool IsBureauView(string cardJson, string taskId, int round) =>
        HasAction(cardJson, CardVerbs.SubmitBureauView, data => Text(data[F.TaskId]) == taskId && Text(data[BureauViewCard.Round]) == Invariant(round));

    /// <summary>The card has an action with <paramref name="verb"/> whose data matches; false for anything that is not card JSON.</summary>
    private static bool HasAction(string cardJson, string verb, Func<JsonObject, bool> matches)
    {
        JsonNode? card;
        try
        {
            card = JsonNode.Parse(cardJson);
        }
        catch (JsonException)
        {
            return false;
        }

        return card is JsonObject { } root && root["actions"] is JsonArray actions
            && actions.OfType<JsonObject>().Any(a => Text(a["verb"]) == verb && a["data"] is JsonObject data && matches(data));
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? Text(JsonNode? node) =>
        node is JsonValue value ? value.TryGetValue<string>(out var s) ? s : value.ToJsonString() : null;
}
