using System.Globalization;
using System.Security.Claims;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Protocol.Connector;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Routing.Commands;

namespace Consolidation.Bot.Routing;

/// <summary>
/// One inbound activity and what the bot derived from it: the sender, the conversation address for replies,
/// the turn's culture and the user's text with the bot's @mention removed. Created per turn by the router.
/// </summary>
public sealed class TurnContext
{
    private readonly IConnectorClient _connector;

    public TurnContext(Activity activity, ClaimsIdentity identity, CultureInfo culture, string text, IConnectorClient connector)
    {
        _connector = connector;
        Activity = activity;
        Identity = identity;
        Text = new BotText(culture);
        UserText = text;
        TenantId = ActivityTenant.TenantIdOf(activity) ?? "";
        Address = new ConversationAddress(activity.ServiceUrl ?? "", activity.Conversation?.Id ?? "", TenantId);
    }

    public Activity Activity { get; }

    public ClaimsIdentity Identity { get; }

    /// <summary>The turn's user-facing strings (Japanese unless the locale is English).</summary>
    public BotText Text { get; }

    public CultureInfo Culture => Text.Culture;

    /// <summary>The message text, trimmed, with <c>&lt;at&gt;bot&lt;/at&gt;</c> removed.</summary>
    public string UserText { get; }

    public string TenantId { get; }

    public ConversationAddress Address { get; }

    public ChannelAccount From => Activity.From ?? new ChannelAccount();

    /// <summary>The recognised chat command, for command routes.</summary>
    public CommandMatch? Command { get; init; }

    /// <summary>The card action (verb and data with the input values), for card-verb routes.</summary>
    public CardActionInvocation? CardAction { get; init; }

    public string ConversationType => Activity.Conversation?.ConversationType ?? ConversationTypes.Personal;

    public bool IsPersonal => ConversationType == ConversationTypes.Personal;

    public bool IsChannel => ConversationType == ConversationTypes.Channel;

    /// <summary>A reply in the same conversation (same thread in a channel), in the turn's locale.</summary>
    public Activity CreateReply(string? text = null, params Attachment[] attachments) => new()
    {
        Type = ActivityTypes.Message,
        Text = text,
        TextFormat = text is null ? null : "plain",
        Locale = Culture.Name,
        From = Activity.Recipient,
        Recipient = Activity.From,
        Conversation = Activity.Conversation,
        ReplyToId = Activity.Id,
        Attachments = attachments.Length == 0 ? null : attachments,
    };

    /// <summary>Sends a message into this turn's conversation (the same thread in a channel).</summary>
    public Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken) =>
        _connector.SendAsync(Address, activity, cancellationToken);

    /// <summary>Sends a plain-text reply.</summary>
    public Task<ResourceResponse> SendTextAsync(string text, CancellationToken cancellationToken) =>
        SendAsync(CreateReply(text), cancellationToken);

    /// <summary>Replaces the message this turn's card action came from (Action.Submit cannot get a card back).</summary>
    public Task<ResourceResponse> UpdateCardMessageAsync(Attachment card, CancellationToken cancellationToken)
    {
        var update = CreateReply(null, card);
        update.Id = Activity.ReplyToId;
        update.ReplyToId = null;
        return _connector.UpdateAsync(Address, Activity.ReplyToId!, update, cancellationToken);
    }
}
