using Microsoft.Extensions.Options;

namespace Consolidation.Bot.Protocol.Auth;

/// <summary>Start-up checks of the <c>Bot</c> section as far as inbound validation is concerned.</summary>
internal sealed class BotAuthenticationOptionsValidator : IValidateOptions<BotAuthenticationOptions>
{
    public ValidateOptionsResult Validate(string? name, BotAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.MaxRequestBodyBytes <= 0)
        {
            failures.Add("Bot:MaxRequestBodyBytes must be positive.");
        }

        if (!OpenIdMetadataCache.IsAllowedMetadataUrl(options.OpenIdMetadataUrl))
        {
            failures.Add("Bot:OpenIdMetadataUrl must be an absolute https URL (http only for loopback).");
        }

        var entraSample = BotTokenIssuers.EntraMetadataUrl(options, "00000000-0000-0000-0000-000000000000");
        if (!OpenIdMetadataCache.IsAllowedMetadataUrl(entraSample))
        {
            failures.Add("Bot:EntraOpenIdMetadataUrl must be an absolute https URL (http only for loopback).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
