using Consolidation.Bot.Protocol.Auth;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Protocol.Connector;

/// <summary>
/// Fail closed on outbound credentials: with <c>Bot:AppId</c> set, the connector needs <c>Bot:AppPassword</c> for its
/// token, so a bot without it refuses to start instead of failing on its first send.
/// </summary>
internal sealed class ConnectorCredentialValidator : IValidateOptions<BotAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, BotAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return !options.IsAppIdMissing && string.IsNullOrWhiteSpace(options.AppPassword)
            ? ValidateOptionsResult.Fail("Bot:AppPassword is required when Bot:AppId is set (the Bot Connector token); set it from the environment or a secret store.")
            : ValidateOptionsResult.Success;
    }
}
