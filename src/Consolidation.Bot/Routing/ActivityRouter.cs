using System.Security.Claims;
using Consolidation.Bot.Conversations;
using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Hosting;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Protocol.Connector;
using Consolidation.Bot.Protocol.Inbound;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Routing.Commands;
using Consolidation.Bot.Storage;
using Consolidation.Bot.Text;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Routing;

/// <summary>
/// Picks the one handler for an activity: card actions by verb, invokes by name, messages by command, other
/// activities by type. Unknown activity types are acknowledged and ignored. Records the conversation reference first.
/// </summary>
public sealed class ActivityRouter(
    IServiceProvider services,
    RouteTable routes,
    CommandRecognizer commands,
    IConnectorClient connector,
    ConversationReferenceRecorder recorder,
    IOptions<ReviewOptions> review,
    ILogger<ActivityRouter> logger) : IActivityProcessor
{
    public async Task<InvokeResponse?> ProcessAsync(Activity activity, ClaimsIdentity identity, CancellationToken cancellationToken)
    {
        using var scope = Log.BeginTurnScope(logger, activity);
        await recorder.RecordAsync(activity, cancellationToken);

        var culture = BotCultures.ForActivity(activity, review.Value.Locale);
        var userText = TextNormalizer.UserText(activity.Text);
        var turn = Route(activity, identity, culture, userText, out var route);
        if (turn is null)
        {
            return Unroutable(activity, route);
        }

        var handler = services.GetRequiredKeyedService<ITurnHandler>(route);
        Log.Dispatching(logger, activity.Type, route);
        try
        {
            var response = await handler.HandleAsync(turn, cancellationToken);
            if (response is not null && turn.CardAction is { IsExecute: false })
            {
                await ReplaceSubmittedCardAsync(turn, response, cancellationToken);
                return null;
            }

            return response;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var storageDown = StorageFailures.IsUnavailable(ex);
            if (storageDown)
            {
                Log.StorageUnavailable(logger, route, ex);
            }
            else
            {
                Log.HandlerFailed(logger, route, ex);
            }

            return await AnswerFailureAsync(turn, storageDown, cancellationToken);
        }
    }

    private TurnContext? Route(Activity activity, ClaimsIdentity identity, System.Globalization.CultureInfo culture, string userText, out string route)
    {
        route = "";
        switch (activity.Type)
        {
            case ActivityTypes.Invoke when activity.Name == InvokeNames.AdaptiveCardAction:
                var execute = CardActionInvocation.FromInvoke(activity);
                route = execute is null ? "" : Routes.ForCardVerb(execute.Verb);
                return execute is not null && routes.Contains(route)
                    ? new TurnContext(activity, identity, culture, userText, connector) { CardAction = execute }
                    : null;

            case ActivityTypes.Invoke:
                route = Routes.ForInvoke(activity.Name ?? "");
                return routes.Contains(route) ? new TurnContext(activity, identity, culture, userText, connector) : null;

            case ActivityTypes.Message when CardActionInvocation.FromSubmit(activity) is { } submit:
                route = Routes.ForCardVerb(submit.Verb);
                return routes.Contains(route)
                    ? new TurnContext(activity, identity, culture, userText, connector) { CardAction = submit }
                    : null;

            case ActivityTypes.Message:
                if (!IsAddressedToBot(activity) || string.IsNullOrWhiteSpace(userText))
                {
                    route = "";
                    return null;
                }

                var command = commands.Recognize(userText);
                route = command is null ? Routes.UnrecognizedMessage : Routes.ForCommand(command.Name);
                return routes.Contains(route)
                    ? new TurnContext(activity, identity, culture, userText, connector) { Command = command }
                    : null;

            default:
                route = Routes.ForActivity(activity.Type ?? "");
                return routes.Contains(route) ? new TurnContext(activity, identity, culture, userText, connector) : null;
        }
    }

    /// <summary>In a personal chat every message is for the bot; in channels and group chats only @mentions are.</summary>
    private static bool IsAddressedToBot(Activity activity)
    {
        var type = activity.Conversation?.ConversationType;
        if (type is null or ConversationTypes.Personal)
        {
            return true;
        }

        var botId = activity.Recipient?.Id;
        return activity.Entities?.Any(e => e.Type == "mention" && e.Mentioned?.Id == botId) == true;
    }

    private InvokeResponse? Unroutable(Activity activity, string route)
    {
        if (activity.Type == ActivityTypes.Invoke)
        {
            Log.UnhandledInvoke(logger, activity.Name, route);
            return activity.Name == InvokeNames.AdaptiveCardAction
                ? InvokeResponses.Error(400, "NotSupported", $"Card action '{route}' is not supported.")
                : null;
        }

        Log.Ignored(logger, activity.Type, route);
        return null;
    }

    private static async Task ReplaceSubmittedCardAsync(TurnContext turn, InvokeResponse response, CancellationToken cancellationToken)
    {
        if (InvokeResponses.AsAttachment(response) is { } card && turn.Activity.ReplyToId is not null)
        {
            await turn.UpdateCardMessageAsync(card, cancellationToken);
        }
        else if (response.Value is { ValueKind: System.Text.Json.JsonValueKind.String } text)
        {
            await turn.SendTextAsync(text.GetString()!, cancellationToken);
        }
    }

    /// <summary>
    /// A failed turn is answered, never left silent. For a card action the answer is a message, not a card: the card
    /// the member filled in stays as it is, so they can press the button again once storage is back.
    /// </summary>
    private async Task<InvokeResponse?> AnswerFailureAsync(TurnContext turn, bool storageDown, CancellationToken cancellationToken)
    {
        var message = turn.Text[storageDown ? nameof(Strings.Error_StorageUnavailable) : nameof(Strings.Error_TryAgain)];
        if (turn.CardAction is { IsExecute: true } || turn.Activity.Type == ActivityTypes.Invoke)
        {
            return InvokeResponses.Message(message);
        }

        try
        {
            await turn.SendTextAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException)
        {
            Log.ReplyFailed(logger, ex);
        }

        return null;
    }
}
