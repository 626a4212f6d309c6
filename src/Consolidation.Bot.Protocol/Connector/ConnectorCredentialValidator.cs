using Consolidation.Bot.Protocol.Auth;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Protocol.Connector;

/// <summary>
/// Fail closed on outbound credentials: with <c>Bot:AppId</c> set, the connector needs its token's source, so a bot
/// without one refuses to start instead of failing on its first send. A client secret needs <c>Bot:AppPassword</c>;
/// the managed identity needs <c>Bot:TenantId</c> (a UserAssignedMSI bot is single-tenant) and no password at all.
/// </summary>
internal sealed class ConnectorCredentialValidator : IValidateOptions<BotAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, BotAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.IsAppIdMissing)
        {
            return ValidateOptionsResult.Success;
        }

        return options.Credential switch
        {
            BotCredentialKind.ClientSecret when string.IsNullOrWhiteSpace(options.AppPassword) =>
                ValidateOptionsResult.Fail("Bot:AppPassword is required when Bot:AppId is set (the Bot Connector token); set it from the environment or a secret store, or use Bot:Credential=UserAssignedMsi."),
            BotCredentialKind.UserAssignedMsi when string.IsNullOrWhiteSpace(options.TenantId) =>
                ValidateOptionsResult.Fail("Bot:TenantId is required with Bot:Credential=UserAssignedMsi (the managed identity's tenant)."),
            BotCredentialKind.UserAssignedMsi when !string.IsNullOrWhiteSpace(options.AppPassword) =>
                ValidateOptionsResult.Fail("Bot:AppPassword must be empty with Bot:Credential=UserAssignedMsi: the managed identity needs no secret; remove it."),
            _ => ValidateOptionsResult.Success,
        };
    }
}
