using System.Diagnostics;
using Consolidation.Bot.Cards;
using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Cards.Status;
using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Questionnaire;
using Consolidation.Bot.Features.Status.Understanding;
using Consolidation.Bot.Hosting;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Routing;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Features.Status;

/// <summary>
/// Any message no command matched: understood as a status question and answered with a compact card, refused politely
/// when the sender may not ask it, or, when not understood, answered with the three closest things the bot can do.
/// Never silent.
/// </summary>
public sealed class StatusQuestionHandler(
    IActiveReviewLoader loader,
    IStatusSources sources,
    QuestionnaireComposer composer,
    TimeProvider time,
    IOptions<ReviewOptions> options,
    BotMetrics metrics,
    ILogger<StatusQuestionHandler> logger) : ITurnHandler
{
    private const int MaxEcho = 40;

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        // A reading chosen on a clarification card: answered in the chat like a typed question.
        if (turn.CardAction?.Get(Cards.CardVerbs.QuestionKey) is { Length: > 0 } chosen)
        {
            await AnswerAsync(turn, Text.TextNormalizer.UserText(chosen), cancellationToken);
            return InvokeResponses.Message(turn.Text.Format(nameof(Strings.Status_ClarifyAnswering), chosen));
        }

        await AnswerAsync(turn, turn.UserText, cancellationToken);
        return null;
    }

    private async Task AnswerAsync(TurnContext turn, string question, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var now = time.GetUtcNow();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, composer.Zone).DateTime);
        var intent = StatusQuestionRecognizer.Recognize(question, today);
        if (intent is null)
        {
            Log.Unrecognized(logger, turn.ConversationType);
            metrics.StatusQuestion("not_understood");
            await turn.SendTextAsync(NotUnderstood(turn), cancellationToken);
            return;
        }

        metrics.StatusQuestion(intent.Kind.ToString().ToLowerInvariant());
        if (intent.IsAmbiguous)
        {
            // Never answer about one of several subcommittees the question named: ask which, one button a reading.
            var readings = intent.Candidates!.Select(c => (c.Name(turn.Text.IsJapanese), StatusQuestionReadings.Question(intent, c, turn.Text.IsJapanese))).ToList();
            await turn.SendAsync(turn.CreateReply(null, CardAttachment.From(ClarifyCard.Build(new ClarifyCardModel(readings, turn.Text)))), cancellationToken);
            return;
        }

        if (intent.Kind == StatusIntentKind.Help)
        {
            await turn.SendAsync(turn.CreateReply(null, CardAttachment.From(HelpCard.Build(turn.Text))), cancellationToken);
            return;
        }

        var loading = loader.LoadAsync(turn, cancellationToken);
        ActiveReviewContext? context;
        try
        {
            context = await loading.WaitAsync(options.Value.StatusPatience, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Right after a start the whole review is still being read: say so rather than stay silent past the turn
            // timeout. The read goes on (and fills the cache for the next question); its outcome is observed, not awaited.
            _ = loading.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            Log.StatusStillLoading(logger, intent.Kind.ToString(), options.Value.StatusPatience.TotalMilliseconds);
            await turn.SendTextAsync(turn.Text[nameof(Strings.Status_StillLoading)], cancellationToken);
            return;
        }

        if (context is null)
        {
            await turn.SendTextAsync(turn.Text[nameof(Strings.Review_NotLoaded)], cancellationToken);
            return;
        }

        var access = StatusAccessPolicy.Check(intent, context.Sender, context.Snapshot.Tasks);
        if (access != StatusAccess.Allowed)
        {
            Log.StatusRefused(logger, intent.Kind.ToString(), turn.From.AadObjectId ?? turn.From.Id ?? "?", access.ToString());
            await turn.SendTextAsync(turn.Text[access == StatusAccess.NotMember ? nameof(Strings.Status_NotMember) : nameof(Strings.Status_SecretariatOnly)], cancellationToken);
            return;
        }

        var card = await BuildAnswerAsync(intent, context, now, turn.Text, cancellationToken);
        Log.StatusAnswered(logger, intent.Kind.ToString(), Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (card is null)
        {
            await turn.SendTextAsync(turn.Text.Format(nameof(Strings.Task_NotFound), intent.TaskId ?? intent.NameFragment), cancellationToken);
            return;
        }

        if (intent is { Confidence: ReadingConfidence.Approximate, Subcommittee: { } readAs })
        {
            // Read past a typo: say so first, so a wrong guess is seen at once rather than reported on.
            card = card with { Body = [new Cards.Model.TextBlock(turn.Text.Format(nameof(Strings.Status_ReadApproximately), readAs.Name(turn.Text.IsJapanese))) { IsSubtle = true }, .. card.Body] };
        }

        if (!turn.IsPersonal && StatusAccessPolicy.IsForAskerOnly(intent))
        {
            await SendToAskerAsync(turn, card, cancellationToken);
            return;
        }

        await turn.SendAsync(turn.CreateReply(null, CardAttachment.From(card)), cancellationToken);
    }

    /// <summary>Asked in a channel or group chat: the card to the asker's 1:1 chat, a short pointer where they asked.</summary>
    private async Task SendToAskerAsync(TurnContext turn, Cards.Model.AdaptiveCard card, CancellationToken cancellationToken)
    {
        var pointer = nameof(Strings.Status_SentToPersonalChat);
        try
        {
            var activity = new Protocol.Schema.Activity { Type = ActivityTypes.Message, Locale = turn.Culture.Name, Attachments = [CardAttachment.From(card)] };
            await sources.SendToUserAsync(turn.TenantId, turn.From.AadObjectId!, activity, cancellationToken);
        }
        catch (Protocol.Connector.ConnectorException ex) when (ex.IsUnreachable)
        {
            Log.StatusNotSentToPersonalChat(logger, ex.ErrorCode ?? ex.StatusCode.ToString());
            pointer = nameof(Strings.Status_AskInPersonalChat);
        }

        await turn.SendTextAsync(turn.Text[pointer], cancellationToken);
    }

    private async Task<Cards.Model.AdaptiveCard?> BuildAnswerAsync(StatusIntent intent, ActiveReviewContext context, DateTimeOffset now, BotText text, CancellationToken cancellationToken)
    {
        var answers = new StatusAnswers(context.Snapshot, now, composer.Zone, text);
        if (intent.SinceLastDigest)
        {
            var lastDigest = await sources.GetLastDigestAtAsync(cancellationToken);
            return StatusCard.Build(SinceDigestAnswers.Build(context.Snapshot, intent.Subcommittee, lastDigest, composer.Zone, text));
        }

        if (intent.Compare is null && intent.Kind == StatusIntentKind.MyTasks)
        {
            return MyTasksCard.Build(composer.MyTasksModel(context.Snapshot, context.Sender!, now, text));
        }

        if (intent.Compare is null && intent.Kind == StatusIntentKind.Task && intent.TaskId is { } id)
        {
            var history = await sources.GetHistoryAsync(context.ReviewId, context.Snapshot.Tasks.FirstOrDefault(t => string.Equals(t.Id, id, StringComparison.OrdinalIgnoreCase))?.Id ?? id, cancellationToken);
            return answers.Task(id, history) is { } record ? StatusCard.Build(record) : null;
        }

        if (intent.Compare is null && intent.Kind == StatusIntentKind.Task)
        {
            var fragment = intent.NameFragment ?? "";
            var matches = answers.FindByName(fragment)
                .Where(t => context.Sender!.IsSecretariat || StatusAccessPolicy.IsAssignee(t, context.Sender)).ToList();
            if (matches.Count == 1)
            {
                return StatusCard.Build(answers.Task(matches[0].Id, await sources.GetHistoryAsync(context.ReviewId, matches[0].Id, cancellationToken))!);
            }

            return matches.Count == 0 ? null : StatusCard.Build(answers.Matches(fragment, matches));
        }

        return StatusCard.Build(answers.Compose(intent)!);
    }

    private static string NotUnderstood(TurnContext turn)
    {
        var echo = turn.UserText.Length > MaxEcho ? turn.UserText[..MaxEcho] + "…" : turn.UserText;
        var language = turn.Text.IsJapanese ? 0 : 1;
        var suggestions = StatusQuestionRecognizer.Closest(turn.UserText)
            .Select(k => "「" + StatusQuestionRecognizer.ExamplePhrasings[k][language] + "」");
        return turn.Text.Format(nameof(Strings.Status_NotUnderstood), echo, string.Join(turn.Text.IsJapanese ? "、" : ", ", suggestions));
    }
}
