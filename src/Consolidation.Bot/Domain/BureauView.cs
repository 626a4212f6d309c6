namespace Consolidation.Bot.Domain;

/// <summary>
/// The view of the bureau in charge (所管部局) at WG, recorded beside the 担当区長's decision: the policy holds the WG "with
/// the 所管部局", so the bureau answers as a co-respondent. It does not decide the task.
/// </summary>
public enum BureauView
{
    /// <summary>集約化等に同意: the bureau agrees the work can be consolidated (etc.).</summary>
    Agree,

    /// <summary>課題あり: the bureau sees issues (named in the comment).</summary>
    Issues,

    /// <summary>一部なら可能: only part of the work could be consolidated (which part, in the comment).</summary>
    Partial,
}

/// <summary>The bureau contact's answer at WG: the view and, for issues or partial, what they are.</summary>
public sealed record BureauViewAnswer : StageAnswer
{
    public const int MaxCommentLength = 1000;

    public BureauView View { get; init; }

    public string? Comment { get; init; }

    public override Stage Stage => Stage.Wg;

    /// <summary>A view moves nothing: the task stays where the 担当区長's answer takes it.</summary>
    public override Stage NextStage => Stage.Wg;

    public override IReadOnlyDictionary<string, string> Validate()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (View != BureauView.Agree && string.IsNullOrWhiteSpace(Comment))
        {
            errors[nameof(Comment)] = AnswerErrors.ReasonRequired;
        }

        AnswerErrors.CheckLength(errors, nameof(Comment), Comment, MaxCommentLength);
        return errors;
    }
}

public static class BureauViews
{
    // Bureau names are few (tens in a city) and compared once per task in the sweep and the digest: normalise each once.
    private const int MaxRemembered = 1024;
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Keys = new(StringComparer.Ordinal);

    /// <summary>A bureau's name as compared (所管局 in the task file against the contact's): normalised, spaces removed.</summary>
    public static string Key(string? bureau)
    {
        if (bureau is null)
        {
            return "";
        }

        if (Keys.TryGetValue(bureau, out var key))
        {
            return key;
        }

        key = Text.TextNormalizer.Normalize(bureau).Replace(" ", "", StringComparison.Ordinal);
        if (Keys.Count < MaxRemembered)
        {
            Keys.TryAdd(bureau, key);
        }

        return key;
    }
}
