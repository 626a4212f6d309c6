using Consolidation.Bot.Domain;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Cards.Questionnaire;

/// <summary>What every task card names about the task: its id, name, subcommittee and bureau.</summary>
public sealed record TaskSummary(string TaskId, string TaskName, string Bureau, Subcommittee Subcommittee)
{
    public static TaskSummary From(TaskDefinition definition) =>
        new(definition.Id, definition.Name, definition.Bureau, definition.Subcommittee);
}
