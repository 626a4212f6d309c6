using System.ComponentModel.DataAnnotations;

namespace Consolidation.Bot.Storage;

/// <summary>
/// The <c>Storage</c> configuration section. On Azure the account is reached by its endpoints with an Entra token of
/// the host's managed identity (<see cref="TableEndpoint"/> and <see cref="QueueEndpoint"/>, or just
/// <see cref="AccountName"/>): no key anywhere, and the account can have shared keys turned off. A connection string
/// (default: the local Azurite development account) is for development.
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Storage";

    /// <summary>The Azurite development account (well-known, public key) unless configured.</summary>
    public const string DevelopmentConnectionString =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        "BlobEndpoint=http://127.0.0.1:10000/devstoreaccount1;QueueEndpoint=http://127.0.0.1:10001/devstoreaccount1;" +
        "TableEndpoint=http://127.0.0.1:10002/devstoreaccount1;";

    /// <summary>Used when no endpoint is configured (development).</summary>
    public string ConnectionString { get; set; } = DevelopmentConnectionString;

    /// <summary>The table service endpoint, e.g. <c>https://ACCOUNT.table.core.windows.net/</c> (token authentication).</summary>
    public Uri? TableEndpoint { get; set; }

    /// <summary>The queue service endpoint, e.g. <c>https://ACCOUNT.queue.core.windows.net/</c> (token authentication).</summary>
    public Uri? QueueEndpoint { get; set; }

    /// <summary>Shorthand for both endpoints in Azure's public cloud: <c>https://NAME.table|queue.core.windows.net/</c>.</summary>
    public string? AccountName { get; set; }

    /// <summary>Client id of a user-assigned managed identity for the token; empty = the host's system-assigned identity.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Prefix of every table name (letters and digits); lets tests and several reviews share one account.</summary>
    [RegularExpression("^[A-Za-z]?[A-Za-z0-9]{0,20}$", ErrorMessage = "Storage:TablePrefix must be letters and digits, starting with a letter.")]
    public string TablePrefix { get; set; } = "";

    /// <summary>True when the account is reached by endpoint and token rather than by connection string.</summary>
    public bool UsesToken => TableEndpoint is not null || QueueEndpoint is not null || !string.IsNullOrWhiteSpace(AccountName);

    // Methods, not properties: options validation reads every public property, and these are only valid in token mode.
    public Uri TableUri() => TableEndpoint ?? new Uri($"https://{AccountName}.table.core.windows.net/");

    public Uri QueueUri() => QueueEndpoint ?? new Uri($"https://{AccountName}.queue.core.windows.net/");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!UsesToken)
        {
            if (string.IsNullOrWhiteSpace(ConnectionString))
            {
                yield return new ValidationResult("Storage: set Storage:TableEndpoint and Storage:QueueEndpoint (or Storage:AccountName) for a managed identity, or Storage:ConnectionString for development.");
            }

            yield break;
        }

        if (string.IsNullOrWhiteSpace(AccountName) && (TableEndpoint is null || QueueEndpoint is null))
        {
            yield return new ValidationResult("Storage: set both Storage:TableEndpoint and Storage:QueueEndpoint, or Storage:AccountName.");
        }

        foreach (var (name, endpoint) in new[] { ("Storage:TableEndpoint", TableEndpoint), ("Storage:QueueEndpoint", QueueEndpoint) })
        {
            if (endpoint is not null && (!endpoint.IsAbsoluteUri || endpoint.Scheme != Uri.UriSchemeHttps))
            {
                yield return new ValidationResult($"{name} must be an absolute https URL (tokens are never sent over http).");
            }
        }
    }
}
