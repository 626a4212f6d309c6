using Consolidation.Bot.Domain;
using Consolidation.Bot.Hosting;
using Consolidation.Bot.Review.Storage;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Graph;

/// <summary>What a membership sync changed.</summary>
public sealed record MembershipSyncResult(int Groups, int Added, int Updated, ImportWriteOutcome Outcome);

/// <summary>
/// Reads each configured subcommittee's Entra group (<c>Review:Subcommittees:&lt;name&gt;:GroupId</c>) and merges its users
/// into the review's members: a known member (by object id, else by mail/UPN) gains the subcommittee and their object
/// id; an unknown one is added as a member of it. Roles and other members stay as imported. The result is published as
/// a new generation of the review (tasks unchanged), so it is atomic like an import.
/// </summary>
public sealed class GroupMembershipSync(
    DirectoryGraphAccess directory,
    ReviewRepository repository,
    ReviewCatalog catalog,
    ReviewImportWriter writer,
    IOptions<ReviewOptions> review,
    TimeProvider time)
{
    public IReadOnlyList<(Subcommittee Subcommittee, string GroupId)> ConfiguredGroups =>
        review.Value.Subcommittees
            .Where(s => !string.IsNullOrWhiteSpace(s.Value.GroupId) && Subcommittees.Parse(s.Key) is not null)
            .Select(s => (Subcommittees.Parse(s.Key)!.Value, s.Value.GroupId!))
            .ToList();

    public async Task<MembershipSyncResult> SyncAsync(string reviewId, CancellationToken cancellationToken)
    {
        var graph = directory.Graph ?? throw new InvalidOperationException("Microsoft Graph is not configured (Graph:TeamsAppId and a credential: Graph:TenantId, ClientId, ClientSecret, or Graph:Credential=ManagedIdentity).");
        var snapshot = await repository.LoadAsync(reviewId, cancellationToken) ?? throw new InvalidOperationException($"Review {reviewId} does not exist.");
        var row = await catalog.ReadReviewAsync(reviewId, cancellationToken);
        var members = snapshot.Members.ToList();
        var (added, updated) = (0, 0);
        foreach (var (subcommittee, groupId) in ConfiguredGroups)
        {
            foreach (var user in await graph.GroupMembersAsync(groupId, cancellationToken))
            {
                var email = Member.NormalizeEmail(user.Mail ?? user.UserPrincipalName ?? "");
                var index = members.FindIndex(m => string.Equals(m.AadObjectId, user.Id, StringComparison.OrdinalIgnoreCase)
                    || (email.Length > 0 && m.Email == email) || (user.UserPrincipalName is { } upn && m.Email == Member.NormalizeEmail(upn)));
                if (index < 0)
                {
                    if (email.Length == 0)
                    {
                        continue; // a user without mail or UPN cannot be a member (the email is the member's key)
                    }

                    members.Add(new Member { Email = email, Name = user.DisplayName ?? email, AadObjectId = user.Id, Subcommittees = [subcommittee] });
                    added++;
                    continue;
                }

                var known = members[index];
                var merged = known with
                {
                    AadObjectId = known.AadObjectId ?? user.Id,
                    Subcommittees = known.Subcommittees.Contains(subcommittee) ? known.Subcommittees : [.. known.Subcommittees, subcommittee],
                };
                if (merged != known || !merged.Subcommittees.SequenceEqual(known.Subcommittees))
                {
                    members[index] = merged;
                    updated++;
                }
            }
        }

        var outcome = await writer.WriteAsync(reviewId, row?.Name ?? snapshot.Name, snapshot.Tasks.Select(t => t.Definition).ToList(), members,
            row?.IsDemo ?? false, time.GetUtcNow(), cancellationToken);
        return new MembershipSyncResult(ConfiguredGroups.Count, added, updated, outcome);
    }
}
