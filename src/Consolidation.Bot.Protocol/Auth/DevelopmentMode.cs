using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Protocol.Auth;

/// <summary>
/// The one rule for unsigned traffic (README "Security"): development mode holds only when <c>Bot:AppId</c> is empty
/// <b>and</b> the host environment is <c>Development</c>; a request is then accepted unsigned only from loopback.
/// Without a host environment (a bare service collection) it never holds: fail closed.
/// </summary>
public sealed class DevelopmentMode
{
    private readonly BotAuthenticationOptions _options;
    private readonly string? _environmentName;

    public DevelopmentMode(IOptions<BotAuthenticationOptions> options, IHostEnvironment? environment = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _environmentName = environment?.EnvironmentName;
    }

    /// <summary>No app id and the Development environment: unsigned requests from loopback, no outbound token.</summary>
    public bool IsEnabled => _options.IsAppIdMissing && string.Equals(_environmentName, Environments.Development, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when an unsigned request from <paramref name="remoteAddress"/> may be processed.</summary>
    public bool AllowsUnsignedFrom(IPAddress? remoteAddress) => IsEnabled && remoteAddress is not null && IPAddress.IsLoopback(remoteAddress);

    /// <summary>
    /// Why the web host must not start (no app id outside the Development environment), naming the setting; null when
    /// it may. The command-line verbs serve no requests and never ask.
    /// </summary>
    public string? StartupProblem => _options.IsAppIdMissing && !IsEnabled
        ? $"Bot:AppId is empty and the host environment is '{_environmentName ?? "(none)"}'. Unsigned requests are accepted only "
          + "in development mode: no Bot:AppId, ASPNETCORE_ENVIRONMENT=Development and requests from loopback. "
          + "Set Bot:AppId (and its credential) for any other environment."
        : null;
}
