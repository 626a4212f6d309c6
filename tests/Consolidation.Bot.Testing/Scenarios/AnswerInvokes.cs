using System.Globalization;
using System.Text.Json.Nodes;

namespace Consolidation.Bot.Testing.Scenarios;

/// <summary>
/// <c>adaptiveCard/action</c> invokes as Teams sends them when a member presses "submit" on a pre-WG card of the
/// fan-out scenario: a valid answer for <c>task</c>'s card <c>version</c> of a stage, sent by member <c>from</c>.
/// </summary>
public static class AnswerInvokes
{
    public static JsonObject ValidPreWg(string serviceUrl, int from, string taskId, int version) => Submit(serviceUrl, from, taskId, new JsonObject
    {
        ["taskId"] = taskId,
        ["version"] = version.ToString(CultureInfo.InvariantCulture),
        ["stage"] = "PreWg",
        ["routine"] = "true",
        ["highLevelNegotiation"] = "false",
        ["paperOrVisit"] = "true",
        ["businessesServed"] = "false",
        ["migrationEffect"] = "Changes",
        ["annualCases"] = "1200",
        ["staffHours"] = "300",
        ["decision"] = "Keep",
    });

    /// <summary>A valid WG answer ("not a study target", with the issues that say why) for <paramref name="taskId"/>'s WG card.</summary>
    public static JsonObject ValidWg(string serviceUrl, int from, string taskId, int version) => Submit(serviceUrl, from, taskId, new JsonObject
    {
        ["taskId"] = taskId,
        ["version"] = version.ToString(CultureInfo.InvariantCulture),
        ["stage"] = "Wg",
        ["decision"] = "NotTarget",
        ["issues"] = "区ごとに窓口対応が必要",
    });

    private static JsonObject Submit(string serviceUrl, int from, string taskId, JsonObject data) => new()
    {
        ["type"] = "invoke",
        ["name"] = "adaptiveCard/action",
        ["id"] = Guid.NewGuid().ToString(),
        ["channelId"] = "msteams",
        ["serviceUrl"] = serviceUrl,
        ["timestamp"] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture),
        ["from"] = new JsonObject { ["id"] = FanOutScenario.UserIdOf(from), ["name"] = FanOutScenario.NameOf(from), ["aadObjectId"] = FanOutScenario.AadOf(from) },
        ["recipient"] = new JsonObject { ["id"] = "28:fanout-bot", ["name"] = "集約化ボット" },
        ["conversation"] = new JsonObject
        {
            ["id"] = FanOutScenario.ConversationOf(from), ["conversationType"] = "personal", ["tenantId"] = FanOutScenario.TenantId,
        },
        ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = FanOutScenario.TenantId } },
        ["locale"] = "ja-JP",
        ["replyToId"] = "1:card-" + taskId,
        ["value"] = new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "submitAnswer", ["data"] = data } },
    };
}
