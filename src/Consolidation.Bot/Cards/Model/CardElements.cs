using System.Text.Json.Serialization;

namespace Consolidation.Bot.Cards.Model;

/// <summary>A body element. <c>type</c> is written from the derived-type discriminator.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TextBlock), "TextBlock")]
[JsonDerivedType(typeof(FactSet), "FactSet")]
[JsonDerivedType(typeof(Container), "Container")]
[JsonDerivedType(typeof(ColumnSet), "ColumnSet")]
[JsonDerivedType(typeof(ActionSet), "ActionSet")]
[JsonDerivedType(typeof(TextInput), "Input.Text")]
[JsonDerivedType(typeof(NumberInput), "Input.Number")]
[JsonDerivedType(typeof(DateInput), "Input.Date")]
[JsonDerivedType(typeof(ToggleInput), "Input.Toggle")]
[JsonDerivedType(typeof(ChoiceSetInput), "Input.ChoiceSet")]
[JsonDerivedType(typeof(DonutChart), "Chart.Donut")]
[JsonDerivedType(typeof(VerticalBarChart), "Chart.VerticalBar")]
public abstract record CardElement
{
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("spacing")] public Spacing? Spacing { get; init; }
    [JsonPropertyName("separator")] public bool? Separator { get; init; }
    [JsonPropertyName("isVisible")] public bool? IsVisible { get; init; }
}

public sealed record TextBlock : CardElement
{
    public TextBlock() { }

    [System.Diagnostics.CodeAnalysis.SetsRequiredMembers]
    public TextBlock(string text) => Text = text;

    /// <summary>Markdown-escaped as it is set (<see cref="CardMarkdown"/>): the bot's texts use none, names may contain some.</summary>
    [JsonPropertyName("text")]
    public required string Text { get; init => field = CardMarkdown.Escape(value); }

    [JsonPropertyName("wrap")] public bool? Wrap { get; init; } = true;
    [JsonPropertyName("size")] public TextSize? Size { get; init; }
    [JsonPropertyName("weight")] public TextWeight? Weight { get; init; }
    [JsonPropertyName("color")] public TextColor? Color { get; init; }
    [JsonPropertyName("isSubtle")] public bool? IsSubtle { get; init; }
    [JsonPropertyName("maxLines")] public int? MaxLines { get; init; }
    [JsonPropertyName("horizontalAlignment")] public HorizontalAlignment? HorizontalAlignment { get; init; }
    [JsonPropertyName("style")] public string? Style { get; init; }
}

/// <summary>A fact; both texts are Markdown-escaped (<see cref="CardMarkdown"/>).</summary>
public sealed record Fact(string Title, string Value)
{
    [JsonPropertyName("title")]
    public string Title { get; init => field = CardMarkdown.Escape(value); } = CardMarkdown.Escape(Title);

    [JsonPropertyName("value")]
    public string Value { get; init => field = CardMarkdown.Escape(value); } = CardMarkdown.Escape(Value);
}

public sealed record FactSet : CardElement
{
    [JsonPropertyName("facts")] public IReadOnlyList<Fact> Facts { get; init; } = [];
}

public sealed record Container : CardElement
{
    [JsonPropertyName("items")] public IReadOnlyList<CardElement> Items { get; init; } = [];
    [JsonPropertyName("style")] public ContainerStyle? Style { get; init; }
    [JsonPropertyName("bleed")] public bool? Bleed { get; init; }
}

public sealed record Column
{
    [JsonPropertyName("type")] public string Type => "Column";
    [JsonPropertyName("width")] public string? Width { get; init; }
    [JsonPropertyName("items")] public IReadOnlyList<CardElement> Items { get; init; } = [];
    [JsonPropertyName("verticalContentAlignment")] public string? VerticalContentAlignment { get; init; }
}

public sealed record ColumnSet : CardElement
{
    [JsonPropertyName("columns")] public IReadOnlyList<Column> Columns { get; init; } = [];
}

public sealed record ActionSet : CardElement
{
    [JsonPropertyName("actions")] public IReadOnlyList<CardAction> Actions { get; init; } = [];
}
