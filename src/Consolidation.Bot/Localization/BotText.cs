using System.Globalization;

namespace Consolidation.Bot.Localization;

/// <summary>
/// The user-facing strings of one turn, in its culture. Keys are the generated <see cref="Strings"/> property names
/// (<c>text[nameof(Strings.Help_Title)]</c>), so a missing key fails at compile time, and the culture is passed
/// explicitly rather than through the generated class's static <c>Culture</c>.
/// </summary>
public sealed class BotText(CultureInfo culture)
{
    public CultureInfo Culture { get; } = culture;

    public bool IsJapanese => Culture.TwoLetterISOLanguageName == "ja";

    public string this[string key] =>
        Strings.ResourceManager.GetString(key, Culture)
        ?? throw new KeyNotFoundException($"No resource string '{key}'.");

    public string Format(string key, params object?[] args) => string.Format(Culture, this[key], args);
}
