using System.Text.Json.Serialization;

namespace Consolidation.Bot.Cards.Model;

/// <summary>
/// Teams chart elements (Teams-only extensions of Adaptive Cards). A client that cannot draw them shows
/// <see cref="Fallback"/> instead, so every chart carries a plain-text equivalent.
/// </summary>
public abstract record ChartElement : CardElement
{
    [JsonPropertyName("title")] public string? Title { get; init; }

    /// <summary>What a client without chart support renders instead (required by our cards: never "drop").</summary>
    [JsonPropertyName("fallback")] public required CardElement Fallback { get; init; }
}

public sealed record DonutSlice(
    [property: JsonPropertyName("legend")] string Legend,
    [property: JsonPropertyName("value")] double Value);

/// <summary><c>Chart.Donut</c>: parts of a whole.</summary>
public sealed record DonutChart : ChartElement
{
    [JsonPropertyName("data")] public IReadOnlyList<DonutSlice> Data { get; init; } = [];
}

public sealed record BarPoint(
    [property: JsonPropertyName("x")] string X,
    [property: JsonPropertyName("y")] double Y);

/// <summary><c>Chart.VerticalBar</c>: one value per category.</summary>
public sealed record VerticalBarChart : ChartElement
{
    [JsonPropertyName("xAxisTitle")] public string? XAxisTitle { get; init; }
    [JsonPropertyName("yAxisTitle")] public string? YAxisTitle { get; init; }
    [JsonPropertyName("showBarValues")] public bool? ShowBarValues { get; init; }
    [JsonPropertyName("data")] public IReadOnlyList<BarPoint> Data { get; init; } = [];
}
