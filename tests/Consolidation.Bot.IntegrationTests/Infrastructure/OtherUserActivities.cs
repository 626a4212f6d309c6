using System.Text.Json.Nodes;

namespace Consolidation.Bot.IntegrationTests.Infrastructure;

/// <summary>
/// Activities from 佐藤 健一 (the Playground's second user) as Teams would deliver them. The Playground only lets its
/// current user type or click, so tests post these as custom activities. They come from the group chat, not the current
/// user's personal chat: otherwise the bot would (rightly) record that chat as his 1:1 conversation.
/// </summary>
public static class OtherUserActivities
{
    public static JsonObject Message(int playgroundPort, string text) => Base(playgroundPort, "message", new JsonObject
    {
        ["text"] = $"<at>{PlaygroundIds.BotName}</at> {text}",
        ["textFormat"] = "plain",
        ["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["mentioned"] = new JsonObject { ["id"] = PlaygroundIds.BotId, ["name"] = PlaygroundIds.BotName },
            ["text"] = $"<at>{PlaygroundIds.BotName}</at>",
        }),
    });

    public static JsonObject Invoke(int playgroundPort, string replyToId, string verb, JsonObject data) => Base(playgroundPort, "invoke", new JsonObject
    {
        ["name"] = "adaptiveCard/action",
        ["replyToId"] = replyToId,
        ["value"] = new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() },
        },
    });

    private static JsonObject Base(int playgroundPort, string type, JsonObject rest)
    {
        var activity = new JsonObject
        {
            ["type"] = type,
            ["id"] = Guid.NewGuid().ToString(),
            ["channelId"] = "msteams",
            ["serviceUrl"] = $"http://127.0.0.1:{playgroundPort}/_connector",
            ["from"] = new JsonObject { ["id"] = PlaygroundIds.WelfareUserId, ["name"] = "佐藤 健一", ["aadObjectId"] = PlaygroundIds.WelfareUserAadId },
            ["recipient"] = new JsonObject { ["id"] = PlaygroundIds.BotId, ["name"] = PlaygroundIds.BotName },
            ["conversation"] = new JsonObject { ["id"] = PlaygroundIds.GroupChatId, ["conversationType"] = "groupChat", ["isGroup"] = true, ["tenantId"] = PlaygroundIds.TenantId },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = PlaygroundIds.TenantId } },
            ["locale"] = "ja-JP",
        };
        foreach (var (key, value) in rest.ToList())
        {
            rest.Remove(key);
            activity[key] = value;
        }

        return activity;
    }
}
