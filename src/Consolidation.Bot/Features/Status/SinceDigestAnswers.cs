using Consolidation.Bot.Cards.Model;
using Consolidation.Bot.Cards.Status;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Review;

namespace Consolidation.Bot.Features.Status;

/// <summary>
/// "Since the last digest": the answers recorded after it was posted, how many in all and per stage, and which tasks
/// (pure: the digest's time comes from the caller). Before any digest: said so.
/// </summary>
public static class SinceDigestAnswers
{
    public static StatusCardModel Build(ReviewSnapshot snapshot, Subcommittee? subcommittee, DateTimeOffset? lastDigest, TimeZoneInfo zone, BotText text)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(text);
        if (lastDigest is not { } since)
        {
            return new StatusCardModel(text[nameof(Strings.Status_NoDigestYet)], [], null, [], null, text);
        }

        var ja = text.IsJapanese;
        var answered = snapshot.Tasks
            .Where(t => subcommittee is null || t.Subcommittee == subcommittee)
            .SelectMany(t => Stages.Screening.Select(s => (Task: t, Stage: s, Outcome: t.State.OutcomeOf(s))))
            .Where(x => x.Outcome is { } o && o.AnsweredAt > since)
            .OrderBy(x => x.Outcome!.AnsweredAt)
            .ToList();
        var title = text.Format(nameof(Strings.Status_SinceDigestTitle), TimeZoneInfo.ConvertTime(since, zone).DateTime);
        return new StatusCardModel(
            subcommittee is null ? title : $"{subcommittee.Value.Name(ja)}: {title}",
            [
                new Fact(text[nameof(Strings.Status_SinceDigestTotal)], text.Format(nameof(Strings.Status_Count), answered.Count)),
                .. Stages.Screening.Select(s => new Fact(s.Name(ja), text.Format(nameof(Strings.Status_Count), answered.Count(x => x.Stage == s)))),
            ],
            answered.Count == 0 ? null : text[nameof(Strings.Status_RevisitList)],
            [.. answered.Select(x => $"{x.Task.Id} {x.Task.Definition.Name}（{x.Stage.Name(ja)}）")],
            null,
            text);
    }
}
