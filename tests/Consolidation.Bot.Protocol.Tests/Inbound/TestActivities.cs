using System.Text.Json.Nodes;
using Consolidation.Bot.Protocol.Tests.Auth;

namespace Consolidation.Bot.Protocol.Tests.Inbound;

/// <summary>Minimal activity JSON bodies for endpoint tests.</summary>
internal static class TestActivities
{
    public static JsonObject Message(string type = "message", string? tenantId = TestTokens.TenantId) => new()
    {
        ["type"] = type,
        ["id"] = "1700000000000",
        ["channelId"] = "msteams",
        ["serviceUrl"] = TestTokens.ServiceUrl,
        ["from"] = new JsonObject { ["id"] = "29:1-user", ["name"] = "Casey" },
        ["recipient"] = new JsonObject { ["id"] = "28:" + TestTokens.AppId, ["name"] = "Ops Bot" },
        ["conversation"] = tenantId is null
            ? new JsonObject { ["id"] = "a:1-conversation" }
            : new JsonObject { ["id"] = "a:1-conversation", ["tenantId"] = tenantId },
        ["text"] = "hello",
    };

    public static JsonObject Invoke(string name = "adaptiveCard/action")
    {
        var invoke = Message("invoke");
        invoke["name"] = name;
        invoke["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "ack" } };
        return invoke;
    }

    public static string Without(JsonObject activity, string property)
    {
        activity.Remove(property);
        return activity.ToJsonString();
    }
}
