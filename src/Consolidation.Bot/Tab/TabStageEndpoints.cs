using System.Globalization;
using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Hosting;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Review;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Tab;

/// <summary>
/// <c>POST /tab/api/stages/open</c> and <c>/close</c>: the secretariat's stage forms, through <see cref="StageAdministration"/>
/// (the chat commands' service), answered with the same sentences as in chat; <c>/remind</c> for one ward head; and
/// <c>/revisit</c>, a revisit event (<see cref="RevisitRounds"/>).
/// </summary>
internal static class TabStageEndpoints
{
    public static Task<IResult> OpenAsync(HttpContext http, TabSignIn signIn, IStageAdministration stages, TimeProvider time, IOptions<ReviewOptions> review, ILogger<TabSignIn> logger, CancellationToken cancellationToken) =>
        TabEndpoints.ActAsync(http, signIn, logger, "open-stage", nameof(Strings.OpenStage_NotSecretariat), async (session, form, text) =>
        {
            var zone = review.Value.Zone;
            var (date, dateRefusal) = Deadline(form, time, zone, nameof(Strings.OpenStage_MissingDate), nameof(Strings.OpenStage_DateInPast));
            if (dateRefusal is not null)
            {
                return TabEndpoints.Refused(text[dateRefusal]);
            }

            if (Parse(form) is not var (stage, subcommittees))
            {
                return TabEndpoints.Refused(text[nameof(Strings.OpenStage_MissingSubcommittee)]);
            }

            var (mode, refusal) = CardMode(form["card"].ToString(), stage);
            if (refusal is not null)
            {
                return TabEndpoints.Refused(text[refusal]);
            }

            var request = new Features.Questionnaire.OpenStageRequest(stage, subcommittees, date, mode);
            var opened = await stages.OpenAsync(session.Snapshot.ReviewId, session.Scope.Member, stage, subcommittees, request.DeadlineIn(zone), mode, session.TenantId, cancellationToken);
            return TabEndpoints.Done(Features.Questionnaire.OpenStageHandler.OpenedText(opened, zone, text));
        }, cancellationToken);

    public static Task<IResult> CloseAsync(HttpContext http, TabSignIn signIn, IStageAdministration stages, ILogger<TabSignIn> logger, CancellationToken cancellationToken) =>
        TabEndpoints.ActAsync(http, signIn, logger, "close-stage", nameof(Strings.CloseStage_NotSecretariat), async (session, form, text) =>
        {
            if (Parse(form) is not var (stage, subcommittees))
            {
                return TabEndpoints.Refused(text[nameof(Strings.CloseStage_Usage)]);
            }

            var ja = text.IsJapanese;
            var closed = await stages.CloseAsync(session.Snapshot.ReviewId, session.Scope.Member, stage, subcommittees, cancellationToken);
            return closed.Count == 0
                ? TabEndpoints.Refused(text.Format(nameof(Strings.CloseStage_NothingOpen), stage.Name(ja)))
                : TabEndpoints.Done(text.Format(nameof(Strings.CloseStage_Closed), stage.Name(ja), string.Join(ja ? "、" : ", ", closed.Select(s => s.Name(ja)))));
        }, cancellationToken);

