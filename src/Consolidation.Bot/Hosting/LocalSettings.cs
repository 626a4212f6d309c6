using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Consolidation.Bot.Hosting;

/// <summary>
/// <c>appsettings.Local.json</c>: an operator's own settings file (git-ignored, optional), read from the content root
/// by the bot and the command-line verbs alike (appsettings.sample.json says where to put it). It sits right after
/// <c>appsettings.{Environment}.json</c>, so environment variables and the command line still override it.
/// </summary>
public static class LocalSettings
{
    public const string FileName = "appsettings.Local.json";

    public static void AddLocalSettings(this IConfigurationBuilder configuration, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var source = new JsonConfigurationSource
        {
            Path = FileName,
            Optional = true,
            ReloadOnChange = false,
            FileProvider = new PhysicalFileProvider(contentRoot),
        };
        var lastJson = configuration.Sources.Select((s, i) => (s, i)).LastOrDefault(x => x.s is JsonConfigurationSource).i;
        configuration.Sources.Insert(configuration.Sources.Any(s => s is JsonConfigurationSource) ? lastJson + 1 : 0, source);
    }
}
