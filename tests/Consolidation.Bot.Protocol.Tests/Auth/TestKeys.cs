using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.Tokens;

namespace Consolidation.Bot.Protocol.Tests.Auth;

/// <summary>An RSA signing key as the test metadata server publishes it (JWK with optional endorsements).</summary>
internal sealed class TestKey : IDisposable
{
    private readonly RSA _rsa = RSA.Create(2048);

    public TestKey(string keyId, params string[]? endorsements)
    {
        KeyId = keyId;
        Endorsements = endorsements;
        SecurityKey = new RsaSecurityKey(_rsa) { KeyId = keyId };
    }

    public string KeyId { get; }

    public string[]? Endorsements { get; }

    public RsaSecurityKey SecurityKey { get; }

    public JsonObject ToJwk()
    {
        var parameters = _rsa.ExportParameters(includePrivateParameters: false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA",
            ["use"] = "sig",
            ["kid"] = KeyId,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
            ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (Endorsements is not null)
        {
            jwk["endorsements"] = new JsonArray([.. Endorsements.Select(e => (JsonNode?)JsonValue.Create(e))]);
        }

        return jwk;
    }

    public void Dispose() => _rsa.Dispose();
}

/// <summary>The keys every auth test uses.</summary>
internal sealed class TestKeys : IDisposable
{
    /// <summary>Published in the Bot Framework keys, endorsed for msteams.</summary>
    public TestKey BotFramework { get; } = new("bf-key-1", "msteams", "webchat");

    /// <summary>Published in the Bot Framework keys, endorsed only for another channel.</summary>
    public TestKey OtherChannelOnly { get; } = new("bf-key-webchat", "webchat");

    /// <summary>Published in the Bot Framework keys without an endorsements entry (refused for msteams).</summary>
    public TestKey Unendorsed { get; } = new("bf-key-plain", null);

    /// <summary>Published in the Entra tenant keys, without endorsements (as Entra keys are).</summary>
    public TestKey Entra { get; } = new("entra-key-1", null);

    /// <summary>Never published; uses the same kid as <see cref="BotFramework"/> (bad signature).</summary>
    public TestKey Impostor { get; } = new("bf-key-1", "msteams");

    public void Dispose()
    {
        BotFramework.Dispose();
        OtherChannelOnly.Dispose();
        Unendorsed.Dispose();
        Entra.Dispose();
        Impostor.Dispose();
    }
}
