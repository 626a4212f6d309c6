using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Consolidation.Bot.Protocol.Auth;

/// <summary>Source of OpenID metadata (issuer, JWKS with endorsements) per metadata URL.</summary>
internal interface IOpenIdMetadataSource
{
    Task<OpenIdConnectConfiguration> GetAsync(string metadataUrl, CancellationToken cancellationToken);

    /// <summary>Asks for a refresh on the next read (rate-limited), e.g. after an unknown signing key id.</summary>
    void RequestRefresh(string metadataUrl);
}
