using System.Text.Json.Serialization;

namespace Consolidation.Bot.Cards.Model;

/// <summary>A card action. <c>type</c> is written from the derived-type discriminator.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(ExecuteAction), "Action.Execute")]
[JsonDerivedType(typeof(SubmitAction), "Action.Submit")]
[JsonDerivedType(typeof(OpenUrlAction), "Action.OpenUrl")]
[JsonDerivedType(typeof(ShowCardAction), "Action.ShowCard")]
public abstract record CardAction
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("style")] public ActionStyle? Style { get; init; }
    [JsonPropertyName("mode")] public ActionMode? Mode { get; init; }
}

/// <summary>
/// Universal Action: Teams sends an <c>adaptiveCard/action</c> invoke carrying <see cref="Verb"/> and
/// <see cref="Data"/> merged with the input values. <c>fallback: Action.Submit</c> keeps old clients working.
/// </summary>
public sealed record ExecuteAction : CardAction
{
    [JsonPropertyName("verb")] public required string Verb { get; init; }
    [JsonPropertyName("data")] public IReadOnlyDictionary<string, string>? Data { get; init; }
    [JsonPropertyName("associatedInputs")] public AssociatedInputs? AssociatedInputs { get; init; }
    [JsonPropertyName("fallback")] public string? Fallback { get; init; } = "Action.Submit";
}

/// <summary>Classic submit: Teams sends a <c>message</c> activity whose <c>value</c> is the data plus the inputs.</summary>
public sealed record SubmitAction : CardAction
{
    [JsonPropertyName("data")] public IReadOnlyDictionary<string, string>? Data { get; init; }
    [JsonPropertyName("associatedInputs")] public AssociatedInputs? AssociatedInputs { get; init; }
}

public sealed record OpenUrlAction : CardAction
{
    [JsonPropertyName("url")] public required string Url { get; init; }
}

/// <summary>Shows a card inline when pressed (no round trip): used for "show more".</summary>
public sealed record ShowCardAction : CardAction
{
    [JsonPropertyName("card")] public required AdaptiveCard Card { get; init; }
}
