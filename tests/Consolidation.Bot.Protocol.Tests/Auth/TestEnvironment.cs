using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace Consolidation.Bot.Protocol.Tests.Auth;

/// <summary>An <see cref="IHostEnvironment"/> with only its name set: what <c>DevelopmentMode</c> reads.</summary>
internal sealed class TestEnvironment(string name) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = name;

    public string ApplicationName { get; set; } = "tests";

    public string ContentRootPath { get; set; } = AppContext.BaseDirectory;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
