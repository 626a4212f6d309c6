using System.Net;
using System.Text.Json.Nodes;

namespace Consolidation.Bot.Protocol.Tests.Inbound;

internal static class ProblemAssert
{
    /// <summary>Asserts an RFC 7807 answer with <paramref name="status"/> and returns its <c>detail</c>.</summary>
    public static async Task<string> IsProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(problem["title"]?.GetValue<string>()));
        return problem["detail"]?.GetValue<string>() ?? "";
    }
}
