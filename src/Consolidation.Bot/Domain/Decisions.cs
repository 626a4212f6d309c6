namespace Consolidation.Bot.Domain;

/// <summary>プレWG: keep the task as a consolidation candidate, or exclude it (a reason is required).</summary>
public enum PreWgDecision { Keep, Exclude }

/// <summary>WG: make the task a study target (集約化等の検討対象), or not.</summary>
public enum WgDecision { StudyTarget, NotTarget }

/// <summary>適否: 集約化等実施済 done / 引き続き検討予定 continue later / 検討終了 closed.</summary>
public enum SuitabilityDecision { Done, ContinueLater, Closed }

/// <summary>When a "continue later" task is to be looked at again.</summary>
public enum RevisitTrigger
{
    /// <summary>The BPR of the standard-system migration (自治体システム標準化のBPR).</summary>
    StandardizationBpr,

    /// <summary>A change of the rules (制度変更).</summary>
    RuleChange,

    /// <summary>DX progress (DXの進展).</summary>
    DxProgress,

    /// <summary>A given date (our addition; the seed names events, not dates).</summary>
    Date,

    /// <summary>その他の状況変化: another change of circumstances (the seed's list ends in など).</summary>
    OtherChange,
}

/// <summary>Where consolidated work would go.</summary>
public enum Destination
{
    /// <summary>所管局: the bureau in charge.</summary>
    Bureau,

    /// <summary>拠点区: a hub ward.</summary>
    HubWard,

    /// <summary>委託: outsourcing.</summary>
    Outsourcing,

    /// <summary>システム: a system.</summary>
    System,

    /// <summary>その他.</summary>
    Other,
}

/// <summary>Will the standard-system migration change or abolish the work?</summary>
public enum MigrationEffect
{
    None,
    Changes,
    Abolishes,
    Unknown,
}

/// <summary>The three preceding themes (先行検討テーマ) studied ahead of the rest.</summary>
public enum PrecedingTheme
{
    /// <summary>債権管理事務.</summary>
    ReceivablesManagement,

    /// <summary>公用請求取扱事務（住民票・戸籍）.</summary>
    OfficialRequests,

    /// <summary>封入封緘作業.</summary>
    EnclosingSealing,
}

public static class DecisionNames
{
    /// <summary>Parses a theme from an import file (Japanese name, a short form, or the English code).</summary>
    public static PrecedingTheme? ParseTheme(string? text)
    {
        var t = Text.TextNormalizer.Normalize(text);
        if (t.Length == 0)
        {
            return null;
        }

        if (t.Contains("債権", StringComparison.Ordinal) || t.Contains("receivable", StringComparison.Ordinal))
        {
            return PrecedingTheme.ReceivablesManagement;
        }

        if (t.Contains("公用請求", StringComparison.Ordinal) || t.Contains("official", StringComparison.Ordinal))
        {
            return PrecedingTheme.OfficialRequests;
        }

        if (t.Contains("封入", StringComparison.Ordinal) || t.Contains("封緘", StringComparison.Ordinal) || t.Contains("enclos", StringComparison.Ordinal))
        {
            return PrecedingTheme.EnclosingSealing;
        }

        return Enum.TryParse<PrecedingTheme>(text, ignoreCase: true, out var code) && Enum.IsDefined(code) ? code : null;
    }

}
