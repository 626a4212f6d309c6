using System.Collections;
using System.Text.Json;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Consolidation.Bot.Protocol.Auth;

/// <summary>
/// The Bot Framework keys document adds an <c>endorsements</c> array (channel ids such as <c>msteams</c>) to
/// each JWK. A key that carries endorsements may only sign tokens for the channels it lists; a Bot Framework key with
/// none signs for no channel (as BotBuilder's JwtTokenExtractor: an unendorsed key is only for the Emulator and skills,
/// which this bot does not accept). Entra's keys never carry endorsements: tokens they sign are bound by issuer and tenant.
/// </summary>
internal static class KeyEndorsements
{
    public const string PropertyName = "endorsements";

    /// <summary>
    /// True when the key that signed the token lists <paramref name="channelId"/> in its endorsements, or has no
    /// endorsements entry and <paramref name="requireEndorsements"/> is false (Entra-issued tokens).
    /// </summary>
    public static bool Allows(OpenIdConnectConfiguration configuration, SecurityKey? signingKey, string? channelId, bool requireEndorsements)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var endorsements = Find(configuration, signingKey?.KeyId);
        return endorsements is null
            ? !requireEndorsements
            : !string.IsNullOrEmpty(channelId) && endorsements.Contains(channelId, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The endorsements of the JWK with <paramref name="keyId"/>, or null when it has none.</summary>
    public static IReadOnlyList<string>? Find(OpenIdConnectConfiguration configuration, string? keyId)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (string.IsNullOrEmpty(keyId) || configuration.JsonWebKeySet is null)
        {
            return null;
        }

        var jwk = configuration.JsonWebKeySet.Keys.FirstOrDefault(k => string.Equals(k.Kid, keyId, StringComparison.Ordinal));
        return jwk is not null && jwk.AdditionalData.TryGetValue(PropertyName, out var raw) ? ToStrings(raw) : null;
    }

    private static List<string> ToStrings(object? raw) => raw switch
    {
        null => [],
        string single => [single],
        JsonElement { ValueKind: JsonValueKind.Array } array =>
            [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
        JsonElement { ValueKind: JsonValueKind.String } text => [text.GetString()!],
        IEnumerable items => [.. items.Cast<object?>().SelectMany(ToStrings)],
        _ => [],
    };
}
