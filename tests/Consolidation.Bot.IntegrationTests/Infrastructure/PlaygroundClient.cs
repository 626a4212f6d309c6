using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Consolidation.Bot.IntegrationTests.Infrastructure;

/// <summary>
/// Drives the Playground over HTTP as a Teams user would (LOCAL-TEAMS.md §2.4). Message posts return before the
/// bot has run: wait on the <see cref="ConversationStream"/> for the bot's answer. Invokes are synchronous.
/// </summary>
public sealed class PlaygroundClient(int port) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };

    public async Task<JsonObject> GetTestConfigAsync() =>
        (await _http.GetFromJsonAsync<JsonObject>("/_internal/v1/testConfig"))!;

    /// <summary>Simulates opening the chat: installationUpdate (add) then conversationUpdate.</summary>
    public async Task InstallAsync(string conversationId)
    {
        using var response = await _http.PostAsJsonAsync($"/_debug/conversation/{Uri.EscapeDataString(conversationId)}/installation", new JsonObject());
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A message from the current user; in channels and group chats <paramref name="mentionBot"/> adds the @mention.</summary>
    public async Task<JsonObject> SendMessageAsync(string conversationId, string text, bool mentionBot = false)
    {
        var body = new JsonObject
        {
            ["from"] = new JsonObject { ["id"] = PlaygroundIds.CurrentUserId },
            ["text"] = mentionBot ? $"<at>{PlaygroundIds.BotName}</at> {text}" : text,
            ["textFormat"] = "plain",
        };
        if (mentionBot)
        {
            body["mentions"] = new JsonArray(new JsonObject
            {
                ["mentioned"] = new JsonObject { ["id"] = PlaygroundIds.BotId },
                ["text"] = $"<at>{PlaygroundIds.BotName}</at>",
            });
        }

        using var response = await _http.PostAsJsonAsync($"/_conversation/v1/conversations/{Uri.EscapeDataString(conversationId)}/messages", body);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>An Action.Execute click (adaptiveCard/action invoke); returns the Playground's answer (the bot's type/value).</summary>
    public async Task<(int Status, JsonObject? Body)> InvokeAsync(string conversationId, string replyToId, string fromId, string verb, JsonObject data)
    {
        var body = new JsonObject
        {
            ["name"] = "adaptiveCard/action",
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["replyToId"] = replyToId,
            ["from"] = new JsonObject { ["id"] = fromId },
            ["value"] = new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data.DeepClone() },
            },
        };
        using var response = await _http.PostAsJsonAsync("/_conversation/v1/invoke", body);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text) as JsonObject);
    }

    /// <summary>An Action.Submit click: the bot gets a message whose value is <paramref name="value"/>.</summary>
    public async Task SubmitAsync(string conversationId, string replyToId, string fromId, JsonObject value)
    {
        var body = new JsonObject
        {
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["replyToId"] = replyToId,
            ["from"] = new JsonObject { ["id"] = fromId },
            ["value"] = value.DeepClone(),
        };
        using var response = await _http.PostAsJsonAsync("/_conversation/v1/submit", body);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A template activity of the Playground (install, botAdded, ...) for a conversation.</summary>
    public async Task<JsonObject> GetActivityTemplateAsync(string conversationId, string type) =>
        (await _http.GetFromJsonAsync<JsonObject>(
            $"/_internal/v1/customActivities/template?conversationId={Uri.EscapeDataString(conversationId)}&type={type}"))!;

    /// <summary>Forwards any activity verbatim to the bot (e.g. a message from another user).</summary>
    public async Task PostCustomActivityAsync(JsonObject activity)
    {
        using var response = await _http.PostAsJsonAsync("/_internal/v1/customActivities", activity);
        response.EnsureSuccessStatusCode();
    }

    public void Dispose() => _http.Dispose();
}
