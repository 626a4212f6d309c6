using System.Globalization;
using Consolidation.Bot.Protocol.Schema;

namespace Consolidation.Bot.Localization;

/// <summary>Chooses Japanese (the default) or English for a turn from the activity's locale.</summary>
public static class BotCultures
{
    public static readonly CultureInfo Japanese = CultureInfo.GetCultureInfo("ja-JP");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    public static bool IsSupported(string locale) =>
        locale.StartsWith("ja", StringComparison.OrdinalIgnoreCase) || locale.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    /// <summary>English for an <c>en*</c> locale, Japanese for everything else: the users are city staff.</summary>
    public static CultureInfo FromLocale(string? locale) =>
        locale is not null && locale.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Japanese;

    /// <summary>The forced locale if configured, else the activity's <c>locale</c>, else its clientInfo entity's.</summary>
    public static CultureInfo ForActivity(Activity activity, string? forcedLocale)
    {
        if (!string.IsNullOrEmpty(forcedLocale))
        {
            return FromLocale(forcedLocale);
        }

        var locale = activity.Locale
            ?? activity.Entities?.FirstOrDefault(e => e.Type == "clientInfo")?.Locale;
        return FromLocale(locale);
    }
}
