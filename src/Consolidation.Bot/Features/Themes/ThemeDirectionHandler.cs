using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Questionnaire;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Review.Storage;
using Consolidation.Bot.Routing;
using Consolidation.Bot.Routing.Commands;

namespace Consolidation.Bot.Features.Themes;

/// <summary>
/// <c>方向性 債権管理 {text}</c> / <c>direction receivables {text}</c>: the secretariat records the direction (方向性) a preceding
/// theme has reached; the digest shows the three themes' directions. A new one replaces the earlier one.
/// </summary>
public sealed class ThemeDirectionHandler(IActiveReviewLoader loader, IThemeDirections store, TimeProvider time) : ITurnHandler
{
    public const string CommandName = "themeDirection";
    public const int MaxLength = 500;

    public static readonly CommandDefinition Command = new(CommandName, ["方向性", "先行検討テーマの方向性", "direction"]);

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (await loader.LoadForSecretariatAsync(turn, nameof(Strings.Theme_NotSecretariat), cancellationToken) is not var (context, secretariat))
        {
            return null;
        }

        var arguments = turn.Command?.Arguments.Trim() ?? "";
        var split = arguments.IndexOfAny([' ', '　']);
        var theme = DecisionNames.ParseTheme(split < 0 ? arguments : arguments[..split]);
        var direction = split < 0 ? "" : arguments[(split + 1)..].Trim();
        if (theme is null || direction.Length == 0 || direction.Length > MaxLength)
        {
            await turn.SendTextAsync(turn.Text.Format(nameof(Strings.Theme_Usage), MaxLength), cancellationToken);
            return null;
        }

        await store.SetAsync(context.ReviewId, new ThemeDirection(theme.Value, direction, secretariat.Name, time.GetUtcNow()), cancellationToken);
        await turn.SendTextAsync(turn.Text.Format(nameof(Strings.Theme_Recorded), theme.Value.Name(turn.Text.IsJapanese), direction), cancellationToken);
        return null;
    }
}
