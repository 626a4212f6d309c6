namespace Consolidation.Bot.Demo;

/// <summary>
/// The users of the Playground's mock tenant (tools/playground/.m365agentsplayground.yml), copied here as constants:
/// the demo review maps its members to them by email and Entra object id. Keep both files in step.
/// </summary>
public static class PlaygroundUsers
{
    /// <summary>山田 花子: the Playground's current user, the secretariat (市民局).</summary>
    public const string SecretariatEmail = "hanako.yamada@city.example.jp";
    public const string SecretariatAadObjectId = "9a1e0000-0000-4000-8000-000000000001";

    /// <summary>佐藤 健一: lead of 福祉・健康部会.</summary>
    public const string WelfareHealthLeadEmail = "kenichi.sato@city.example.jp";
    public const string WelfareHealthLeadAadObjectId = "9a1e0000-0000-4000-8000-000000000002";

    /// <summary>鈴木 美咲: lead of こども・教育部会.</summary>
    public const string ChildrenEducationLeadEmail = "misaki.suzuki@city.example.jp";
    public const string ChildrenEducationLeadAadObjectId = "9a1e0000-0000-4000-8000-000000000003";

    /// <summary>高橋 誠: lead of 人事・財政部会.</summary>
    public const string PersonnelFinanceLeadEmail = "makoto.takahashi@city.example.jp";
    public const string PersonnelFinanceLeadAadObjectId = "9a1e0000-0000-4000-8000-000000000004";

    /// <summary>田中 由美: lead of くらし・安全・防災部会.</summary>
    public const string LivingSafetyLeadEmail = "yumi.tanaka@city.example.jp";
    public const string LivingSafetyLeadAadObjectId = "9a1e0000-0000-4000-8000-000000000005";

    /// <summary>伊藤 翔: lead of まちづくり・にぎわい・環境部会.</summary>
    public const string TownDevelopmentLeadEmail = "sho.ito@city.example.jp";
    public const string TownDevelopmentLeadAadObjectId = "9a1e0000-0000-4000-8000-000000000006";
}
