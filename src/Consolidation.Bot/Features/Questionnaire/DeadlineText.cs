using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Features.Questionnaire;

/// <summary>A deadline as people read it: local time in the review's zone, <c>2026年12月20日(日) 23:59</c> / <c>Sun 20 Dec 2026 23:59</c>.</summary>
public static class DeadlineText
{
    public static string Format(DateTimeOffset instant, TimeZoneInfo zone, BotText text)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return text.IsJapanese
            ? local.ToString("yyyy年M月d日(ddd) HH:mm", text.Culture)
            : local.ToString("ddd d MMM yyyy HH:mm", text.Culture);
    }
}
