using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Features.Questionnaire;
using Consolidation.Bot.Hosting;
using Consolidation.Bot.Outbox;
using Consolidation.Bot.Protocol.Auth;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Cli;

/// <summary>
/// <c>open-stage --stage prewg --subcommittee 福祉,こども|all --deadline 2026-12-20 [--card batch|detailed] [--tenant ID] [--by EMAIL]</c>:
/// the same as the secretariat's chat command; the cards are queued in the outbox and sent by the running bot.
/// </summary>
public sealed class OpenStageCommand(
    ReviewCatalog catalog,
    ReviewRepository repository,
    StageOpeningService opening,
    OutboxClient outbox,
    IOptions<ReviewOptions> review,
    IOptions<BotAuthenticationOptions> bot,
    TimeProvider time,
    TextWriter output)
{
    public async Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken)
    {
        var unknown = args.Unknown("stage", "subcommittee", "deadline", "card", "tenant", "by").ToList();
        if (unknown.Count > 0)
        {
            throw new CliUsageException("unknown option --" + unknown[0]);
        }

        var tenant = args.Get("tenant") ?? bot.Value.TenantId;
        if (string.IsNullOrWhiteSpace(tenant))
        {
            throw new CliUsageException("--tenant is required (or set Bot:TenantId)");
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(review.Value.TimeZone);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone).DateTime);
        var card = args.Get("card");
        if (card is not (null or "batch" or "detailed"))
        {
            throw new CliUsageException("--card is batch or detailed");
        }

        var text = $"open {args.Require("stage")} {args.Require("subcommittee").Replace(',', ' ')} {args.Require("deadline")} {card}";
        var (request, error) = OpenStageParser.Parse(text, today);
        if (request is null)
        {
            throw new CliUsageException("cannot open the stage: " + error);
        }

        var reviewId = await catalog.GetActiveReviewIdAsync(cancellationToken) ?? throw new CliUsageException("no review has been imported yet");
        var members = await repository.GetMembersAsync(reviewId, cancellationToken);
        var by = args.Get("by") is { } email
            ? members.FirstOrDefault(m => m.Email == Member.NormalizeEmail(email) && m.IsSecretariat) ?? throw new CliUsageException($"{email} is not a secretariat member of the review")
            : members.FirstOrDefault(m => m.IsSecretariat) ?? throw new CliUsageException("the review has no secretariat member");

        var opened = await opening.OpenAsync(reviewId, by, request.Stage, request.Subcommittees, request.DeadlineIn(zone), request.Mode ?? review.Value.PreWgMode, cancellationToken);
        foreach (var assignee in opened.Assignees)
        {
            await outbox.EnqueueAsync(new OutboxMessage
            {
                Kind = OutboxMessage.NextCard, ReviewId = reviewId, TenantId = tenant, Email = assignee, ReportTo = by.AadObjectId,
            }, cancellationToken);
        }

        await output.WriteLineAsync($"{request.Stage.Name(japanese: true)}を開始しました: "
            + string.Join("、", opened.Subcommittees.Select(s => $"{s.Subcommittee.JapaneseName()} {s.Tasks}件"))
            + $"。担当者 {opened.Assignees.Count}人への調査票を送信キューに入れました（送信は起動中のボットが行います）。");
        return 0;
    }
}
