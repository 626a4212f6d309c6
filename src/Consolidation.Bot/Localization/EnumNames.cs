using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Localization;

/// <summary>
/// What the domain's values are called on screens, in the policy's words: resources <c>Enum_{Type}_{Value}</c> in
/// Japanese and English, not tables in <c>Domain/</c>. The domain keeps only the words it parses (subcommittee aliases,
/// theme keywords); a test keeps each Japanese subcommittee name equal to the one the parser knows.
/// </summary>
public static class EnumNames
{
    public static string Name(this Stage value, bool japanese) => Of(value, japanese);

    public static string Name(this Subcommittee value, bool japanese) => Of(value, japanese);

    public static string Name(this PrecedingTheme value, bool japanese) => Of(value, japanese);

    public static string Name(this PreWgDecision value, bool japanese) => Of(value, japanese);

    public static string Name(this WgDecision value, bool japanese) => Of(value, japanese);

    public static string Name(this SuitabilityDecision value, bool japanese) => Of(value, japanese);

    public static string Name(this RevisitTrigger value, bool japanese) => Of(value, japanese);

    public static string Name(this Destination value, bool japanese) => Of(value, japanese);

    public static string Name(this BureauView value, bool japanese) => Of(value, japanese);

    public static string Name(this FunnelOutcome value, bool japanese) => Of(value, japanese);

    public static string Name(this MemberRole value, bool japanese) => Of(value, japanese);

    /// <summary>What a task's history entry records (the tab, the status answers, the export's history sheet).</summary>
    public static string Name(this HistoryKind value, bool japanese) => Of(value, japanese);

    /// <summary>What a review-wide audit entry records.</summary>
    public static string Name(this AuditKind value, bool japanese) => Of(value, japanese);

    /// <summary>The resource key of a value's name.</summary>
    public static string Key<T>(T value)
        where T : struct, Enum => $"Enum_{typeof(T).Name}_{value}";

    private static string Of<T>(T value, bool japanese)
        where T : struct, Enum => (japanese ? Japanese : English)[Key(value)];

    private static readonly BotText Japanese = new(BotCultures.Japanese);
    private static readonly BotText English = new(BotCultures.English);
}
