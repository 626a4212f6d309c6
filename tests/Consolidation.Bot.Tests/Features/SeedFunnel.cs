using Consolidation.Bot.Demo;
using Consolidation.Bot.Features.Status;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Tests.Features;

/// <summary>The seed-funnel review the status tests answer over, on one day, with its Japanese answers (built once).</summary>
internal static class SeedFunnel
{
    public static readonly DateTimeOffset Now = new(2026, 12, 9, 3, 0, 0, TimeSpan.Zero);
    public static readonly DateOnly Today = new(2026, 12, 9);

    private static readonly Lazy<Consolidation.Bot.Review.ReviewSnapshot> Seed = new(() => SeedFunnelReview.Snapshot(Now));

    public static Consolidation.Bot.Review.ReviewSnapshot Snapshot => Seed.Value;

    public static StatusAnswers Answers => new(Snapshot, Now, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"), new BotText(BotCultures.Japanese));
}
