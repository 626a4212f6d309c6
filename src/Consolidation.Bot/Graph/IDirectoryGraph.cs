namespace Consolidation.Bot.Graph;

/// <summary>A directory user: Entra object id, UPN, mail, display name.</summary>
public sealed record DirectoryUser(string Id, string? UserPrincipalName, string? Mail, string? DisplayName);

/// <summary>An Adaptive Card posted in a chat: the message id (the Bot Connector activity id), when, and the card's JSON.</summary>
public sealed record PostedCard(string MessageId, DateTimeOffset? CreatedAt, string CardJson);

/// <summary>
/// What the bot needs of Microsoft Graph, and nothing more: find members, read group membership, put the app in a
/// member's personal scope so the bot can message someone who never opened a chat with it, and read back the cards in
/// that chat (the one thing the Bot Connector cannot do).
/// </summary>
public interface IDirectoryGraph
{
    /// <summary>The user with this UPN or email; null when the directory has none.</summary>
    Task<DirectoryUser?> FindUserAsync(string upnOrEmail, CancellationToken cancellationToken);

    /// <summary>Every user in the group (all pages).</summary>
    Task<IReadOnlyList<DirectoryUser>> GroupMembersAsync(string groupId, CancellationToken cancellationToken);

    /// <summary>
    /// Installs the Teams app for the user (already installed is fine) and returns the id of the 1:1 chat between the
    /// user and the bot, which is the Bot Connector conversation id.
    /// </summary>
    Task<string> InstallAppAndGetChatAsync(string userId, CancellationToken cancellationToken);

    /// <summary>
    /// The Adaptive Cards in the 1:1 chat between the user and the bot created at or after <paramref name="since"/>, newest
    /// first (the last 50 messages at most): whether a card reached the member when the bot lost track of its send.
    /// </summary>
    Task<IReadOnlyList<PostedCard>> RecentCardsInChatAsync(string userId, DateTimeOffset since, CancellationToken cancellationToken);
}
