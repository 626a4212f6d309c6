namespace Consolidation.Bot.IntegrationTests.Infrastructure;

/// <summary>The ids of tools/playground/.m365agentsplayground.yml (checked against the running Playground by a test).</summary>
public static class PlaygroundIds
{
    public const string TenantId = "6b3c1f0e-2d4a-4c8e-9f71-0a5e3d2c1b90";
    public const string BotId = "28:3f9d2c1a-7b6e-4d5c-8a9b-0c1d2e3f4a5b";
    public const string BotName = "集約化ボット";
    public const string CurrentUserId = "29:1hanako-yamada-secretariat";
    public const string CurrentUserAadId = "9a1e0000-0000-4000-8000-000000000001";
    public const string CurrentUserName = "山田 花子";
    public const string WelfareUserId = "29:1kenichi-sato-welfare";
    public const string WelfareUserAadId = "9a1e0000-0000-4000-8000-000000000002";
    public const string PersonalChatId = "a:1consolidation-personal-chat";
    public const string GroupChatId = "19:consolidation-groupchat@thread.v2";
    public const string TeamId = "19:consolidation-general@thread.tacv2";
    public const string CouncilChannelId = "19:consolidation-council@thread.tacv2";
}
