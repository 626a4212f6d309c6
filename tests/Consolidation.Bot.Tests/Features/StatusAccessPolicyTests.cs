using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Status;
using Consolidation.Bot.Features.Status.Understanding;

namespace Consolidation.Bot.Tests.Features;

/// <summary>
/// Who may ask what: secretariat and the overall summing-up anything, a lead also their own subcommittee, a member their
/// own tasks and the overall funnel, others nothing but help.
/// </summary>
public class StatusAccessPolicyTests
{
    private static readonly Member Secretariat = new() { Email = "yamada@city.example.jp", Name = "山田", Role = MemberRole.Secretariat, AadObjectId = "aad-1" };
    private static readonly Member WelfareLead = new() { Email = "sato@city.example.jp", Name = "佐藤", Role = MemberRole.Lead, Subcommittees = [Subcommittee.WelfareHealth], AadObjectId = "aad-2" };
    private static readonly Member WelfareMember = WelfareLead with { Role = MemberRole.Member };
    private static readonly Member Overview = new() { Email = "kucho@city.example.jp", Name = "区長会議", Role = MemberRole.Council, AdditionalRoles = [MemberRole.Overview], AadObjectId = "aad-3" };

    private static readonly ReviewTask SatosTask = new(
        new TaskDefinition { Id = "J-0001", Name = "a", Bureau = "b", Subcommittee = Subcommittee.WelfareHealth, Assignee = WelfareLead.Email },
        TaskState.New("J-0001"));

    private static readonly ReviewTask OthersTask = new(
        new TaskDefinition { Id = "J-0002", Name = "c", Bureau = "b", Subcommittee = Subcommittee.ChildrenEducation, Assignee = "suzuki@city.example.jp" },
        TaskState.New("J-0002"));

    private static StatusAccess Check(StatusIntent intent, Member? sender) => StatusAccessPolicy.Check(intent, sender, [SatosTask, OthersTask]);

    [Fact]
    public void Member_AskingAnotherSubcommitteesNonResponders_Refused() =>
        Assert.Equal(StatusAccess.SecretariatOnly, Check(new StatusIntent(StatusIntentKind.NotAnswered, Subcommittee.ChildrenEducation), WelfareLead));

    [Theory]
    [InlineData(StatusIntentKind.NotAnswered)]
    [InlineData(StatusIntentKind.Overdue)]
    [InlineData(StatusIntentKind.Subcommittee)]
    [InlineData(StatusIntentKind.Stage)]
    [InlineData(StatusIntentKind.Revisit)]
    public void Member_BeyondOwnTasksAndFunnel_Refused(StatusIntentKind kind) =>
        Assert.Equal(StatusAccess.SecretariatOnly, Check(new StatusIntent(kind, Subcommittee.WelfareHealth, Stage.PreWg), WelfareMember));

    [Theory]
    [InlineData(StatusIntentKind.NotAnswered)]
    [InlineData(StatusIntentKind.Overdue)]
    [InlineData(StatusIntentKind.Subcommittee)]
    public void Lead_OwnSubcommitteesProgress_Allowed_AnotherOne_Refused(StatusIntentKind kind)
    {
        Assert.Equal(StatusAccess.Allowed, Check(new StatusIntent(kind, Subcommittee.WelfareHealth), WelfareLead));
        Assert.Equal(StatusAccess.SecretariatOnly, Check(new StatusIntent(kind, Subcommittee.ChildrenEducation), WelfareLead));
        Assert.Equal(StatusAccess.SecretariatOnly, Check(new StatusIntent(kind), WelfareLead)); // the whole review: not theirs
    }

    [Theory]
    [InlineData(StatusIntentKind.NotAnswered)]
    [InlineData(StatusIntentKind.Task)]
    [InlineData(StatusIntentKind.Revisit)]
    [InlineData(StatusIntentKind.Stage)]
    public void Overview_AnyQuestion_Allowed(StatusIntentKind kind) =>
        Assert.Equal(StatusAccess.Allowed, Check(new StatusIntent(kind, Subcommittee.ChildrenEducation, TaskId: "J-0002"), Overview));

    [Fact]
    public void Member_OwnTasksOverallFunnelAndOwnTaskRecord_Allowed()
    {
        Assert.Equal(StatusAccess.Allowed, Check(new StatusIntent(StatusIntentKind.MyTasks), WelfareLead));
        Assert.Equal(StatusAccess.Allowed, Check(new StatusIntent(StatusIntentKind.Overall), WelfareLead));
        Assert.Equal(StatusAccess.Allowed, Check(new StatusIntent(StatusIntentKind.Task, TaskId: "j-0001"), WelfareLead));
        Assert.Equal(StatusAccess.SecretariatOnly, Check(new StatusIntent(StatusIntentKind.Task, TaskId: "J-0002"), WelfareLead));
    }

    [Theory]
    [InlineData(StatusIntentKind.NotAnswered)]
    [InlineData(StatusIntentKind.Task)]
    [InlineData(StatusIntentKind.Revisit)]
    [InlineData(StatusIntentKind.Overall)]
    public void Secretariat_Anything_Allowed(StatusIntentKind kind) =>
        Assert.Equal(StatusAccess.Allowed, Check(new StatusIntent(kind, Subcommittee.ChildrenEducation, TaskId: "J-0002"), Secretariat));

    [Fact]
    public void NotAMember_RefusedExceptHelp()
    {
        Assert.Equal(StatusAccess.NotMember, Check(new StatusIntent(StatusIntentKind.Overall), null));
        Assert.Equal(StatusAccess.NotMember, Check(new StatusIntent(StatusIntentKind.MyTasks), null));
        Assert.Equal(StatusAccess.Allowed, Check(new StatusIntent(StatusIntentKind.Help), null));
    }
}
