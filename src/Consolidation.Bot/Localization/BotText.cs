using System.Collections.Concurrent;
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

    // ResourceManager.GetString takes a lock to find the culture's resource set, and a card reads a dozen strings: under
    // concurrent answers that lock was the bot's most contended (bench/README.md, "answers"). The strings never change
    // while the process runs, and there are two cultures (BotCultures), so every string is looked up once.
    private static readonly ConcurrentDictionary<(string Culture, string Key), string> Looked = new();

    public string this[string key] => Looked.GetOrAdd((Culture.Name, key), static (k, culture) =>
        Strings.ResourceManager.GetString(k.Key, culture) ?? throw new KeyNotFoundException($"No resource string '{k.Key}'."), Culture);

    public string Format(string key, params object?[] args) => string.Format(Culture, this[key], args);
}
