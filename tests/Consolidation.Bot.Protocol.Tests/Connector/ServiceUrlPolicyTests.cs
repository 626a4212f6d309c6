using Consolidation.Bot.Protocol.Auth;
using Consolidation.Bot.Protocol.Connector;
using Consolidation.Bot.Protocol.Tests.Auth;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Protocol.Tests.Connector;

public class ServiceUrlPolicyTests
{
    [Theory]
    [InlineData("https://smba.trafficmanager.net/teams/")]
    [InlineData("https://smba.trafficmanager.net/amer/72f988bf-86f1-41af-91ab-2d7cd011db47/")]
    [InlineData("https://SMBA.trafficmanager.net/apac/")]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/teams")]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/teams")]
    [InlineData("https://smba.infra.dod.teams.microsoft.us/teams")]
    public void Allows_BotConnectorHostsOverHttps_InProduction(string url) =>
        Assert.True(Policy(Environments.Production).Allows(url));

    [Theory]
    [InlineData("http://smba.trafficmanager.net/teams/")]
    [InlineData("https://smba.trafficmanager.net:8443/teams/")]
    [InlineData("https://evil.example.com/")]
    [InlineData("https://smba.trafficmanager.net.evil.example.com/")]
    [InlineData("https://user:pass@smba.trafficmanager.net/teams/")]
    [InlineData("http://127.0.0.1:56150/_connector")]
    [InlineData("https://localhost/")]
    [InlineData("ftp://smba.trafficmanager.net/")]
    [InlineData("not a url")]
    [InlineData("")]
    public void Refuses_EverythingElse_InProduction(string url) =>
        Assert.False(Policy(Environments.Production).Allows(url));

    [Theory]
    [InlineData("http://127.0.0.1:56150/_connector", true)]
    [InlineData("http://localhost:56150/_connector/", true)]
    [InlineData("http://[::1]:3000/", true)]
    [InlineData("http://10.0.0.5/", false)]
    [InlineData("http://smba.trafficmanager.net/teams/", false)]
    public void DevelopmentMode_AllowsLoopbackHttpOnly(string url, bool allowed) =>
        Assert.Equal(allowed, Policy(Environments.Development, appId: "").Allows(url));

    [Fact]
    public void ConfiguredHost_IsAddedOverHttpsOnly()
    {
        var policy = Policy(Environments.Production, hosts: ["connector.city.example.jp"]);

        Assert.True(policy.Allows("https://connector.city.example.jp/teams/"));
        Assert.False(policy.Allows("http://connector.city.example.jp/teams/"));
        Assert.False(policy.Allows("https://connector.city.example.jp:8443/teams/"));
    }

    [Fact]
    public void ConfiguredHostWithPort_AllowsThatPortOnly()
    {
        var policy = Policy(Environments.Production, hosts: ["127.0.0.1:44321", "not a host/path"]);

        Assert.True(policy.Allows("https://127.0.0.1:44321/"));
        Assert.False(policy.Allows("https://127.0.0.1:44322/"));
        Assert.False(policy.Allows("http://127.0.0.1:44321/"));
        Assert.False(policy.Allows("https://127.0.0.1/"));
    }

    private static ServiceUrlPolicy Policy(string environment, string appId = "11111111-2222-3333-4444-555555555555", string[]? hosts = null)
    {
        var options = new BotAuthenticationOptions { AppId = appId };
        foreach (var host in hosts ?? [])
        {
            options.ServiceUrlHosts.Add(host);
        }

        var wrapped = Options.Create(options);
        return new ServiceUrlPolicy(wrapped, new DevelopmentMode(wrapped, new TestEnvironment(environment)));
    }
}
