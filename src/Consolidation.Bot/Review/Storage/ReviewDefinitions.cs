using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Review.Storage;

/// <summary>
/// The task definitions and members of one published generation of a review. A generation is immutable once
/// published (an import writes a new one), so it can be kept in memory and shared by every turn.
/// </summary>
public sealed class ReviewDefinitions
{
    public ReviewDefinitions(IReadOnlyList<TaskDefinition> tasks, IReadOnlyList<Member> members)
    {
        Tasks = tasks;
        Members = members;
        TaskById = tasks.ToDictionary(t => t.Id, StringComparer.Ordinal);
        // A bureau contact's tasks are their bureau's: they give its view at WG (the member-scoped reads include them).
        var contacts = members.Where(m => m.HasRole(MemberRole.Bureau) && m.Bureau is { Length: > 0 })
            .GroupBy(m => BureauViews.Key(m.Bureau)).ToDictionary(g => g.Key, g => g.Select(m => m.Email).ToList());
        TasksByMember = tasks
            .SelectMany(t => t.StageAssignees.Values.Append(t.Assignee).Concat(contacts.Count == 0 ? [] : contacts.GetValueOrDefault(BureauViews.Key(t.Bureau)) ?? [])
                .Distinct(StringComparer.Ordinal).Select(e => (Email: e, Task: t)))
            .GroupBy(x => x.Email, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TaskDefinition>)g.Select(x => x.Task).ToList(), StringComparer.Ordinal);
    }

    /// <summary>In import order.</summary>
    public IReadOnlyList<TaskDefinition> Tasks { get; }

    public IReadOnlyList<Member> Members { get; }

    public IReadOnlyDictionary<string, TaskDefinition> TaskById { get; }

    /// <summary>Tasks by the normalised email of anyone assigned to them in any stage, and of their bureau's contacts.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<TaskDefinition>> TasksByMember { get; }
}
