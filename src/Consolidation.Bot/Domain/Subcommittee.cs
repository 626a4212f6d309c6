using Consolidation.Bot.Text;

namespace Consolidation.Bot.Domain;

/// <summary>The five subcommittees (部会) of the Ward Heads' Council.</summary>
public enum Subcommittee
{
    /// <summary>人事・財政部会: also plans and sums up the whole review.</summary>
    PersonnelFinance,

    /// <summary>くらし・安全・防災部会.</summary>
    LivingSafety,

    /// <summary>まちづくり・にぎわい・環境部会.</summary>
    TownDevelopment,

    /// <summary>福祉・健康部会.</summary>
    WelfareHealth,

    /// <summary>こども・教育部会.</summary>
    ChildrenEducation,
}

/// <summary>Names of the subcommittees and a tolerant parser for what people type (full names, short forms, English).</summary>
public static class Subcommittees
{
    public static IReadOnlyList<Subcommittee> All { get; } = Enum.GetValues<Subcommittee>();

    public static string JapaneseName(this Subcommittee s) => s switch
    {
        Subcommittee.PersonnelFinance => "人事・財政部会",
        Subcommittee.LivingSafety => "くらし・安全・防災部会",
        Subcommittee.TownDevelopment => "まちづくり・にぎわい・環境部会",
        Subcommittee.WelfareHealth => "福祉・健康部会",
        Subcommittee.ChildrenEducation => "こども・教育部会",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    /// <summary>The English name, as the import and the status conversation may spell it (display: <c>EnumNames</c>).</summary>
    public static string EnglishName(this Subcommittee s) => s switch
    {
        Subcommittee.PersonnelFinance => "Personnel & Finance",
        Subcommittee.LivingSafety => "Living, Safety & Disaster Prevention",
        Subcommittee.TownDevelopment => "Town Development, Vitality & Environment",
        Subcommittee.WelfareHealth => "Welfare & Health",
        Subcommittee.ChildrenEducation => "Children & Education",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    /// <summary>The short form used in conversation and in import files (福祉, こども, 人事財政 ...).</summary>
    public static string ShortName(this Subcommittee s) => s switch
    {
        Subcommittee.PersonnelFinance => "人事・財政",
        Subcommittee.LivingSafety => "くらし・安全・防災",
        Subcommittee.TownDevelopment => "まちづくり・にぎわい・環境",
        Subcommittee.WelfareHealth => "福祉・健康",
        Subcommittee.ChildrenEducation => "こども・教育",
        _ => throw new ArgumentOutOfRangeException(nameof(s)),
    };

    private static readonly (string Variant, string Canonical)[] SpellingVariants =
    [
        ("子ども", "こども"), ("子供", "こども"), ("暮らし", "くらし"), ("街づくり", "まちづくり"), ("町づくり", "まちづくり"),
        ("賑わい", "にぎわい"),
    ];

    /// <summary>Every spelling that names a subcommittee, normalised (see <see cref="TextNormalizer"/>), longest first.</summary>
    public static IReadOnlyList<(string Alias, Subcommittee Subcommittee)> Aliases { get; } = BuildAliases();

    /// <summary>Parses a full name, short form or English name; null when the text names no subcommittee.</summary>
    public static Subcommittee? Parse(string? text)
    {
        var normalized = Compact(TextNormalizer.Normalize(text));
        if (normalized.Length == 0)
        {
            return null;
        }

        foreach (var (alias, subcommittee) in Aliases)
        {
            if (normalized == alias)
            {
                return subcommittee;
            }
        }

        return Enum.TryParse<Subcommittee>(text, ignoreCase: true, out var code) && Enum.IsDefined(code) ? code : null;
    }

    /// <summary>
    /// Removes the separators people vary on (・ space &amp; 、 , /) and a trailing 部会, and folds the spelling
    /// variants of the subcommittee words (子ども/子供 → こども, 暮らし → くらし, 街づくり/町づくり → まちづくり, 賑わい → にぎわい).
    /// </summary>
    public static string Compact(string normalized)
    {
        var compact = new string(normalized.Where(c => c is not ('・' or '･' or ' ' or '&' or '、' or ',' or '/' or '＆')).ToArray());
        foreach (var (variant, canonical) in SpellingVariants)
        {
            compact = compact.Replace(variant, canonical, StringComparison.Ordinal);
        }

        return compact.EndsWith("部会", StringComparison.Ordinal) ? compact[..^2] : compact;
    }

    private static List<(string, Subcommittee)> BuildAliases()
    {
        var aliases = new Dictionary<string, Subcommittee>(StringComparer.Ordinal);
        void Add(Subcommittee s, params string[] names)
        {
            foreach (var name in names)
            {
                aliases[Compact(TextNormalizer.Normalize(name))] = s;
            }
        }

        foreach (var s in All)
        {
            Add(s, s.JapaneseName(), s.ShortName(), s.EnglishName(), s.ToString());
        }

        // Readings in kana (katakana folds to hiragana before matching) and romaji, so that a name written in kana is
        // found exactly rather than by the one-typo match, which could take it for another subcommittee.
        Add(Subcommittee.PersonnelFinance, "人事", "財政", "人事財政", "personnel", "finance", "personnel and finance",
            "じんじ", "ざいせい", "じんじざいせい", "jinji", "zaisei");
        Add(Subcommittee.LivingSafety, "くらし", "暮らし", "安全", "防災", "くらし安全", "living", "safety", "disaster prevention",
            "あんぜん", "ぼうさい", "くらしあんぜん", "くらしあんぜんぼうさい", "kurashi", "anzen", "bousai", "bosai");
        Add(Subcommittee.TownDevelopment, "まちづくり", "街づくり", "町づくり", "にぎわい", "環境", "town", "town development", "environment",
            "かんきょう", "まちづくりにぎわいかんきょう", "machizukuri", "nigiwai", "kankyou", "kankyo");
        Add(Subcommittee.WelfareHealth, "福祉", "健康", "福祉健康", "welfare", "health", "welfare and health",
            "ふくし", "けんこう", "ふくしけんこう", "fukushi", "kenkou", "kenko");
        Add(Subcommittee.ChildrenEducation, "こども", "子ども", "子供", "教育", "こども教育", "children", "education", "children and education",
            "きょういく", "こどもきょういく", "kodomo", "kyouiku", "kyoiku");
        return aliases.OrderByDescending(a => a.Key.Length).Select(a => (a.Key, a.Value)).ToList();
    }
}
