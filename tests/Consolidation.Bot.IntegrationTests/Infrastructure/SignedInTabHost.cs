using System.Net;
using System.Net.Http.Headers;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidation.Bot.IntegrationTests.Infrastructure;

/// <summary>
/// The real bot with an app id (not development mode), its tab signed in with Teams SSO style tokens from a loopback
/// Entra stand-in, and a review imported with the given tasks and members (active).
/// </summary>
internal sealed class SignedInTabHost : IAsyncDisposable
{
    public const string Tenant = "6b3c1f0e-2d4a-4c8e-9f71-0a5e3d2c1b90";
    public const string AppId = "5a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    public const string Host = "bot.city.example.jp";
    public const string ReviewId = "r1";
    public static readonly string Audience = $"api://{Host}/{AppId}";

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };

    private SignedInTabHost(EntraTestIssuer entra, BotHost bot)
    {
        Entra = entra;
        Bot = bot;
    }

    public EntraTestIssuer Entra { get; }

    public BotHost Bot { get; }

    public HttpClient Http => _http;

    public static async Task<SignedInTabHost> StartAsync(AzuriteFixture azurite, IReadOnlyList<TaskDefinition> tasks, IReadOnlyList<Member> members,
        IReadOnlyDictionary<string, string?>? settings = null)
    {
        var entra = await EntraTestIssuer.StartAsync();
        var all = new Dictionary<string, string?>
        {
            ["Bot:AppId"] = AppId,
            ["Bot:AppPassword"] = "placeholder-never-used", // nothing is sent to a connector in these tests
            ["Bot:TenantId"] = Tenant,
            ["Bot:EntraOpenIdMetadataUrl"] = entra.MetadataUrlTemplate,
            ["Tab:Host"] = Host,
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["Storage:TablePrefix"] = azurite.NewTablePrefix(),
            ["Schedules:Enabled"] = "false",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var bot = new BotHost(all);
        await bot.StartAsync();
        await bot.Services.GetRequiredService<ReviewImportWriter>().WriteAsync(ReviewId, "令和8年度", tasks, members, false, DateTimeOffset.UtcNow, CancellationToken.None);
        await bot.Services.GetRequiredService<ReviewCatalog>().SetActiveReviewAsync(ReviewId, CancellationToken.None);
        return new SignedInTabHost(entra, bot);
    }

    public string TokenFor(Member member) => Entra.Token(member.AadObjectId!, Tenant, Audience);

    public async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Bot.BaseUrl + path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await _http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> PostFormAsync(string path, string token, IReadOnlyDictionary<string, string> fields)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Bot.BaseUrl + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        request.Content = form;
        return await _http.SendAsync(request);
    }

    /// <summary>The body of a 200 response; any other status fails the test with the body.</summary>
    public static async Task<string> ReadOkAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {body}");
        return body;
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        await Bot.DisposeAsync();
        await Entra.DisposeAsync();
    }
}
