using Consolidation.Bot.Features;
using Consolidation.Bot.Features.Questionnaire;
using Consolidation.Bot.Localization;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Scheduling;

/// <summary>The language of scheduled messages: <c>Schedules:DigestLocale</c> for digests, else as the questionnaires.</summary>
public sealed class ScheduleTexts(QuestionnaireComposer composer, IOptions<ScheduleOptions> options)
{
    public TimeZoneInfo Zone => composer.Zone;

    public BotText ForDigest() =>
        string.IsNullOrWhiteSpace(options.Value.DigestLocale) ? composer.TextFor(null) : new BotText(BotCultures.FromLocale(options.Value.DigestLocale));

    public BotText ForMember(string? locale) => composer.TextFor(locale);
}
