using Consolidation.Bot.Domain;
using Consolidation.Bot.Text;

namespace Consolidation.Bot.Tab;

/// <summary>The tab's task search: id or name containing the words (NFKC, case-insensitive), among the tasks the person may see.</summary>
public static class TaskSearch
{
    public const int MaxShown = 50;
    public const int MaxQueryLength = 60;

    public static (IReadOnlyList<ReviewTask> Found, int More) Find(IEnumerable<ReviewTask> tasks, string? query, TabScope scope)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(scope);
        var words = TextNormalizer.Normalize(query is { Length: > MaxQueryLength } ? query[..MaxQueryLength] : query)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return ([], 0);
        }

        var matches = tasks
            .Where(scope.MaySee)
            .Where(t => words.All(w => TextNormalizer.Normalize(t.Id).Contains(w, StringComparison.Ordinal)
                || TextNormalizer.Normalize(t.Definition.Name).Contains(w, StringComparison.Ordinal)))
            .OrderBy(t => t.Id, StringComparer.Ordinal)
            .ToList();
        return (matches.Take(MaxShown).ToList(), Math.Max(0, matches.Count - MaxShown));
    }
}
