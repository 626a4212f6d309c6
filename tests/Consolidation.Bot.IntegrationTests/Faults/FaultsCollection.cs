using Consolidation.Bot.IntegrationTests.Infrastructure;

namespace Consolidation.Bot.IntegrationTests.Faults;

/// <summary>
/// Fault tests run the bot as a separate process against their own Azurite and a Teams-limited fake connector,
/// one test at a time (each takes the whole machine for a few seconds).
/// </summary>
[CollectionDefinition(Name)]
public sealed class FaultsCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Faults";
}
