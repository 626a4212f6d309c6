using System.Diagnostics;

namespace Consolidation.Bot.Benchmarks;

/// <summary>
/// One load of the secretariat's tab as a browser does it after the first visit (the script, style and teams-js are
/// cached): the page, then the dashboard view it fetches. Each response must be 200 and the dashboard must hold the funnel.
/// </summary>
public static class TabPageLoad
{
    public static async Task<TimeSpan> LoadAsync(HttpClient http, string baseUrl, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        using (var page = await http.GetAsync(baseUrl + "/tab", cancellationToken))
        {
            page.EnsureSuccessStatusCode();
            await page.Content.ReadAsStringAsync(cancellationToken);
        }

        using var dashboard = await http.GetAsync(baseUrl + "/tab/api/dashboard", cancellationToken);
        var html = await dashboard.Content.ReadAsStringAsync(cancellationToken);
        if (!dashboard.IsSuccessStatusCode || !html.Contains("data-table=\"funnel\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"the dashboard did not load ({(int)dashboard.StatusCode}): {html[..Math.Min(html.Length, 300)]}");
        }

        return watch.Elapsed;
    }

    /// <summary>The first load (assets included, as a first visit) and then <paramref name="loads"/> more; their times, sorted.</summary>
    public static async Task<(TimeSpan First, IReadOnlyList<double> SortedMilliseconds)> MeasureAsync(HttpClient http, string baseUrl, int loads, CancellationToken cancellationToken)
    {
        var first = Stopwatch.StartNew();
        foreach (var asset in new[] { "tab.js", "tab.css", "MicrosoftTeams.min.js" })
        {
            using var response = await http.GetAsync($"{baseUrl}/tab/assets/{asset}", cancellationToken);
            response.EnsureSuccessStatusCode();
        }

        await LoadAsync(http, baseUrl, cancellationToken);
        var firstLoad = first.Elapsed;
        var times = new List<double>(loads);
        for (var i = 0; i < loads; i++)
        {
            times.Add((await LoadAsync(http, baseUrl, cancellationToken)).TotalMilliseconds);
        }

        times.Sort();
        return (firstLoad, times);
    }
}
