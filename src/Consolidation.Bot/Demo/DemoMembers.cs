using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Demo;

/// <summary>
/// The people of the demo review. The six Playground users come first (the secretariat and one lead per
/// subcommittee); fictional ward heads of other wards (no Entra id, they never sign in to the Playground)
/// bring every subcommittee to two or three assignees; two council members read the digests.
/// </summary>
public static class DemoMembers
{
    public static IReadOnlyList<Member> All { get; } =
    [
        new() { Email = PlaygroundUsers.SecretariatEmail, AadObjectId = PlaygroundUsers.SecretariatAadObjectId, Name = "山田 花子", Role = MemberRole.Secretariat, Subcommittees = [Subcommittee.WelfareHealth] },
        Lead("佐藤 健一", PlaygroundUsers.WelfareHealthLeadEmail, PlaygroundUsers.WelfareHealthLeadAadObjectId, Subcommittee.WelfareHealth),
        Lead("鈴木 美咲", PlaygroundUsers.ChildrenEducationLeadEmail, PlaygroundUsers.ChildrenEducationLeadAadObjectId, Subcommittee.ChildrenEducation),
        Lead("高橋 誠", PlaygroundUsers.PersonnelFinanceLeadEmail, PlaygroundUsers.PersonnelFinanceLeadAadObjectId, Subcommittee.PersonnelFinance),
        Lead("田中 由美", PlaygroundUsers.LivingSafetyLeadEmail, PlaygroundUsers.LivingSafetyLeadAadObjectId, Subcommittee.LivingSafety),
        Lead("伊藤 翔", PlaygroundUsers.TownDevelopmentLeadEmail, PlaygroundUsers.TownDevelopmentLeadAadObjectId, Subcommittee.TownDevelopment),
        WardHead("小林 直樹", "naoki.kobayashi@city.example.jp", Subcommittee.WelfareHealth),
        WardHead("加藤 由紀", "yuki.kato@city.example.jp", Subcommittee.ChildrenEducation),
        WardHead("吉田 和也", "kazuya.yoshida@city.example.jp", Subcommittee.ChildrenEducation),
        WardHead("山口 智子", "tomoko.yamaguchi@city.example.jp", Subcommittee.PersonnelFinance),
        WardHead("松本 浩二", "koji.matsumoto@city.example.jp", Subcommittee.LivingSafety),
        WardHead("井上 明美", "akemi.inoue@city.example.jp", Subcommittee.LivingSafety),
        WardHead("木村 大輔", "daisuke.kimura@city.example.jp", Subcommittee.TownDevelopment),
        WardHead("林 美穂", "miho.hayashi@city.example.jp", Subcommittee.TownDevelopment),
        new() { Email = "masaki.watanabe@city.example.jp", Name = "渡辺 正樹", Role = MemberRole.Council },
        new() { Email = "keiko.yamamoto@city.example.jp", Name = "山本 恵子", Role = MemberRole.Council },
    ];

    /// <summary>How many demo tasks of 福祉・健康部会 the secretariat answers herself (to try both sides from one browser).</summary>
    public const int SecretariatTaskCount = 5;

    /// <summary>The assignees of a subcommittee's tasks other than the secretariat: its lead first, then its ward heads.</summary>
    public static IReadOnlyList<Member> AssigneesOf(Subcommittee subcommittee) =>
        All.Where(m => m.Role is MemberRole.Lead or MemberRole.Member && m.Subcommittees.Contains(subcommittee))
            .OrderBy(m => m.Role == MemberRole.Lead ? 0 : 1)
            .ToList();

    private static Member Lead(string name, string email, string aadObjectId, Subcommittee subcommittee) =>
        new() { Email = email, AadObjectId = aadObjectId, Name = name, Role = MemberRole.Lead, Subcommittees = [subcommittee] };

    private static Member WardHead(string name, string email, Subcommittee subcommittee) =>
        new() { Email = email, Name = name, Role = MemberRole.Member, Subcommittees = [subcommittee] };
}
