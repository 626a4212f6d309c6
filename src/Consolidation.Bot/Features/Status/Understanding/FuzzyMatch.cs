namespace Consolidation.Bot.Features.Status.Understanding;

/// <summary>Edit distance over short strings, to forgive a typo in a subcommittee's name (福址 for 福祉, 人事材政 for 人事財政).</summary>
public static class FuzzyMatch
{
    /// <summary>Levenshtein distance, stopping early once it exceeds <paramref name="max"/>.</summary>
    public static int Distance(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max)
    {
        if (Math.Abs(a.Length - b.Length) > max)
        {
            return max + 1;
        }

        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var best = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                best = Math.Min(best, current[j]);
            }

            if (best > max)
            {
                return max + 1;
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>Whether some part of <paramref name="text"/> is within the allowed distance of <paramref name="word"/>.</summary>
    public static bool ContainsApproximately(string text, string word, int max)
    {
        for (var length = Math.Max(1, word.Length - max); length <= word.Length + max; length++)
        {
            for (var start = 0; start + length <= text.Length; start++)
            {
                if (Distance(text.AsSpan(start, length), word, max) <= max)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
