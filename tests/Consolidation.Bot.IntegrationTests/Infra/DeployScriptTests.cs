using System.Diagnostics;

namespace Consolidation.Bot.IntegrationTests.Infra;

/// <summary>
/// <c>scripts/deploy</c> run against a fake <c>az</c> and a fake <c>dotnet</c> on PATH that record their calls: the
/// steps, their arguments and their order; a failing step stops the script with its message; and the Japanese operator's
/// guide shows the same commands the script runs.
/// </summary>
public sealed class DeployScriptTests : IDisposable
{
    private const string Outputs = """
        {"webAppName":{"type":"String","value":"shukuyaku-abc123"},"webAppHostName":{"type":"String","value":"shukuyaku-abc123.azurewebsites.net"},
         "botAppId":{"type":"String","value":"0b5d7c1e-1111-4222-8333-944444444444"},"identityPrincipalId":{"type":"String","value":"6f1d2c3b-1111-2222-3333-444455556666"},
         "tabClientId":{"type":"String","value":""}}
        """;

    private readonly string _dir = Directory.CreateTempSubdirectory("deploy-").FullName;

    private string Log => Path.Combine(_dir, "calls.log");

    [Theory]
    [InlineData("bash")]
    [InlineData("pwsh")]
    public async Task Deploy_AllStepsInOrderWithTheDeployedIds_ThenPrintsTheNextSteps(string shell)
    {
        var (exit, output, error) = await RunAsync(shell, new Dictionary<string, string>(), Deploy(shell, "rg-city", "japaneast", Path.Combine(_dir, "out")));

        Assert.True(exit == 0, output + error);
        var calls = File.ReadAllLines(Log);
        Assert.Collection(calls,
            c => Assert.Equal("az account show --query tenantId --output tsv", c),
            c => Assert.Equal("az group create --name rg-city --location japaneast --output none", c),
            c => Assert.Equal("az deployment group create --resource-group rg-city --name consolidation-bot --template-file infra/main.bicep --parameters infra/main.bicepparam --query properties.outputs --output json", c),
            c => Assert.StartsWith("dotnet publish src/Consolidation.Bot --configuration Release --output " + Path.Combine(_dir, "out", "publish"), c, StringComparison.Ordinal),
            c => Assert.Equal($"az webapp deploy --resource-group rg-city --name shukuyaku-abc123 --src-path {Path.Combine(_dir, "out", "app.zip")} --type zip --output none", c),
            c => Assert.Equal($"dotnet {Path.Combine(_dir, "out", "publish", "Consolidation.Bot.dll")} package-manifest --app-id 0b5d7c1e-1111-4222-8333-944444444444 --host shukuyaku-abc123.azurewebsites.net --out {Path.Combine(_dir, "out", "teams-app.zip")}", c));
        Assert.True(File.Exists(Path.Combine(_dir, "out", "app.zip")));
        Assert.Contains("https://shukuyaku-abc123.azurewebsites.net", output, StringComparison.Ordinal);
        Assert.Contains("az rest --method post --uri https://graph.microsoft.com/v1.0/appCatalogs/teamsApps", output, StringComparison.Ordinal);
        Assert.Contains("servicePrincipals/6f1d2c3b-1111-2222-3333-444455556666/appRoleAssignments", output, StringComparison.Ordinal);
        Assert.All(new[] { "TeamsAppInstallation.ReadWriteForUser.All", "User.Read.All", "GroupMember.Read.All" },
            permission => Assert.Contains(permission, output, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("bash", "deployment group create", "3/6 infrastructure", "dotnet publish")]
    [InlineData("bash", "webapp deploy", "5/6 deploy the app", "package-manifest")]
    [InlineData("bash", "account show", "1/6 sign-in", "group create")]
    [InlineData("pwsh", "deployment group create", "3/6 infrastructure", "dotnet publish")]
    [InlineData("pwsh", "webapp deploy", "5/6 deploy the app", "package-manifest")]
    public async Task Deploy_AStepFails_StopsThereWithItsMessage(string shell, string failing, string step, string neverRun)
    {
        var (exit, output, error) = await RunAsync(shell, new Dictionary<string, string> { ["FAKE_AZ_FAIL"] = failing },
            Deploy(shell, "rg-city", "japaneast", Path.Combine(_dir, "out")));

        Assert.NotEqual(0, exit);
        Assert.Contains("ERROR: (FakeFailure) " + failing, error, StringComparison.Ordinal);
        Assert.Contains("step failed: " + step, error, StringComparison.Ordinal);
        Assert.DoesNotContain(File.ReadAllLines(Log), c => c.Contains(neverRun, StringComparison.Ordinal));
        Assert.DoesNotContain("Deployed:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Deploy_WithoutResourceGroup_UsageAnd64()
    {
        var (exit, _, error) = await RunAsync("bash", new Dictionary<string, string>(), [Path.Combine(RepoPaths.Root, "scripts", "deploy"), "--location", "japaneast"]);

        Assert.Equal(64, exit);
        Assert.Contains("--resource-group is required", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Log));
    }

    [Fact]
    public async Task OperatorsGuide_ShowsEveryCommandTheScriptRuns()
    {
        await RunAsync("bash", new Dictionary<string, string>(), Deploy("bash", "rg-city", "japaneast", Path.Combine(_dir, "out")));
        var guide = File.ReadAllText(Path.Combine(RepoPaths.Root, "docs", "ja", "運用手順書.md"));

        // Each step's command, without the values of this run (paths, names): the guide shows them as placeholders.
        foreach (var call in File.ReadAllLines(Log))
        {
            var command = string.Join(' ', call.Split(' ').TakeWhile(w => !w.Contains('/') || w.StartsWith("infra/", StringComparison.Ordinal) || w == "src/Consolidation.Bot").Take(4));
            Assert.Contains(command, guide, StringComparison.Ordinal);
        }

        Assert.Contains("./scripts/deploy --resource-group", guide, StringComparison.Ordinal);
        Assert.Contains("./scripts/deploy.ps1 -ResourceGroup", guide, StringComparison.Ordinal);
        Assert.Contains("az rest --method post --uri https://graph.microsoft.com/v1.0/appCatalogs/teamsApps", guide, StringComparison.Ordinal);
        Assert.Contains("appRoleAssignments", guide, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The script and its arguments for <paramref name="shell"/>: scripts/deploy for bash, scripts/deploy.ps1 for PowerShell.</summary>
    private static string[] Deploy(string shell, string group, string location, string output) => shell == "bash"
        ? [Path.Combine(RepoPaths.Root, "scripts", "deploy"), "--resource-group", group, "--location", location, "--out", output]
        : ["-NoProfile", "-NonInteractive", "-File", Path.Combine(RepoPaths.Root, "scripts", "deploy.ps1"), "-ResourceGroup", group, "-Location", location, "-Out", output];

    private async Task<(int Exit, string Output, string Error)> RunAsync(string shell, Dictionary<string, string> env, string[] args)
    {
        var fakes = Directory.CreateDirectory(Path.Combine(_dir, "bin")).FullName;
        await File.WriteAllTextAsync(Path.Combine(fakes, "az"), $$"""
            #!/usr/bin/env bash
            echo "az $*" >> "$FAKE_LOG"
            if [ -n "${FAKE_AZ_FAIL:-}" ] && [[ "$*" == "$FAKE_AZ_FAIL"* ]]; then echo "ERROR: (FakeFailure) $FAKE_AZ_FAIL" >&2; exit 1; fi
            case "$*" in
              "account show"*) echo "72f988bf-86f1-41af-91ab-2d7cd011db47" ;;
              "deployment group create"*) cat <<'JSON'
            {{Outputs}}
            JSON
              ;;
            esac
            """);
        await File.WriteAllTextAsync(Path.Combine(fakes, "dotnet"), """
            #!/usr/bin/env bash
            echo "dotnet $*" >> "$FAKE_LOG"
            args=("$@")
            for ((i = 0; i < ${#args[@]}; i++)); do
              case "${args[$i]}" in
                --output) mkdir -p "${args[$((i + 1))]}" && echo fake > "${args[$((i + 1))]}/Consolidation.Bot.dll" ;;
                --out) echo fake > "${args[$((i + 1))]}" ;;
              esac
            done
            """);
        foreach (var fake in new[] { "az", "dotnet" })
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(Path.Combine(fakes, fake), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }

        // PowerShell is the .NET tool of .config/dotnet-tools.json, started through the real dotnet (the fake one is on PATH).
        var realDotnet = Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "/usr/bin/dotnet";
        var info = new ProcessStartInfo(shell == "bash" ? "bash" : realDotnet) { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (shell != "bash")
        {
            info.ArgumentList.Add("tool");
            info.ArgumentList.Add("run");
            info.ArgumentList.Add("pwsh");
            info.ArgumentList.Add("--");
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["PATH"] = fakes + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH");
        info.Environment["FAKE_LOG"] = Log;
        foreach (var (key, value) in env)
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
