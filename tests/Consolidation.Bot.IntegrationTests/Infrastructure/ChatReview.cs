using System.Text.Json.Nodes;
using Consolidation.Bot.Conversations;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Review.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.IntegrationTests.Infrastructure;

/// <summary>
/// A review for an in-process bot: written straight to storage and made active, each member with a 1:1 chat the bot
/// knows (conversation <c>a:{aadObjectId}</c> on the loopback connector), and Teams messages from those members.
/// </summary>
internal sealed class ChatReview(InProcessBot env, string tenant, string botId)
{
    public async Task SeedAsync(string reviewId, string name, IReadOnlyList<TaskDefinition> tasks, IReadOnlyList<Member> members)
    {
        var services = env.Host.Services;
        var now = DateTimeOffset.UtcNow;
        await services.GetRequiredService<ReviewImportWriter>().WriteAsync(reviewId, name, tasks, members, false, now, CancellationToken.None);
        await services.GetRequiredService<ReviewCatalog>().SetActiveReviewAsync(reviewId, CancellationToken.None);
        foreach (var member in members.Where(m => m.AadObjectId is not null))
        {
            await env.References.UpsertIfChangedAsync(new ConversationReference
            {
                TenantId = tenant, Kind = ConversationKind.User, ConversationId = "a:" + member.AadObjectId, ServiceUrl = env.Connector.ServiceUrl,
                BotId = botId, UserId = "29:" + member.AadObjectId, AadObjectId = member.AadObjectId, UserName = member.Name, UpdatedAt = now,
            }, CancellationToken.None);
        }
    }

    /// <summary>A message from <paramref name="from"/> in their 1:1 chat, in Japanese.</summary>
    public JsonObject Message(Member from, string text) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString(),
        ["channelId"] = "msteams",
        ["serviceUrl"] = env.Connector.ServiceUrl,
        ["from"] = new JsonObject { ["id"] = "29:" + from.AadObjectId, ["name"] = from.Name, ["aadObjectId"] = from.AadObjectId },
        ["recipient"] = new JsonObject { ["id"] = botId, ["name"] = "集約化ボット" },
        ["conversation"] = new JsonObject { ["id"] = "a:" + from.AadObjectId, ["conversationType"] = "personal", ["tenantId"] = tenant },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } },
        ["locale"] = "ja-JP",
        ["text"] = text,
    };

    /// <summary>A click on an <c>Action.Execute</c> button of a card in <paramref name="from"/>'s 1:1 chat (the inputs merged into the data, as Teams does).</summary>
    public JsonObject Invoke(Member from, string verb, JsonObject data)
    {
        var activity = Message(from, "");
        activity["type"] = "invoke";
        activity["name"] = "adaptiveCard/action";
        activity.Remove("text");
        activity["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() } };
        return activity;
    }
}
