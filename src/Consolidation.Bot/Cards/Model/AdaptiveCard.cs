using System.Text.Json.Serialization;

namespace Consolidation.Bot.Cards.Model;

/// <summary>
/// An Adaptive Card (schema 1.5, the highest Teams renders). Built only by the pure functions in <c>Cards/</c>;
/// serialized with <see cref="CardJsonContext"/>.
/// </summary>
public sealed record AdaptiveCard
{
    public const string SchemaVersion = "1.5";

    [JsonPropertyName("type")] public string Type => "AdaptiveCard";
    [JsonPropertyName("$schema")] public string Schema => "http://adaptivecards.io/schemas/adaptive-card.json";
    [JsonPropertyName("version")] public string Version { get; init; } = SchemaVersion;
    [JsonPropertyName("body")] public IReadOnlyList<CardElement> Body { get; init; } = [];
    [JsonPropertyName("actions")] public IReadOnlyList<CardAction>? Actions { get; init; }
    [JsonPropertyName("refresh")] public CardRefresh? Refresh { get; init; }
    [JsonPropertyName("fallbackText")] public string? FallbackText { get; init; }
    [JsonPropertyName("speak")] public string? Speak { get; init; }
    // No "lang": the official JS library validates it with a global regex whose state flips between calls
    // (adaptivecards 3.0.6, card-elements.js langProperty), so every second card fails its own validation.
    [JsonPropertyName("msteams")] public TeamsCardProperties? MsTeams { get; init; }
}

/// <summary>Universal Actions <c>refresh</c>: the verb Teams invokes to bring the card up to date for <see cref="UserIds"/>.</summary>
public sealed record CardRefresh
{
    /// <summary>
    /// An <see cref="ExecuteAction"/> (Teams refreshes only with <c>Action.Execute</c>). Declared as the base type so
    /// the polymorphic <c>type</c> discriminator is written; a property of the derived type is written without it.
    /// </summary>
    [JsonPropertyName("action")] public required CardAction Action { get; init; }
    [JsonPropertyName("userIds")] public IReadOnlyList<string>? UserIds { get; init; }
}

/// <summary>Teams-only card properties (<c>msteams</c>).</summary>
public sealed record TeamsCardProperties
{
    [JsonPropertyName("width")] public string? Width { get; init; }
    [JsonPropertyName("entities")] public IReadOnlyList<CardMention>? Entities { get; init; }
}

public sealed record CardMention
{
    [JsonPropertyName("type")] public string Type => "mention";
    [JsonPropertyName("text")] public required string Text { get; init; }
    [JsonPropertyName("mentioned")] public required CardMentioned Mentioned { get; init; }
}

public sealed record CardMentioned
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
}
