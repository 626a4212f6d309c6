using Consolidation.Bot.Cards;
using Consolidation.Bot.Cards.Reminders;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Scheduling;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Features.Reminders;

/// <summary>Outbox handler: one member's reminder of one run, with the tasks still open when it is sent.</summary>
public sealed class ReminderHandler(
    IReviewSnapshots repository,
    IRecipientSender sender,
    ScheduleCalendar calendar,
    ScheduleTexts texts,
    IOptions<ScheduleOptions> options) : IOutboxHandler
{
    public string Kind => OutboxMessage.Reminder;

    public async Task<bool> HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var snapshot = await repository.LoadForMemberAsync(message.ReviewId, message.Email, cancellationToken);
        if (snapshot?.MemberByEmail(message.Email) is not { } member || message.Slot is not { } slot)
        {
            return true;
        }

        var items = ReminderPlan.For(slot, message.Manual == true, snapshot.Tasks, snapshot.Windows, [member], calendar, options.Value.EffectiveReminderDaysBefore)
            .Reminders.FirstOrDefault(r => r.Email == member.Email)?.Items ?? [];
        return await sender.SendOnceAsync(message, "member|" + member.Email, member, locale => items.Count == 0 ? null : new Activity
        {
            Type = ActivityTypes.Message,
            Attachments = [CardAttachment.From(ReminderCard.Build(new ReminderCardModel(member.Name, items, texts.Zone, texts.ForMember(locale))))],
        }, cancellationToken);
    }
}
