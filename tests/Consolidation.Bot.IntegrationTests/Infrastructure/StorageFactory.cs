using Azure.Data.Tables;
using Consolidation.Bot.Storage;
using Microsoft.Extensions.Options;

namespace Consolidation.Bot.IntegrationTests.Infrastructure;

/// <summary>Builds the bot's storage services against the test Azurite with a fresh table prefix.</summary>
public static class StorageFactory
{
    public static TableClientProvider Tables(AzuriteFixture azurite, string? prefix = null)
    {
        var options = Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString, TablePrefix = prefix ?? azurite.NewTablePrefix() });
        return new TableClientProvider(new TableServiceClient(options.Value.ConnectionString), options);
    }
}
