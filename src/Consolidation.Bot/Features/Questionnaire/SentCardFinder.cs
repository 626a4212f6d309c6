using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Diagnostics;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Graph;

namespace Consolidation.Bot.Features.Questionnaire;

/// <summary>What the chat shows of a card whose send was claimed and never recorded.</summary>
/// <param name="Known">False when the chat could not be read (no Microsoft Graph, no Entra id, or Graph failed).</param>
/// <param name="MessageId">The card's message id when it is in the chat.</param>
public sealed record SentCardCheck(bool Known, string? MessageId)
{
    public static readonly SentCardCheck Unknown = new(false, null);
}

/// <summary>
/// Before the outbox repeats a send that an instance claimed and never marked sent (it was killed, or lost storage,
/// between Teams accepting the card and recording it), looks in the member's chat through Microsoft Graph for that card.
/// The Bot Connector offers neither an idempotency key nor a way to read a chat back, so without Graph the card is sent
/// again and may arrive twice; with Graph it arrives once.
/// </summary>
public sealed class SentCardFinder(DirectoryGraphAccess directory, ILogger<SentCardFinder> logger)
{
    /// <summary>Clock difference tolerated between this instance and Teams when comparing the claim time with the message's.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(2);

    /// <param name="isTheCard">Recognises the card in a chat message's card JSON.</param>
    /// <param name="taskId">The (first) task of the card, for the log.</param>
    public async Task<SentCardCheck> FindAsync(Member member, Func<string, bool> isTheCard, string taskId, DateTimeOffset claimedAt, CancellationToken cancellationToken)
    {
        if (directory.Graph is not { } graph || string.IsNullOrEmpty(member.AadObjectId))
        {
            return SentCardCheck.Unknown;
        }

        try
        {
            var cards = await graph.RecentCardsInChatAsync(member.AadObjectId, claimedAt - ClockSkew, cancellationToken);
            var found = cards.FirstOrDefault(c => isTheCard(c.CardJson));
            return new SentCardCheck(true, found?.MessageId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A duplicate card is a lesser harm than a card never sent: the caller sends it again.
            Log.SentCardCheckFailed(logger, ex, taskId, member.Email);
            return SentCardCheck.Unknown;
        }
    }
}
