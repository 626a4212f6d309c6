using System.Text.Json.Serialization;

namespace Consolidation.Bot.Cards.Model;

/// <summary>Common input properties. Values arrive back in the action's data keyed by <see cref="CardElement.Id"/>.</summary>
public abstract record CardInput : CardElement
{
    [JsonPropertyName("label")] public string? Label { get; init; }
    [JsonPropertyName("isRequired")] public bool? IsRequired { get; init; }
    [JsonPropertyName("errorMessage")] public string? ErrorMessage { get; init; }
}

public sealed record TextInput : CardInput
{
    [JsonPropertyName("placeholder")] public string? Placeholder { get; init; }
    [JsonPropertyName("value")] public string? Value { get; init; }
    [JsonPropertyName("isMultiline")] public bool? IsMultiline { get; init; }
    [JsonPropertyName("maxLength")] public int? MaxLength { get; init; }
    [JsonPropertyName("regex")] public string? Regex { get; init; }
}

public sealed record NumberInput : CardInput
{
    [JsonPropertyName("placeholder")] public string? Placeholder { get; init; }
    [JsonPropertyName("value")] public double? Value { get; init; }
    [JsonPropertyName("min")] public double? Min { get; init; }
    [JsonPropertyName("max")] public double? Max { get; init; }
}

public sealed record DateInput : CardInput
{
    /// <summary>ISO date <c>yyyy-MM-dd</c>.</summary>
    [JsonPropertyName("value")] public string? Value { get; init; }
    [JsonPropertyName("min")] public string? Min { get; init; }
    [JsonPropertyName("max")] public string? Max { get; init; }
}

public sealed record ToggleInput : CardInput
{
    [JsonPropertyName("title")] public required string Title { get; init; }
    [JsonPropertyName("value")] public string? Value { get; init; }
    [JsonPropertyName("valueOn")] public string? ValueOn { get; init; }
    [JsonPropertyName("valueOff")] public string? ValueOff { get; init; }
}

public sealed record Choice(
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("value")] string Value);

public sealed record ChoiceSetInput : CardInput
{
    [JsonPropertyName("choices")] public IReadOnlyList<Choice> Choices { get; init; } = [];
    [JsonPropertyName("style")] public ChoiceInputStyle? Style { get; init; }
    [JsonPropertyName("isMultiSelect")] public bool? IsMultiSelect { get; init; }
    [JsonPropertyName("value")] public string? Value { get; init; }
    [JsonPropertyName("placeholder")] public string? Placeholder { get; init; }
}
