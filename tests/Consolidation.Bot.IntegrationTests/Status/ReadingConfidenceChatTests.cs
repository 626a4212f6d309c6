using Consolidation.Bot.Domain;
using Consolidation.Bot.IntegrationTests.Infrastructure;

namespace Consolidation.Bot.IntegrationTests.Status;

/// <summary>
/// A reading's confidence reaches the asker, against the real bot (in-process), Azurite and a loopback connector: a
/// subcommittee read past a typo is answered with what it was read as, first; typos near two subcommittees are asked back.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReadingConfidenceChatTests(AzuriteFixture azurite)
{
    private const string Tenant = "6b3c1f0e-2d4a-4c8e-9f71-0a5e3d2c1b90";
    private const string BotId = "28:reading-bot";
    private static readonly Member Secretariat = new() { Email = "sec@city.example.jp", Name = "事務局 一郎", Role = MemberRole.Secretariat, AadObjectId = "aad-sec" };
    private static readonly Member Kita = new() { Email = "kita@city.example.jp", Name = "北 区長", Role = MemberRole.Member, Subcommittees = [Subcommittee.WelfareHealth], AadObjectId = "aad-kita" };

    [Theory]
    [InlineData("how is welfair doing?", "部会名を「福祉・健康部会」と読みました", "福祉・健康部会の進捗")]
    [InlineData("how are welfair and persnnel doing?", "askStatus", "人事・財政部会の進捗は？")]
    [InlineData("福祉・健康部会の進捗は？", "福祉・健康部会の進捗", "福祉・健康部会の進捗")]
    public async Task TheAnswerSaysHowSureItIs(string question, string expected, string alsoExpected)
    {
        await using var env = await InProcessBot.StartChatBotAsync(azurite, Tenant);
        var chat = new ChatReview(env, Tenant, BotId);
        await chat.SeedAsync("reading", "読み取り", [new TaskDefinition { Id = "J-0001", Name = "事務J-0001", Bureau = "福祉局", Subcommittee = Subcommittee.WelfareHealth, Assignee = Kita.Email }], [Secretariat, Kita]);

        await env.PostAsync(chat.Message(Secretariat, question));

        var reply = await env.WaitForAsync(d => d.ConversationId == "a:aad-sec");
        var card = System.Text.Json.Nodes.JsonNode.Parse(reply.Activity["attachments"]!.ToJsonString())!.ToJsonString(Json.Readable);
        Assert.Contains(expected, card, StringComparison.Ordinal);
        Assert.Contains(alsoExpected, card, StringComparison.Ordinal);
        Assert.Equal(question.StartsWith("how is welfair", StringComparison.Ordinal), card.Contains("と読みました", StringComparison.Ordinal));
    }
}
