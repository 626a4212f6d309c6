using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Import;

/// <summary>
/// What an import read. All or nothing: when any error was found, <see cref="Tasks"/> and <see cref="Members"/>
/// are empty and <see cref="IsValid"/> is false, so a caller cannot store half a file by mistake.
/// </summary>
public sealed record ImportResult
{
    public IReadOnlyList<TaskDefinition> Tasks { get; init; } = [];
    public IReadOnlyList<Member> Members { get; init; } = [];
    public IReadOnlyList<ImportError> Errors { get; init; } = [];

    /// <summary>Data rows read from the task file (valid or not), for "n rows, m errors" summaries.</summary>
    public int TaskRowCount { get; init; }

    /// <summary>Data rows read from the member file (valid or not).</summary>
    public int MemberRowCount { get; init; }

    public bool IsValid => Errors.Count == 0;
}
