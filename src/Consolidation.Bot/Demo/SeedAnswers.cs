using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Demo;

/// <summary>Builds one stage's seed answer for a task, consistent with the decision the plan gave it.</summary>
internal static class SeedAnswers
{
    private const int FewCases = 300;

    private static readonly DateOnly[] RevisitDates = [new(2026, 4, 1), new(2026, 10, 1), new(2027, 4, 1)];

    public static MigrationEffect Migration(TaskDefinition task, DemoRandom random)
    {
        var roll = random.NextDouble();
        return task.StandardBusiness is null
            ? roll < 0.8 ? MigrationEffect.None : MigrationEffect.Unknown
            : roll < 0.8 ? MigrationEffect.Changes : roll < 0.9 ? MigrationEffect.Abolishes : MigrationEffect.Unknown;
    }

    public static PreWgAnswer Keep(TaskDefinition task, TaskTraits traits, DemoRandom random)
    {
        var migration = Migration(task, random);
        var routine = traits.Routine || random.Chance(0.75);
        var negotiation = traits.Judgement && random.Chance(0.25);
        var reason = traits.Businesses ? SeedTexts.KeepBusinesses
            : migration is MigrationEffect.Changes && random.Chance(0.5) ? SeedTexts.KeepMigration
            : traits.PaperOrVisit && random.Chance(0.4) ? SeedTexts.KeepPaper
            : task.AnnualCases > 10_000 ? SeedTexts.KeepVolume
            : SeedTexts.KeepRoutine;
        return Screening(task, traits, migration) with { Decision = PreWgDecision.Keep, Routine = routine, HighLevelNegotiation = negotiation, Reason = reason };
    }

    public static PreWgAnswer Exclude(TaskDefinition task, TaskTraits traits, DemoRandom random)
    {
        var migration = Migration(task, random);
        var roll = random.NextDouble();
        var (reason, negotiation) =
            traits.Disaster ? (SeedTexts.ExcludeDisaster, true)
            : traits.Judgement ? (random.Pick(SeedTexts.ExcludeJudgement), true)
            : task.AnnualCases < FewCases ? (SeedTexts.ExcludeFewCases, false)
            : traits.Event ? (SeedTexts.ExcludeLocal, roll < 0.5)
            : migration == MigrationEffect.Abolishes ? (SeedTexts.ExcludeMigration, false)
            : traits.PaperOrVisit ? (SeedTexts.ExcludeFaceToFace, roll < 0.4)
            : (random.Pick(SeedTexts.ExcludeOther), roll < 0.3);
        var plainWork = reason is SeedTexts.ExcludeFewCases or SeedTexts.ExcludeFaceToFace or SeedTexts.ExcludeMigration;
        var routine = traits.Routine && random.Chance(plainWork ? 0.6 : 0.15);
        return Screening(task, traits, migration) with { Decision = PreWgDecision.Exclude, Routine = routine, HighLevelNegotiation = negotiation, Reason = reason };
    }

    public static WgAnswer StudyTarget(TaskDefinition task, TaskTraits traits, DemoRandom random) => new()
    {
        Decision = WgDecision.StudyTarget,
        Destination = DestinationFor(task, traits, random),
        Partial = random.Chance(0.7),
        Issues = random.Chance(0.8) ? random.Pick(SeedTexts.StudyIssues) : null,
    };

    public static WgAnswer NotTarget(DemoRandom random)
    {
        var already = random.Chance(0.4);
        return new WgAnswer
        {
            Decision = WgDecision.NotTarget,
            AlreadyConsolidated = already,
            Issues = already ? SeedTexts.NotTargetAlreadyConsolidated : random.Pick(SeedTexts.NotTargetIssues),
        };
    }

    public static SuitabilityAnswer Done(WgAnswer wg) => new()
    {
        Decision = SuitabilityDecision.Done,
        Reason = wg.Destination switch
        {
            Destination.Bureau => "所管局への集約を実施済み",
            Destination.HubWard => "拠点区での集約処理を実施済み",
            Destination.Outsourcing => "業務委託による集約を実施済み",
            Destination.System => "システム化により区役所での処理が不要となった",
            _ => "集約化等を実施済み",
        },
    };

    public static SuitabilityAnswer Closed(PreWgAnswer preWg, DemoRandom random) => new()
    {
        Decision = SuitabilityDecision.Closed,
        Reason = preWg.MigrationEffect == MigrationEffect.Abolishes ? SeedTexts.ClosedAbolished : random.Pick(SeedTexts.ClosedReasons),
    };

    public static SuitabilityAnswer ContinueLater(TaskDefinition task, DemoRandom random)
    {
        var roll = random.NextDouble();
        var trigger = task.StandardBusiness is not null
            ? roll < 0.9 ? RevisitTrigger.StandardizationBpr : RevisitTrigger.RuleChange
            : roll < 0.3 ? RevisitTrigger.StandardizationBpr : roll < 0.65 ? RevisitTrigger.DxProgress : roll < 0.85 ? RevisitTrigger.RuleChange : RevisitTrigger.Date;
        var date = trigger == RevisitTrigger.Date ? random.Pick(RevisitDates) : (DateOnly?)null;
        return new SuitabilityAnswer
        {
            Decision = SuitabilityDecision.ContinueLater,
            Trigger = trigger,
            RevisitDate = date,
            Reason = trigger switch
            {
                RevisitTrigger.StandardizationBpr => SeedTexts.ContinueBpr,
                RevisitTrigger.RuleChange => SeedTexts.ContinueRule,
                RevisitTrigger.DxProgress => SeedTexts.ContinueDx,
                _ => SeedTexts.ContinueDate,
            },
        };
    }

    private static PreWgAnswer Screening(TaskDefinition task, TaskTraits traits, MigrationEffect migration) => new()
    {
        PaperOrVisit = traits.PaperOrVisit,
        BusinessesServed = traits.Businesses,
        MigrationEffect = migration,
        AnnualCases = task.AnnualCases,
        StaffHours = task.StaffHours,
    };

    private static Destination DestinationFor(TaskDefinition task, TaskTraits traits, DemoRandom random)
    {
        var roll = random.NextDouble();
        return task.Theme switch
        {
            PrecedingTheme.EnclosingSealing => Destination.Outsourcing,
            PrecedingTheme.OfficialRequests => Destination.HubWard,
            PrecedingTheme.ReceivablesManagement => Destination.Bureau,
            _ when traits.Businesses => Destination.Bureau,
            _ when traits.Clerical => roll < 0.5 ? Destination.System : Destination.Outsourcing,
            _ => roll < 0.35 ? Destination.Bureau : roll < 0.6 ? Destination.HubWard : roll < 0.8 ? Destination.Outsourcing : roll < 0.95 ? Destination.System : Destination.Other,
        };
    }
}
