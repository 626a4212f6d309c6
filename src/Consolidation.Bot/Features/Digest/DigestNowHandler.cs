using Consolidation.Bot.Conversations;
using Consolidation.Bot.Features.Questionnaire;
using Consolidation.Bot.Localization;
using Consolidation.Bot.Protocol.Schema;
using Consolidation.Bot.Routing;
using Consolidation.Bot.Routing.Commands;
using Consolidation.Bot.Scheduling;

namespace Consolidation.Bot.Features.Digest;

/// <summary><c>digest now</c> / <c>ダイジェスト</c>: the secretariat has the digest posted to the council channel now.</summary>
public sealed class DigestNowHandler(IActiveReviewLoader loader, IConversationReferences references, IScheduledRunTrigger trigger) : ITurnHandler
{
    public const string CommandName = "digestNow";

    public static readonly CommandDefinition Command = new(CommandName, ["digest now", "digest", "ダイジェスト", "ダイジェスト送信", "ダイジェストを送信", "進捗ダイジェスト"]);

    public async Task<InvokeResponse?> HandleAsync(TurnContext turn, CancellationToken cancellationToken)
    {
        if (await loader.LoadForSecretariatAsync(turn, nameof(Strings.DigestNow_NotSecretariat), cancellationToken) is not var (_, secretariat))
        {
            return null;
        }

        if (await references.GetCouncilChannelAsync(turn.TenantId, cancellationToken) is null)
        {
            await turn.SendTextAsync(turn.Text[nameof(Strings.Digest_NoCouncil)], cancellationToken);
            return null;
        }

        await trigger.TriggerNowAsync(ScheduleKind.Digest, turn.TenantId, secretariat, cancellationToken);
        await turn.SendTextAsync(turn.Text[nameof(Strings.Digest_Queued)], cancellationToken);
        return null;
    }
}
