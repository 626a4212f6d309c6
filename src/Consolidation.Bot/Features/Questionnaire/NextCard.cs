using Consolidation.Bot.Cards.Questionnaire;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Review;

namespace Consolidation.Bot.Features.Questionnaire;

/// <summary>
/// The card a member gets next: their first open task on its own questionnaire, or, when that task is in a プレWG window
/// the secretariat opened with the batch card and the member has two or more such tasks, up to
/// <see cref="BatchCardFields.MaxRows"/> of them on one batch card (in the same order as "my tasks").
/// </summary>
public sealed record NextCard(IReadOnlyList<ReviewTask> Tasks, bool IsBatch)
{
    public ReviewTask First => Tasks[0];

    /// <summary>The batch card's task list (as its submit data carries it); null for a single task.</summary>
    public string? BatchValue => IsBatch ? BatchCardFields.TasksValue(Tasks.Select(t => (t.Id, t.State.Version))) : null;

    /// <summary>True when a card read back from the chat (its JSON) is this card.</summary>
    public bool IsTheCard(string cardJson) => IsBatch
        ? PostedQuestionnaireCard.IsBatch(cardJson, BatchValue!)
        : PostedQuestionnaireCard.IsFor(cardJson, First.Id, First.State.Version);

    /// <param name="open">The member's open tasks in order (<see cref="QuestionnaireComposer.OpenTasksOf"/>).</param>
    public static NextCard? For(ReviewSnapshot snapshot, IReadOnlyList<ReviewTask> open)
    {
        if (open.Count == 0)
        {
            return null;
        }

        var batchable = open.Where(t => InBatchWindow(snapshot, t)).Take(BatchCardFields.MaxRows).ToList();
        return batchable.Count >= 2 && batchable[0] == open[0]
            ? new NextCard(batchable, IsBatch: true)
            : new NextCard([open[0]], IsBatch: false);
    }

    private static bool InBatchWindow(ReviewSnapshot snapshot, ReviewTask task) =>
        task.Stage == Stage.PreWg && snapshot.WindowFor(Stage.PreWg, task.Subcommittee) is { IsOpen: true, CardMode: PreWgCardMode.Batch };
}
