using Consolidation.Bot.Features.Status.Understanding;
using Consolidation.Bot.Text;

namespace Consolidation.Bot.Tests.Security;

public class UserTextTests
{
    [Fact]
    public void UserText_HugeMessage_IsCappedBeforeAnyRecognizer()
    {
        var text = "<at>集約化ボット</at> 福祉・健康部会の進捗は？" + new string('あ', 200_000);

        var userText = TextNormalizer.UserText(text);

        Assert.Equal(TextNormalizer.MaxUserTextLength, userText.Length);
        Assert.StartsWith("福祉・健康部会の進捗は？", userText, StringComparison.Ordinal);
        Assert.NotNull(StatusQuestionRecognizer.Recognize(userText, new DateOnly(2026, 12, 1)));
    }

    [Fact]
    public void UserText_ShortMessage_MentionRemovedAndTrimmed() =>
        Assert.Equal("help", TextNormalizer.UserText("<at>Bot</at>  help "));
}
