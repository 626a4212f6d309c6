using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Review;
using Consolidation.Bot.Review.Storage;

namespace Consolidation.Bot.Features.Questionnaire;

/// <summary>Which card a member gets next.</summary>
public enum NextCardKind
{
    /// <summary>One task's questionnaire for its assignee.</summary>
    Task,

    /// <summary>Up to ten プレWG tasks on one batch card (rough selection).</summary>
    Batch,

    /// <summary>One task's bureau view at WG, for a contact of its bureau.</summary>
    BureauView,
}

/// <summary>
/// The card a member gets next: their first open task on its own questionnaire, or, when that task is in a プレWG window
/// the secretariat opened with the batch card and the member has two or more such tasks, up to
/// <see cref="BatchCardFields.MaxRows"/> of them on one batch card (in the same order as "my tasks"); a bureau contact
/// with nothing of their own to answer gets the next task waiting for their bureau's view.
/// </summary>
public sealed record NextCard(IReadOnlyList<ReviewTask> Tasks, NextCardKind Kind)
{
    /// <summary>The cursor's <see cref="MemberCursorEntity.Kind"/> for a bureau view card.</summary>
    public const string BureauKind = "bureau";

    public ReviewTask First => Tasks[0];

    public bool IsBatch => Kind == NextCardKind.Batch;

    /// <summary>The batch card's task list (as its submit data carries it); null for a single task.</summary>
    public string? BatchValue => IsBatch ? BatchCardFields.TasksValue(Tasks.Select(t => (t.Id, t.State.Version))) : null;

    /// <summary>True when a card read back from the chat (its JSON) is this card.</summary>
    public bool IsTheCard(string cardJson) => Kind switch
    {
        NextCardKind.Batch => PostedQuestionnaireCard.IsBatch(cardJson, BatchValue!),
        NextCardKind.BureauView => PostedQuestionnaireCard.IsBureauView(cardJson, First.Id, First.State.Round),
        _ => PostedQuestionnaireCard.IsFor(cardJson, First.Id, First.State.Version),
    };

    /// <param name="open">The member's open tasks in order (<see cref="QuestionnaireComposer.OpenTasksOf"/>).</param>
    /// <param name="awaitingView">The tasks waiting for the member's bureau view (<see cref="ReviewQueries.AwaitingBureauView"/>).</param>
    public static NextCard? For(ReviewSnapshot snapshot, IReadOnlyList<ReviewTask> open, IReadOnlyList<ReviewTask>? awaitingView = null)
    {
        if (open.Count == 0)
        {
            return awaitingView is { Count: > 0 } ? new NextCard([awaitingView[0]], NextCardKind.BureauView) : null;
        }

        var batchable = open.Where(t => InBatchWindow(snapshot, t)).Take(BatchCardFields.MaxRows).ToList();
        return batchable.Count >= 2 && batchable[0] == open[0]
            ? new NextCard(batchable, NextCardKind.Batch)
            : new NextCard([open[0]], NextCardKind.Task);
    }

    private static bool InBatchWindow(ReviewSnapshot snapshot, ReviewTask task) =>
        task.Stage == Stage.PreWg && snapshot.WindowFor(Stage.PreWg, task.Subcommittee) is { IsOpen: true, CardMode: PreWgCardMode.Batch };
}
