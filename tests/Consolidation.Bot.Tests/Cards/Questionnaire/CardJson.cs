using System.Text.Json.Nodes;
using Consolidation.Bot.Cards.Model;
using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Tests.Cards.Questionnaire;

/// <summary>Reads cards the way Teams gets them (serialized JSON), and builds sample models.</summary>
internal static class CardJson
{
    public static readonly TimeZoneInfo Tokyo = TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo");

    /// <summary>2026-12-20 23:59 in Tokyo.</summary>
    public static readonly DateTimeOffset Deadline = new(2026, 12, 20, 14, 59, 0, TimeSpan.Zero);

    public static BotText Text(string culture) => new(BotCultures.FromLocale(culture));

    public static QuestionnaireCardModel Model(Stage stage, string culture = "ja-JP") => new()
    {
        TaskId = "T-0042",
        TaskName = "封入封緘作業",
        Bureau = "市民局",
        Subcommittee = Subcommittee.PersonnelFinance,
        Stage = stage,
        Deadline = Deadline,
        TimeZone = Tokyo,
        Position = 3,
        Total = 40,
        CardVersion = 7,
        AssigneeUserId = "29:1member",
        Theme = PrecedingTheme.EnclosingSealing,
        StandardBusiness = "住民記録",
        AnnualCases = 5000,
        StaffHours = 120.5m,
        Text = Text(culture),
    };

    public static JsonObject Parse(AdaptiveCard card) => JsonNode.Parse(CardJsonContext.ToJson(card))!.AsObject();

    /// <summary>Every element of the body in document order, descending into containers and columns.</summary>
    public static List<JsonObject> Elements(JsonObject card)
    {
        var result = new List<JsonObject>();
        void Walk(JsonArray? items)
        {
            foreach (var item in items ?? [])
            {
                var element = item!.AsObject();
                result.Add(element);
                Walk(element["items"]?.AsArray());
                foreach (var column in element["columns"]?.AsArray() ?? [])
                {
                    Walk(column!["items"]?.AsArray());
                }
            }
        }

        Walk(card["body"]!.AsArray());
        return result;
    }

    public static Dictionary<string, JsonObject> Inputs(JsonObject card) =>
        Elements(card).Where(e => ((string)e["type"]!).StartsWith("Input.", StringComparison.Ordinal))
            .ToDictionary(e => (string)e["id"]!, e => e);

    /// <summary>All texts of TextBlocks and facts, joined, to look for what the reader sees.</summary>
    public static string VisibleText(JsonObject card) => string.Join("\n", Elements(card).SelectMany(e => (string?)e["type"] switch
    {
        "TextBlock" => [(string)e["text"]!],
        "FactSet" => e["facts"]!.AsArray().Select(f => $"{(string)f!["title"]!}: {(string)f["value"]!}"),
        _ => Array.Empty<string>(),
    }));

    /// <summary>The red TextBlock right after the input <paramref name="id"/>, or null.</summary>
    public static string? ErrorAfter(JsonObject card, string id)
    {
        var elements = Elements(card);
        var index = elements.FindIndex(e => (string?)e["id"] == id);
        if (index < 0 || index + 1 >= elements.Count)
        {
            return null;
        }

        var next = elements[index + 1];
        return (string?)next["type"] == "TextBlock" && (string?)next["color"] == "Attention" ? (string?)next["text"] : null;
    }
}
