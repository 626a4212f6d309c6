using System.Text.Json.Nodes;

namespace Consolidation.Bot.IntegrationTests.Infra;

/// <summary>
/// infra/ compiles and lints clean (warnings are failures), and the compiled template has the properties the
/// deployment relies on: a template that drops Always On or turns shared keys back on fails here.
/// </summary>
public class BicepTemplateTests
{
    private static readonly Lazy<Task<JsonObject>> Main = new(() => Bicep.BuildAsync("main.bicep"));

    [Fact]
    public async Task Lint_MainAndModules_NoErrorsOrWarnings()
    {
        var (exit, output, error) = await Bicep.RunAsync("lint", "main.bicep");

        Assert.True(exit == 0, error);
        Assert.DoesNotContain("Warning", output + error, StringComparison.Ordinal);
        Assert.DoesNotContain("Error", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BuildParams_Example_Compiles()
    {
        var (exit, _, error) = await Bicep.RunAsync("build-params", "main.bicepparam", "--stdout");

        Assert.True(exit == 0, error);
        Assert.DoesNotContain("Warning", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parameters_NoneIsASecret()
    {
        var template = await Main.Value;

        foreach (var (name, parameter) in template["parameters"]!.AsObject())
        {
            Assert.DoesNotContain((string?)parameter!["type"], new[] { "securestring", "secureObject" }, StringComparer.OrdinalIgnoreCase);
            Assert.DoesNotMatch("(?i)secret|password|key$", name);
        }
    }

    [Fact]
    public async Task Storage_SharedKeysOff_Tls12_NoPublicBlobs()
    {
        var storage = Single(await Main.Value, "Microsoft.Storage/storageAccounts")["properties"]!;

        Assert.False((bool)storage["allowSharedKeyAccess"]!);
        Assert.Equal("TLS1_2", (string?)storage["minimumTlsVersion"]);
        Assert.False((bool)storage["allowBlobPublicAccess"]!);
        Assert.True((bool)storage["supportsHttpsTrafficOnly"]!);
    }

    [Theory]
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3")] // Storage Table Data Contributor
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88")] // Storage Queue Data Contributor
    [InlineData("3913510d-42f4-4e42-8a64-420c390055eb")] // Monitoring Metrics Publisher
    public async Task RoleAssignments_TheIdentityHasTheDataRoles(string role)
    {
        var assignments = Bicep.ResourcesIn(await Main.Value).Where(r => (string?)r.Resource["type"] == "Microsoft.Authorization/roleAssignments")
            .Select(r => (r.Resource, RoleId: Bicep.ExpandVariables((string)r.Resource["properties"]!["roleDefinitionId"]!, r.Template))).ToList();

        var assignment = Assert.Single(assignments, a => a.RoleId.Contains(role, StringComparison.Ordinal)).Resource;
        Assert.Contains("principalId", (string?)assignment["properties"]!["principalId"], StringComparison.Ordinal);
        Assert.Equal("ServicePrincipal", (string?)assignment["properties"]!["principalType"]);
    }

    [Fact]
    public async Task WebApp_LinuxDotnet10_AlwaysOnHttpsOnlyFtpsOffHealthCheck_IdentityAttached()
    {
        var site = Single(await Main.Value, "Microsoft.Web/sites");
        var config = site["properties"]!["siteConfig"]!;

        Assert.True((bool)site["properties"]!["httpsOnly"]!);
        Assert.Equal("DOTNETCORE|10.0", (string?)config["linuxFxVersion"]);
        Assert.True((bool)config["alwaysOn"]!);
        Assert.Equal("Disabled", (string?)config["ftpsState"]);
        Assert.Equal("/readyz", (string?)config["healthCheckPath"]);
        Assert.Equal("UserAssigned", (string?)site["identity"]!["type"]);
        var plan = Single(await Main.Value, "Microsoft.Web/serverfarms");
        Assert.True((bool)plan["properties"]!["reserved"]!);
        var settings = config["appSettings"]!.AsArray().ToDictionary(s => (string)s!["name"]!, s => (string?)s!["value"]);
        Assert.Equal("UserAssignedMsi", settings["Bot__Credential"]);
        Assert.Equal("Production", settings["ASPNETCORE_ENVIRONMENT"]);
        Assert.Contains("Storage__TableEndpoint", settings.Keys);
        Assert.Contains("Storage__QueueEndpoint", settings.Keys);
        Assert.Contains(".azurewebsites.net", settings["Tab__Host"], StringComparison.Ordinal);
        Assert.Contains("tabClientId", settings["Tab__ClientId"], StringComparison.Ordinal);
        Assert.DoesNotContain(settings.Keys, k => k.Contains("Password", StringComparison.OrdinalIgnoreCase) || k.Contains("Secret", StringComparison.OrdinalIgnoreCase) || k.Contains("ConnectionString", StringComparison.Ordinal) && k != "APPLICATIONINSIGHTS_CONNECTION_STRING");
        Assert.All(Bicep.Resources(await Main.Value).Where(r => (string?)r["type"] == "Microsoft.Web/sites/basicPublishingCredentialsPolicies"),
            p => Assert.False((bool)p["properties"]!["allow"]!));
    }

    [Fact]
    public async Task AzureBot_UserAssignedMsi_TeamsChannelOn_EndpointOnTheWebApp()
    {
        var bot = Single(await Main.Value, "Microsoft.BotService/botServices")["properties"]!;
        var teams = Single(await Main.Value, "Microsoft.BotService/botServices/channels")["properties"]!;

        Assert.Equal("UserAssignedMSI", (string?)bot["msaAppType"]);
        Assert.Contains("identityClientId", (string?)bot["msaAppId"], StringComparison.Ordinal);
        Assert.Contains("/api/messages", (string?)bot["endpoint"], StringComparison.Ordinal);
        Assert.Equal("MsTeamsChannel", (string?)teams["channelName"]);
        Assert.True((bool)teams["properties"]!["isEnabled"]!);
    }

    [Fact]
    public async Task Monitoring_WorkspaceAndApplicationInsights_LocalAuthOff()
    {
        var insights = Single(await Main.Value, "Microsoft.Insights/components")["properties"]!;
        Single(await Main.Value, "Microsoft.OperationalInsights/workspaces");

        Assert.True((bool)insights["DisableLocalAuth"]!);
        Assert.Contains("workspace", (string?)insights["WorkspaceResourceId"], StringComparison.OrdinalIgnoreCase);
    }

    private static JsonObject Single(JsonObject template, string type) =>
        Assert.Single(Bicep.Resources(template), r => (string?)r["type"] == type);
}
