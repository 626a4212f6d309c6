using Consolidation.Bot.Cards;
using Consolidation.Bot.Cards.Reminders;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Scheduling;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Features.Reminders;

/// <summary>Outbox handler: a subcommittee lead's list of late tasks for one run, as they stand when it is sent.</summary>
public sealed class EscalationHandler(
    IReviewSnapshots repository,
    IRecipientSender sender,
    ScheduleCalendar calendar,
    ScheduleTexts texts,
    IOptions<ScheduleOptions> options) : IOutboxHandler
{
    public string Kind => OutboxMessage.Escalation;

    public async Task<bool> HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var snapshot = await repository.LoadAsync(message.ReviewId, cancellationToken);
        if (snapshot?.MemberByEmail(message.Email) is not { } lead || message.Slot is not { } slot
            || !Enum.TryParse<Subcommittee>(message.Subcommittee, out var subcommittee))
        {
            return true;
        }

        var escalation = ReminderPlan.For(slot, message.Manual == true, snapshot.Tasks, snapshot.Windows, snapshot.Members, calendar, options.Value.EffectiveReminderDaysBefore)
            .Escalations.FirstOrDefault(e => e.LeadEmail == lead.Email && e.Subcommittee == subcommittee);
        var items = escalation?.Items.Select(i => (i, snapshot.NameOf(i.AssigneeEmail))).ToList() ?? [];
        return await sender.SendOnceAsync(message, $"lead|{lead.Email}|{subcommittee}", lead, locale => items.Count == 0 ? null : new Activity
        {
            Type = ActivityTypes.Message,
            Attachments = [CardAttachment.From(EscalationCard.Build(new EscalationCardModel(lead.Name, subcommittee, items, texts.Zone, texts.ForMember(locale))))],
        }, cancellationToken);
    }
}
