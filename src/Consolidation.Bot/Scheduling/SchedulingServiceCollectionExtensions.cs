using Microsoft.Extensions.DependencyInjection.Extensions;
using Consolidation.Bot.Features.Digest;
using Consolidation.Bot.Features.Reminders;
using Consolidation.Bot.Hosting;
using Consolidation.Bot.Outbox;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>Digests and reminders on their schedules: options, calendar, store, the runner, and the runs' outbox handlers.</summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddOptions<ScheduleOptions>().BindConfiguration(ScheduleOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(sp => new ScheduleCalendar(sp.GetRequiredService<IOptions<ScheduleOptions>>().Value,
            sp.GetRequiredService<IOptions<ReviewOptions>>().Value.Zone));
        services.TryAddSingleton<ScheduleStore>();
        services.TryAddSingleton<IScheduledRuns>(sp => sp.GetRequiredService<ScheduleStore>());
        services.TryAddSingleton<ScheduleTenants>();
        services.TryAddSingleton<ScheduleTexts>();
        services.TryAddSingleton<ScheduledRunTrigger>();
        services.TryAddSingleton<IScheduledRunTrigger>(sp => sp.GetRequiredService<ScheduledRunTrigger>());
        services.TryAddSingleton<RecipientSender>();
        services.TryAddSingleton<IRecipientSender>(sp => sp.GetRequiredService<RecipientSender>());
        services.TryAddSingleton<RemindOneMember>();
        services.AddOutboxHandler<DigestRunHandler>();
        services.AddOutboxHandler<RemindersRunHandler>();
        services.AddOutboxHandler<ReminderHandler>();
        services.AddOutboxHandler<EscalationHandler>();
        services.AddHostedService<ScheduleRunner>();
        return services;
    }
}
