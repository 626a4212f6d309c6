using System.Net;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace Consolidation.Bot.Graph;

/// <summary>
/// <see cref="IDirectoryGraph"/> on the Microsoft Graph SDK (app-only). Throttling (429 with Retry-After): the SDK's retry
/// handler waits as the server says for reads, but does not retry a POST whose body it cannot rewind, so the install is
/// retried here, waiting the Retry-After (on the injected clock), at most <see cref="MaxThrottledAttempts"/> times. 409 on
/// install means the app is already installed.
/// </summary>
public sealed class GraphDirectory(GraphServiceClient graph, IOptions<GraphOptions> options, TimeProvider time) : IDirectoryGraph
{
    public const int MaxThrottledAttempts = 4;

    private static readonly string[] UserFields = ["id", "userPrincipalName", "mail", "displayName"];

    public async Task<DirectoryUser?> FindUserAsync(string upnOrEmail, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(upnOrEmail);
        try
        {
            var user = await graph.Users[upnOrEmail].GetAsync(r => r.QueryParameters.Select = UserFields, cancellationToken);
            if (user?.Id is not null)
            {
                return ToDirectoryUser(user);
            }
        }
        catch (ODataError ex) when (ex.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
        }

        // Not a UPN: look the address up as a mail.
        var escaped = upnOrEmail.Replace("'", "''", StringComparison.Ordinal);
        var found = await graph.Users.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"mail eq '{escaped}'";
            r.QueryParameters.Select = UserFields;
            r.QueryParameters.Top = 1;
        }, cancellationToken);
        return found?.Value?.FirstOrDefault(u => u.Id is not null) is { } match ? ToDirectoryUser(match) : null;
    }

    public async Task<IReadOnlyList<DirectoryUser>> GroupMembersAsync(string groupId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(groupId);
        var result = new List<DirectoryUser>();
        var page = await graph.Groups[groupId].Members.GraphUser.GetAsync(r => r.QueryParameters.Select = UserFields, cancellationToken);
        while (page is not null)
        {
            result.AddRange((page.Value ?? []).Where(u => u.Id is not null).Select(ToDirectoryUser));
            page = page.OdataNextLink is { } next
                ? await graph.Groups[groupId].Members.GraphUser.WithUrl(next).GetAsync(cancellationToken: cancellationToken)
                : null;
        }

        return result;
    }

    public async Task<string> InstallAppAndGetChatAsync(string userId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var appId = options.Value.TeamsAppId ?? throw new InvalidOperationException("Graph:TeamsAppId is not configured.");
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await graph.Users[userId].Teamwork.InstalledApps.PostAsync(new UserScopeTeamsAppInstallation
                {
                    AdditionalData = new Dictionary<string, object>
                    {
                        ["teamsApp@odata.bind"] = $"{options.Value.BaseUrl.TrimEnd('/')}/appCatalogs/teamsApps/{appId}",
                    },
                }, cancellationToken: cancellationToken);
                break;
            }
            catch (ODataError ex) when (ex.ResponseStatusCode == (int)HttpStatusCode.Conflict)
            {
                break; // Already installed for this user: go on to the chat.
            }
            catch (ODataError ex) when (ex.ResponseStatusCode == (int)HttpStatusCode.TooManyRequests && attempt < MaxThrottledAttempts)
            {
                await Task.Delay(RetryAfter(ex, attempt), time, cancellationToken);
            }
        }

        var installations = await graph.Users[userId].Teamwork.InstalledApps.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"teamsApp/id eq '{appId}'";
            r.QueryParameters.Expand = ["teamsApp"];
        }, cancellationToken);
        var installation = installations?.Value?.FirstOrDefault()?.Id
            ?? throw new InvalidOperationException($"The app {appId} is not installed for user {userId} after installing it.");
        var chat = await graph.Users[userId].Teamwork.InstalledApps[installation].Chat.GetAsync(cancellationToken: cancellationToken);
        return chat?.Id ?? throw new InvalidOperationException($"Graph returned no chat for the installation {installation} of user {userId}.");
    }

    public async Task<IReadOnlyList<PostedCard>> RecentCardsInChatAsync(string userId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var chatId = await InstallAppAndGetChatAsync(userId, cancellationToken);
        // Newest first; $top is at most 50 and createdDateTime can only be ordered descending (no "gt" filter on it).
        var page = await graph.Chats[chatId].Messages.GetAsync(r =>
        {
            r.QueryParameters.Top = 50;
            r.QueryParameters.Orderby = ["createdDateTime desc"];
        }, cancellationToken);
        return (page?.Value ?? [])
            .TakeWhile(m => m.CreatedDateTime is null || m.CreatedDateTime >= since)
            .SelectMany(m => (m.Attachments ?? [])
                .Where(a => a.ContentType == AdaptiveCardContentType && a.Content is { Length: > 0 })
                .Select(a => new PostedCard(m.Id ?? "", m.CreatedDateTime, a.Content!)))
            .ToList();
    }

    private const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    /// <summary>The server's Retry-After (seconds), else 2, 4, 8 s; never more than a minute.</summary>
    private static TimeSpan RetryAfter(ODataError error, int attempt)
    {
        var header = error.ResponseHeaders.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        var seconds = int.TryParse(header, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var s) ? s : 1 << attempt;
        return TimeSpan.FromSeconds(Math.Min(seconds, 60));
    }

    private static DirectoryUser ToDirectoryUser(User u) => new(u.Id!, u.UserPrincipalName, u.Mail, u.DisplayName);
}
