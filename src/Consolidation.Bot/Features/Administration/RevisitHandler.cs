using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Questionnaire;
using Consolidation.Bot.Hosting;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Review;
using Consolidation.Bot.Routing;
using Consolidation.Bot.Routing.Commands;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Features.Administration;

/// <summary>
/// <c>再検討開始 標準化BPR 2027-03-31</c> / <c>start revisit standardization BPR 2027-03-31 [WG]</c> (not a bare "revisit": "revisit list" is a status question): the secretariat declares a
/// revisit event; the continue-later tasks waiting for that trigger begin a new round (<see cref="RevisitRounds"/>) and
/// their assignees get cards. Nobody waiting for it is said plainly, with nothing changed.
/// </summary>
public sealed class RevisitHandler(IActiveReviewLoader loader, IRevisitRounds rounds, IOptions<ReviewOptions> review, TimeProvider time) : ITurnHandler
{
    public const string CommandName = "revisit";

    public static readonly CommandDefinition Command = new(CommandName, ["再検討開始", "再検討を開始", "start revisit", "begin revisit"]);

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (await loader.LoadForSecretariatAsync(turn, nameof(Strings.Revisit_NotSecretariat), cancellationToken) is not var (context, secretariat))
        {
            return null;
        }

        var zone = review.Value.Zone;
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        var (request, error) = RevisitParser.Parse(turn.UserText, today);
        if (request is null)
        {
            await turn.SendTextAsync(turn.Text[$"Revisit_{error}"] + "\n" + turn.Text[nameof(Strings.Revisit_Usage)], cancellationToken);
            return null;
        }

        var deadline = Deadlines.EndOf(request.DeadlineDate, zone);
        var started = await rounds.StartAsync(context.ReviewId, secretariat, request.Trigger, request.Stage, deadline, turn.TenantId, cancellationToken);
        await turn.SendTextAsync(StartedText(started, zone, turn.Text), cancellationToken);
        return null;
    }

    /// <summary>The reply in chat and on the tab: what began, where, in which round, until when, and who gets cards.</summary>
    public static string StartedText(RevisitStart started, TimeZoneInfo zone, BotText text)
    {
        var ja = text.IsJapanese;
        if (started.Tasks == 0)
        {
            return text.Format(nameof(Strings.Revisit_Nothing), started.Trigger.Name(ja));
        }

        var list = string.Join(ja ? "、" : ", ", started.Subcommittees.Select(s => $"{s.Subcommittee.Name(ja)} {s.Tasks}"));
        return text.Format(nameof(Strings.Revisit_Started), started.Trigger.Name(ja), started.Stage.Name(ja), string.Join(ja ? "・" : ", ", started.Rounds),
            started.Tasks, list, Cards.Questionnaire.CardText.DateTime(started.Deadline, zone, text), started.Assignees.Count);
    }
}
