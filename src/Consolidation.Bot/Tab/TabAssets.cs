using System.Collections.Concurrent;
using Consolidation.Bot.Tab.Views;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Consolidation.Bot.Tab;

/// <summary>
/// The tab's pages and their files (scripts, style, teams-js 2.58 as published by Microsoft), embedded in the assembly
/// so the tab works wherever the bot runs, whatever its content root. The page may be framed only by Teams and
/// Microsoft 365 hosts (and loopback in development); scripts come from this host only.
/// </summary>
internal static class TabAssets
{
    /// <summary>Hosts that may frame the tab: Teams (web, desktop, government clouds) and the Microsoft 365 app.</summary>
    public const string FrameAncestors = "'self' https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.microsoft.us "
        + "https://*.office.com https://*.cloud.microsoft https://*.microsoft365.com https://outlook.office.com https://local.teams.office.com";

    private static readonly Dictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["tab.js"] = "text/javascript; charset=utf-8",
        ["tab.css"] = "text/css; charset=utf-8",
        ["tab-config.js"] = "text/javascript; charset=utf-8",
        ["MicrosoftTeams.min.js"] = "text/javascript; charset=utf-8",
    };

    private static readonly ConcurrentDictionary<string, byte[]> Cache = new(StringComparer.Ordinal);

    public static IResult Page(HttpContext http) => Shell<TabPage>(http);

    /// <summary>The configurable tab's settings page (a channel or group chat pins the dashboard with it).</summary>
    public static IResult ConfigurePage(HttpContext http) => Shell<TabConfigurePage>(http);

    private static RazorComponentResult<TPage> Shell<TPage>(HttpContext http)
        where TPage : Microsoft.AspNetCore.Components.IComponent
    {
        ArgumentNullException.ThrowIfNull(http);
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors {FrameAncestors}";
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-cache";
        return new RazorComponentResult<TPage>(new { Text = TabSignIn.TextFor(http.Request) });
    }

    public static IResult Asset(string name, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!ContentTypes.TryGetValue(name, out var contentType))
        {
            return Results.NotFound();
        }

        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Bytes(Cache.GetOrAdd(name, Read), contentType);
    }

    private static byte[] Read(string name)
    {
        using var stream = typeof(TabAssets).Assembly.GetManifestResourceStream("tab/" + name)
            ?? throw new InvalidOperationException($"The tab asset '{name}' is not embedded.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
