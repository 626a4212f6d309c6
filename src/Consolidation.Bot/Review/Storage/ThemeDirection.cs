using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Review.Storage;

/// <summary>A preceding theme's direction (先行検討テーマの方向性), as the digest shows it.</summary>
public sealed record ThemeDirection(PrecedingTheme Theme, string Direction, string By, DateTimeOffset At);
