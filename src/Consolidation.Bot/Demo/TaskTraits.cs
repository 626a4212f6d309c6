using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Demo;

/// <summary>What a demo task's name and record suggest for the screening questions (a plausible guess, not a rule).</summary>
internal sealed record TaskTraits(bool Routine, bool Judgement, bool Event, bool Businesses, bool PaperOrVisit, bool Disaster, bool Clerical)
{
    private static readonly string[] RoutineWords = ["交付", "受付", "入力", "送付", "発送", "収納", "郵送", "発行", "配布", "進達", "登録", "封入", "精算", "支払", "管理", "集計", "点検", "返戻", "還付"];
    private static readonly string[] JudgementWords = ["相談", "訪問", "面接", "調査", "通報", "通告", "虐待", "苦情", "判定", "指導", "調整", "支援", "企画", "折衝", "審査", "措置"];
    private static readonly string[] EventWords = ["開催", "実施", "運営", "啓発", "事業", "育成", "訓練", "推進", "策定"];
    private static readonly string[] BusinessWords = ["法人", "事業者", "事業所", "占用", "許可", "商店", "企業", "特別徴収", "給与支払報告", "償却資産", "屋外広告", "旅館業", "理容", "公衆浴場", "セーフティネット", "作業の届出", "施設の届出", "除去作業"];
    private static readonly string[] VisitWords = ["受付", "交付", "申請", "届"];
    private static readonly string[] DisasterWords = ["防災", "避難", "災害", "津波", "水防", "罹災", "被災", "Jアラート", "国民保護"];
    private static readonly string[] ClericalWords = ["入力", "発行", "送付", "発送", "封入", "郵送", "通知", "収納", "集計"];

    public static TaskTraits Of(TaskDefinition task)
    {
        var name = task.Name;
        return new TaskTraits(
            Routine: Has(name, RoutineWords),
            Judgement: Has(name, JudgementWords),
            Event: Has(name, EventWords),
            Businesses: Has(name, BusinessWords),
            PaperOrVisit: Has(name, VisitWords),
            Disaster: Has(name, DisasterWords),
            Clerical: Has(name, ClericalWords));
    }

    private static bool Has(string name, string[] words) => words.Any(w => name.Contains(w, StringComparison.Ordinal));
}
