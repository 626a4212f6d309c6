using Consolidation.Bot.Cards.Model;
using Consolidation.Bot.Localization;

namespace Consolidation.Bot.Cards;

/// <summary>The list of commands, in the turn's language.</summary>
public static class HelpCard
{
    /// <summary>The status questions help shows (the README lists the same, with more phrasings).</summary>
    public static readonly string[] QuestionKeys =
    [
        nameof(Strings.Help_Question_Overall), nameof(Strings.Help_Question_Subcommittee), nameof(Strings.Help_Question_Stage),
        nameof(Strings.Help_Question_NotAnswered), nameof(Strings.Help_Question_Overdue), nameof(Strings.Help_Question_Task),
        nameof(Strings.Help_Question_MyTasks), nameof(Strings.Help_Question_Revisit), nameof(Strings.Help_Question_Narrowed),
        nameof(Strings.Help_Question_SinceDigest),
    ];

    public static AdaptiveCard Build(BotText text) => new()
    {
        FallbackText = text[nameof(Strings.Help_Title)],
        Body =
        [
            new TextBlock(text[nameof(Strings.Help_Title)]) { Size = TextSize.Large, Weight = TextWeight.Bolder },
            new TextBlock(text[nameof(Strings.Help_Intro)]),
            new FactSet
            {
                Facts =
                [
                    new Fact(text[nameof(Strings.Help_Command_Help)], text[nameof(Strings.Help_Command_Help_Description)]),
                    new Fact(text[nameof(Strings.Help_Command_MyTasks)], text[nameof(Strings.Help_Command_MyTasks_Description)]),
                    new Fact(text[nameof(Strings.Help_Command_OpenStage)], text[nameof(Strings.Help_Command_OpenStage_Description)]),
                    new Fact(text[nameof(Strings.Help_Command_CloseStage)], text[nameof(Strings.Help_Command_CloseStage_Description)]),
                    new Fact(text[nameof(Strings.Help_Command_Digest)], text[nameof(Strings.Help_Command_Digest_Description)]),
                    new Fact(text[nameof(Strings.Help_Command_Remind)], text[nameof(Strings.Help_Command_Remind_Description)]),
                    new Fact(text[nameof(Strings.Help_Command_Reassign)], text[nameof(Strings.Help_Command_Reassign_Description)]),
                    new Fact(text[nameof(Strings.Help_Command_Reopen)], text[nameof(Strings.Help_Command_Reopen_Description)]),
                    new Fact(text[nameof(Strings.Help_Command_Revisit)], text[nameof(Strings.Help_Command_Revisit_Description)]),
                    new Fact(text[nameof(Strings.Help_Command_ThemeDirection)], text[nameof(Strings.Help_Command_ThemeDirection_Description)]),
                    new Fact(text[nameof(Strings.Help_Command_RegisterCouncil)], text[nameof(Strings.Help_Command_RegisterCouncil_Description)]),
                ],
            },
            new TextBlock(text[nameof(Strings.Help_QuestionsTitle)]) { Weight = TextWeight.Bolder, Spacing = Spacing.Medium },
            .. QuestionKeys.Select(k => (CardElement)new TextBlock("・" + text[k]) { Spacing = Spacing.None }),
            new TextBlock(text[nameof(Strings.Help_QuestionsNote)]) { IsSubtle = true, Size = TextSize.Small },
            new TextBlock(text[nameof(Strings.Help_ChannelNote)]) { IsSubtle = true, Size = TextSize.Small },
            new TextBlock(text[nameof(Strings.Help_TabNote)]) { IsSubtle = true, Size = TextSize.Small },
        ],
    };
}
