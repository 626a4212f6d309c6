namespace Consolidation.Bot.IntegrationTests.Infrastructure;

/// <summary>Storage tests share one Azurite; each test uses its own table prefix.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}

/// <summary>End-to-end tests share one Azurite + bot + Playground and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class PlaygroundCollection : ICollectionFixture<PlaygroundFixture>
{
    public const string Name = "Playground";
}
