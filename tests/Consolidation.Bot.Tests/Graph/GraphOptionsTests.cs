using Consolidation.Bot.Graph;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Tests.Graph;

public class GraphOptionsTests
{
    [Fact]
    public void ClientSecret_IsConfiguredOnlyWithTenantClientSecretAndTeamsApp()
    {
        var complete = new GraphOptions { TenantId = "t", ClientId = "c", ClientSecret = "s", TeamsAppId = "a" };
        Assert.True(complete.IsConfigured);
        Assert.False(new GraphOptions { TenantId = "t", ClientId = "c", TeamsAppId = "a" }.IsConfigured);
        Assert.False(new GraphOptions { TenantId = "t", ClientId = "c", ClientSecret = "s" }.IsConfigured);
        Assert.False(new GraphOptions { TeamsAppId = "a" }.IsConfigured);
    }

    [Fact]
    public void ManagedIdentity_NeedsNoSecret_ButStillTheTeamsApp()
    {
        Assert.True(new GraphOptions { Credential = GraphCredentialKind.ManagedIdentity, TeamsAppId = "a" }.IsConfigured);
        Assert.False(new GraphOptions { Credential = GraphCredentialKind.ManagedIdentity }.IsConfigured);
    }

    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0", "https://graph.microsoft.com/.default")]
    [InlineData("https://graph.microsoft.us/v1.0", "https://graph.microsoft.us/.default")]
    [InlineData("http://127.0.0.1:5123/v1.0", "http://127.0.0.1:5123/.default")]
    public void Scope_IsTheDefaultScopeOfTheConfiguredGraph(string baseUrl, string scope) =>
        Assert.Equal(scope, new GraphOptions { BaseUrl = baseUrl }.Scope);

    [Theory]
    [InlineData(GraphCredentialKind.ClientSecret)]
    [InlineData(GraphCredentialKind.ManagedIdentity)]
    public void FromOptions_Configured_GivesGraph(GraphCredentialKind kind)
    {
        var options = new GraphOptions { Credential = kind, TenantId = "t", ClientId = "c", ClientSecret = "s", TeamsAppId = "a" };
        Assert.NotNull(DirectoryGraphAccess.FromOptions(Options.Create(options), TimeProvider.System).Graph);
    }

    [Fact]
    public void FromOptions_NotConfigured_GivesNone() =>
        Assert.Null(DirectoryGraphAccess.FromOptions(Options.Create(new GraphOptions()), TimeProvider.System).Graph);
}
