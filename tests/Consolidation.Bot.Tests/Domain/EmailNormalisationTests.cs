using Consolidation.Bot.Domain;

namespace Consolidation.Bot.Tests.Domain;

/// <summary>
/// Emails are normalised once, where a domain value is made (issue 20): every email a member, a definition, a state or
/// an outcome holds is already trimmed and lower-case, so the rest of the code compares ordinally.
/// </summary>
public class EmailNormalisationTests
{
    [Fact]
    public void Member_EmailNormalisedAsItIsSet_AlsoThroughWith()
    {
        var member = new Member { Email = "  Sato.K@City.Example.JP ", Name = "佐藤 健一" };

        Assert.Equal("sato.k@city.example.jp", member.Email);
        Assert.Equal("kita@city.example.jp", (member with { Email = "KITA@city.example.jp" }).Email);
        Assert.Equal(member, new Member { Email = "sato.k@city.example.jp", Name = "佐藤 健一" });
    }

    [Fact]
    public void Definition_AssigneeAndStageAssigneesNormalised()
    {
        var definition = new TaskDefinition
        {
            Id = "J-0001", Name = "事務", Bureau = "福祉局", Subcommittee = Subcommittee.WelfareHealth,
            Assignee = "Ward1@City.Example.JP",
            StageAssignees = new Dictionary<Stage, string> { [Stage.Wg] = " Lead@City.Example.JP" },
        };

        Assert.Equal("ward1@city.example.jp", definition.AssigneeFor(Stage.PreWg));
        Assert.Equal("lead@city.example.jp", definition.AssigneeFor(Stage.Wg));
        Assert.Same(TaskDefinition.NoStageEmails, (definition with { StageAssignees = TaskDefinition.NoStageEmails }).StageAssignees);
    }

    [Fact]
    public void StateReassignmentsAndOutcomeAuthorNormalised_TheAssigneeRuleComparesOrdinally()
    {
        var definition = new TaskDefinition { Id = "J-0001", Name = "事務", Bureau = "福祉局", Subcommittee = Subcommittee.WelfareHealth, Assignee = "ward1@city.example.jp" };
        var state = TaskState.New("J-0001") with { Stage = Stage.PreWg, Reassigned = new Dictionary<Stage, string> { [Stage.PreWg] = "Other@City.Example.JP" } };
        var outcome = new StageOutcome { Answer = new PreWgAnswer { Decision = PreWgDecision.Keep }, AnsweredBy = "Other@City.Example.JP ", AnsweredAt = DateTimeOffset.UnixEpoch };
        var task = new ReviewTask(definition, state);

        Assert.Equal("other@city.example.jp", task.AssigneeFor(Stage.PreWg));
        Assert.Equal("other@city.example.jp", outcome.AnsweredBy);
        Assert.True(task.IsAssignee(Stage.PreWg, " OTHER@city.example.jp"));
        Assert.False(task.IsAssignee(Stage.PreWg, "ward1@city.example.jp"));
    }
}
