using Consolidation.Bot.Cards.Status;
using Consolidation.Bot.Features.Status.Understanding;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Review;

namespace Consolidation.Bot.Features.Status;

/// <summary>
/// Narrows the review a question is answered over to the tasks of the bureau (所管局) or the person it names: the bureau by
/// the end of the mention (<see cref="BureauMention.Resolve"/>), the person among the members (<see cref="MemberLookup"/>,
/// their tasks in any stage). None or several found: the refusal that says so, never an answer about someone else.
/// </summary>
public static class StatusScope
{
    public static (ReviewSnapshot? Snapshot, string? Prefix, StatusCardModel? Refusal) Narrow(StatusIntent intent, ReviewSnapshot snapshot, BotText text)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(text);
        if (intent.Bureau is { } mention)
        {
            return BureauMention.Resolve(mention, snapshot.Tasks.Select(t => t.Definition.Bureau)) is { } bureau
                ? (snapshot with { Tasks = [.. snapshot.Tasks.Where(t => t.Definition.Bureau == bureau)] }, bureau, null)
                : (null, null, Refusal(text.Format(nameof(Strings.Status_BureauNotFound), mention), text));
        }

        var found = MemberLookup.Find(snapshot.Members, intent.Member);
        if (found.Count != 1)
        {
            return (null, null, Refusal(found.Count == 0
                ? text.Format(nameof(Strings.Status_MemberNotFound), intent.Member)
                : text.Format(nameof(Strings.Status_MemberAmbiguous), intent.Member, string.Join(text.IsJapanese ? "、" : ", ", found.Select(m => m.Name))), text));
        }

        var person = found[0];
        return (snapshot with { Tasks = [.. snapshot.Tasks.Where(t => StatusAccessPolicy.IsAssignee(t, person))] }, person.Name, null);
    }

    private static StatusCardModel Refusal(string title, BotText text) => new(title, [], null, [], null, text);
}