    /// <summary><c>POST /tab/api/revisit</c>: a revisit event (trigger, WG or 適否, deadline), through <see cref="RevisitRounds"/> as in chat.</summary>
    public static Task<IResult> RevisitAsync(HttpContext http, TabSignIn signIn, IRevisitRounds rounds, TimeProvider time, IOptions<ReviewOptions> review, ILogger<TabSignIn> logger, CancellationToken cancellationToken) =>
        TabEndpoints.ActAsync(http, signIn, logger, "revisit", nameof(Strings.Revisit_NotSecretariat), async (session, form, text) =>
        {
            var zone = review.Value.Zone;
            if (!Enum.TryParse<RevisitTrigger>(form["trigger"].ToString(), out var trigger) || !Enum.IsDefined(trigger) || int.TryParse(form["trigger"].ToString(), out _))
            {
                return TabEndpoints.Refused(text[nameof(Strings.Revisit_MissingTrigger)]);
            }

            if (!Enum.TryParse<Stage>(form["stage"].ToString(), out var stage) || stage is not (Stage.Wg or Stage.Suitability))
            {
                return TabEndpoints.Refused(text[nameof(Strings.Revisit_PreWgNotARound)]);
            }

            var (date, dateRefusal) = Deadline(form, time, zone, nameof(Strings.Revisit_MissingDate), nameof(Strings.Revisit_DateInPast));
            if (dateRefusal is not null)
            {
                return TabEndpoints.Refused(text[dateRefusal]);
            }

            var deadline = Features.Questionnaire.Deadlines.EndOf(date, zone);
            var started = await rounds.StartAsync(session.Snapshot.ReviewId, session.Scope.Member, trigger, stage, deadline, session.TenantId, cancellationToken);
            var reply = Features.Administration.RevisitHandler.StartedText(started, zone, text);
            return started.Tasks == 0 ? TabEndpoints.Refused(reply) : TabEndpoints.Done(reply);
        }, cancellationToken);

    /// <summary><c>POST /tab/api/remind</c>: one ward head with tasks waiting in an open stage, reminded now.</summary>
    public static Task<IResult> RemindAsync(HttpContext http, TabSignIn signIn, Features.Reminders.RemindOneMember reminder, ILogger<TabSignIn> logger, CancellationToken cancellationToken) =>
        TabEndpoints.ActAsync(http, signIn, logger, "remind", nameof(Strings.Reminder_NotSecretariat), async (session, form, text) =>
        {
            var email = Member.NormalizeEmail(form["email"].ToString());
            var waiting = ReviewQueries.UnansweredByMember(session.Snapshot.Tasks, session.Snapshot.Windows);
            if (!waiting.ContainsKey(email) || session.Snapshot.MemberByEmail(email) is not { } member)
            {
                return TabEndpoints.Refused(text.Format(nameof(Strings.Tab_RemindNobody), email.Length > 80 ? email[..80] : email));
            }

            return await reminder.QueueAsync(session.Snapshot.ReviewId, session.Scope.Member, email, session.TenantId, cancellationToken)
                ? TabEndpoints.Done(text.Format(nameof(Strings.Tab_Reminded), member.Name))
                : TabEndpoints.Refused(text[nameof(Strings.Tab_RemindNotQueued)]);
        }, cancellationToken);

    /// <summary>The form's deadline (<c>yyyy-MM-dd</c>, today or later in the review's zone), or the refusal's resource key.</summary>
    private static (DateOnly Date, string? Refusal) Deadline(IFormCollection form, TimeProvider time, TimeZoneInfo zone, string missingKey, string pastKey)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        return !DateOnly.TryParseExact(form["deadline"].ToString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? (default, missingKey)
            : date < today ? (date, pastKey)
            : (date, null);
    }

    /// <summary>The form's プレWG card (empty: null, the configured default), or the refusal's resource key.</summary>
    private static (PreWgCardMode? Mode, string? Refusal) CardMode(string card, Stage stage)
    {
        if (card.Length == 0)
        {
            return (null, null);
        }

        if (!Enum.TryParse<PreWgCardMode>(card, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(card, out _))
        {
            return (null, nameof(Strings.OpenStage_UnknownCard));
        }

        return parsed == PreWgCardMode.Batch && stage != Stage.PreWg ? (null, nameof(Strings.OpenStage_BatchOnlyPreWg)) : (parsed, null);
    }

    /// <summary>The stage and subcommittees of a form; null when either is missing or unknown.</summary>
    private static (Stage Stage, IReadOnlyList<Subcommittee> Subcommittees)? Parse(IFormCollection form)
    {
        if (!Enum.TryParse<Stage>(form["stage"].ToString(), out var stage) || !Stages.Screening.Contains(stage))
        {
            return null;
        }

        var subcommittee = form["subcommittee"].ToString();
        if (subcommittee == "all")
        {
            return (stage, Subcommittees.All);
        }

        return Enum.TryParse<Subcommittee>(subcommittee, out var one) && Enum.IsDefined(one) ? (stage, [one]) : null;
    }


}
