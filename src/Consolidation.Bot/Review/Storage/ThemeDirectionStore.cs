using Azure.Data.Tables;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Storage;

namespace Consolidation.Bot.Review.Storage;

/// <summary>ReviewData/({review}, theme|{theme}): the 方向性 the secretariat recorded for a preceding theme.</summary>
public sealed class ThemeDirectionEntity : ReviewEntity
{
    public string Theme { get; set; } = "";
    public string Direction { get; set; } = "";
    public string By { get; set; } = "";
    public DateTimeOffset At { get; set; }
}

/// <summary>The directions of the three preceding themes, one row each in the review's partition (the latest wins).</summary>
public sealed class ThemeDirectionStore(TableClientProvider tables) : IThemeDirections
{
    public const string Prefix = "theme|";

    public async Task SetAsync(string reviewId, ThemeDirection direction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(direction);
        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        await table.UpsertEntityAsync(new ThemeDirectionEntity
        {
            PartitionKey = ReviewKeys.StatePartition(reviewId),
            RowKey = Prefix + direction.Theme,
            Theme = direction.Theme.ToString(),
            Direction = direction.Direction,
            By = direction.By,
            At = direction.At,
        }, TableUpdateMode.Replace, cancellationToken);
    }

    public async Task<IReadOnlyList<ThemeDirection>> ListAsync(string reviewId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(TableNames.ReviewData, cancellationToken);
        var rows = await PrefixQuery.ListAsync<ThemeDirectionEntity>(table, ReviewKeys.StatePartition(reviewId), Prefix, cancellationToken);
        return rows.Where(r => Enum.TryParse<PrecedingTheme>(r.Theme, out _))
            .Select(r => new ThemeDirection(Enum.Parse<PrecedingTheme>(r.Theme), r.Direction, r.By, r.At))
            .OrderBy(d => d.Theme)
            .ToList();
    }
}
