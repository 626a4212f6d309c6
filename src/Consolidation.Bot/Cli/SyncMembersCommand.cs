using Consolidation.Bot.Graph;
using Consolidation.Bot.Review.Storage;

namespace Consolidation.Bot.Cli;

/// <summary>
/// <c>sync-members [--review ID]</c>: merges the members of each subcommittee's Entra group
/// (<c>Review:Subcommittees:&lt;name&gt;:GroupId</c>) into the review's members through Microsoft Graph.
/// </summary>
public sealed class SyncMembersCommand(GroupMembershipSync sync, DirectoryGraphAccess directory, ReviewCatalog catalog, TextWriter output)
{
    public async Task<int> RunAsync(CliArguments args, CancellationToken cancellationToken)
    {
        var unknown = args.Unknown("review").ToList();
        if (unknown.Count > 0)
        {
            throw new CliUsageException("unknown option --" + unknown[0]);
        }

        if (directory.Graph is null)
        {
            throw new CliUsageException("Microsoft Graph is not configured: set Graph:TeamsAppId and either Graph:TenantId, Graph:ClientId, Graph:ClientSecret or Graph:Credential=ManagedIdentity");
        }

        if (sync.ConfiguredGroups.Count == 0)
        {
            throw new CliUsageException("no subcommittee group is configured: set Review:Subcommittees:<name>:GroupId");
        }

        var reviewId = args.Get("review") ?? await catalog.GetActiveReviewIdAsync(cancellationToken) ?? throw new CliUsageException("no review has been imported yet");
        var result = await sync.SyncAsync(reviewId, cancellationToken);
        await output.WriteLineAsync($"部会グループ {result.Groups}件を読み込みました: 追加 {result.Added}人、更新 {result.Updated}人（{result.Outcome}）。");
        return 0;
    }
}
