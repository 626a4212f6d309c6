using System.Buffers.Binary;
using System.IO.Compression;
using System.Text.Json.Nodes;
using Consolidation.Bot.Cli;

namespace Consolidation.Bot.IntegrationTests.Manifest;

/// <summary>
/// The Teams app package: the manifest validates against the official v1.24 schema, the zip has its files at the root,
/// the icons have the sizes Teams requires, and a wrong app id is refused with a clear message.
/// </summary>
public sealed class ManifestPackageTests : IDisposable
{
    private const string AppId = "3f9d2c1a-7b6e-4d5c-8a9b-0c1d2e3f4a5b";
    private readonly string _work = Directory.CreateTempSubdirectory("consolidation-manifest-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static async Task<(int Code, string Output, string Error)> PackageAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await CliApplication.RunAsync(["package-manifest", .. args], null, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static (int Width, int Height, byte ColorType) PngHeader(byte[] png)
    {
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], png[..8]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        return (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)), png[25]);
    }

    [Fact]
    public async Task PackageManifest_ZipHasTheFilesAtItsRoot_IdsFilledIn_IconsSized_SchemaValid()
    {
        var zipPath = Path.Combine(_work, "app.zip");

        var (code, output, error) = await PackageAsync("--app-id", AppId.ToUpperInvariant(), "--out", zipPath, "--version", "1.2.3", "--host", "bot.city.example.jp");

        Assert.True(code == 0, error);
        Assert.Contains(zipPath, output, StringComparison.Ordinal);
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "en-us.json", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        zip.ExtractToDirectory(Path.Combine(_work, "unzipped"));
        var folder = Path.Combine(_work, "unzipped");

        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "manifest.json")))!;
        Assert.Equal(AppId, (string)manifest["id"]!);
        Assert.Equal(AppId, (string)manifest["bots"]![0]!["botId"]!);
        Assert.Equal(AppId, (string)manifest["webApplicationInfo"]!["id"]!);
        Assert.Equal($"api://bot.city.example.jp/{AppId}", (string)manifest["webApplicationInfo"]!["resource"]!);
        Assert.Equal("https://bot.city.example.jp/tab?lang={locale}", (string)manifest["staticTabs"]![0]!["contentUrl"]!);
        Assert.Equal(["personal"], manifest["staticTabs"]![0]!["scopes"]!.AsArray().Select(s => (string)s!));
        Assert.Equal("https://bot.city.example.jp/tab/configure?lang={locale}", (string)manifest["configurableTabs"]![0]!["configurationUrl"]!);
        Assert.Equal(["bot.city.example.jp"], manifest["validDomains"]!.AsArray().Select(s => (string)s!));
        Assert.Equal("1.2.3", (string)manifest["version"]!);
        Assert.Equal("1.24", (string)manifest["manifestVersion"]!);
        Assert.Equal(["personal", "team", "groupChat"], manifest["bots"]![0]!["scopes"]!.AsArray().Select(s => (string)s!));
        Assert.DoesNotContain("{{", await File.ReadAllTextAsync(Path.Combine(folder, "manifest.json")), StringComparison.Ordinal);

        Assert.Equal((192, 192, (byte)6), PngHeader(await File.ReadAllBytesAsync(Path.Combine(folder, "color.png"))));
        Assert.Equal((32, 32, (byte)6), PngHeader(await File.ReadAllBytesAsync(Path.Combine(folder, "outline.png"))));

        Assert.Empty(await ManifestChecker.CheckAsync(folder));
    }

    [Fact]
    public async Task Checker_BrokenManifestAndLocalisation_AreReported()
    {
        var zipPath = Path.Combine(_work, "app.zip");
        Assert.Equal(0, (await PackageAsync("--app-id", AppId, "--out", zipPath)).Code);
        var folder = Path.Combine(_work, "broken");
        ZipFile.ExtractToDirectory(zipPath, folder);
        var manifestPath = Path.Combine(folder, "manifest.json");
        await File.WriteAllTextAsync(manifestPath, (await File.ReadAllTextAsync(manifestPath)).Replace("#1F5FA8", "blue", StringComparison.Ordinal));
        await File.WriteAllTextAsync(Path.Combine(folder, "en-us.json"), """{ "name.short": "x", "unknown.key": "y" }""");

        var errors = await ManifestChecker.CheckAsync(folder);

        Assert.Contains(errors, e => e.StartsWith("manifest.json: /accentColor", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("en-us.json:", StringComparison.Ordinal) && e.Contains("additional properties", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("3f9d2c1a7b6e4d5c8a9b0c1d2e3f4a5b")]
    public async Task PackageManifest_BadAppId_Exit64WithAClearMessage_NoFileWritten(string appId)
    {
        var zipPath = Path.Combine(_work, "bad.zip");

        var (code, _, error) = await PackageAsync("--app-id", appId, "--out", zipPath);

        Assert.Equal(64, code);
        Assert.Contains($"--app-id '{appId}' is not a GUID", error, StringComparison.Ordinal);
        Assert.False(File.Exists(zipPath));
    }

    [Fact]
    public async Task PackageManifest_MissingOut_Exit64()
    {
        var (code, _, error) = await PackageAsync("--app-id", AppId);

        Assert.Equal(64, code);
        Assert.Contains("--out", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PackageManifest_WithoutHost_TabsOnTheDevelopmentHost_StillValid()
    {
        var zipPath = Path.Combine(_work, "dev.zip");

        var (code, _, error) = await PackageAsync("--app-id", AppId, "--out", zipPath);

        Assert.True(code == 0, error);
        var folder = Path.Combine(_work, "dev");
        ZipFile.ExtractToDirectory(zipPath, folder);
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "manifest.json")))!;
        Assert.Equal("https://127.0.0.1:3978/tab?lang={locale}", (string)manifest["staticTabs"]![0]!["contentUrl"]!);
        Assert.Equal($"api://127.0.0.1:3978/{AppId}", (string)manifest["webApplicationInfo"]!["resource"]!);
        Assert.Empty(await ManifestChecker.CheckAsync(folder));
    }

    [Fact]
    public async Task PackageManifest_SsoAppId_NamesTheTabsAppInWebApplicationInfo_BotStaysTheBot()
    {
        const string TabApp = "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0";
        var zipPath = Path.Combine(_work, "sso.zip");

        var (code, _, error) = await PackageAsync("--app-id", AppId, "--out", zipPath, "--host", "bot.city.example.jp", "--sso-app-id", TabApp);

        Assert.True(code == 0, error);
        var folder = Path.Combine(_work, "sso");
        ZipFile.ExtractToDirectory(zipPath, folder);
        var manifest = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "manifest.json")))!;
        Assert.Equal(TabApp, (string)manifest["webApplicationInfo"]!["id"]!);
        Assert.Equal($"api://bot.city.example.jp/{TabApp}", (string)manifest["webApplicationInfo"]!["resource"]!);
        Assert.Equal(AppId, (string)manifest["bots"]![0]!["botId"]!);
        Assert.Empty(await ManifestChecker.CheckAsync(folder));
        Assert.Equal(64, (await PackageAsync("--app-id", AppId, "--out", Path.Combine(_work, "bad-sso.zip"), "--sso-app-id", "not-a-guid")).Code);
    }

    [Theory]
    [InlineData("https://bot.city.example.jp")]
    [InlineData("bot.city.example.jp/tab")]
    [InlineData("")]
    public async Task PackageManifest_BadHost_Exit64WithAClearMessage_NoFileWritten(string host)
    {
        var zipPath = Path.Combine(_work, "badhost.zip");

        var (code, _, error) = await PackageAsync("--app-id", AppId, "--out", zipPath, "--host", host);

        Assert.Equal(64, code);
        Assert.Contains("--host", error, StringComparison.Ordinal);
        Assert.False(File.Exists(zipPath));
    }
}
