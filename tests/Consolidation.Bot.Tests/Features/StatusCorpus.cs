using System.Globalization;
using Consolidation.Bot.Domain;
using Consolidation.Bot.Features.Status.Understanding;
using Consolidation.Bot.Tests.Localization;

namespace Consolidation.Bot.Tests.Features;

/// <summary>One line of <c>StatusCorpus.tsv</c>: a phrasing, the reading it must get and a figure its answer must hold.</summary>
public sealed record StatusCorpusRow(string Split, string Phrasing, string Kind, string Subcommittee, string Stage, string Outcome,
    string List, string Compare, string Task, string Deadlines, string Figure, string Bureau, string Destination);

/// <summary>Reads the corpus file and checks one row against the recognizer and, for a figure, the answer on the seed funnel.</summary>
public static class StatusCorpus
{

    public static IReadOnlyList<StatusCorpusRow> Rows { get; } = File.ReadAllLines(RepoFile.PathOf("tests", "Consolidation.Bot.Tests", "Features", "StatusCorpus.tsv"))
        .Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("split\t", StringComparison.Ordinal))
        .Select(l => l.Split('\t'))
        .Select(f => new StatusCorpusRow(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], f[9], f[10], f.Length > 11 ? f[11] : "", f.Length > 12 ? f[12] : ""))
        .ToList();

    /// <summary>Null when the row holds; otherwise what differs.</summary>
    public static string? Check(StatusCorpusRow row, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(row);
        var read = StatusQuestionRecognizer.Recognize(row.Phrasing, today);
        if (read is null)
        {
            return "not understood";
        }

        var expected = Expected(row, today);
        var differences = new List<string>();
        void Compare<T>(string name, T want, T got)
        {
            if (!EqualityComparer<T>.Default.Equals(want, got))
            {
                differences.Add($"{name} {got} (want {want})");
            }
        }

        Compare("kind", expected.Kind, read.Kind);
        Compare("subcommittee", expected.Subcommittee, read.Subcommittee);
        Compare("candidates", string.Join("|", expected.Candidates ?? []), string.Join("|", (read.Candidates ?? []).Order()));
        Compare("stage", expected.Stage, read.Stage);
        Compare("outcome", expected.Outcome, read.Outcome);
        Compare("list", expected.List, read.List);
        Compare("compare", expected.Compare, read.Compare);
        Compare("task", expected.TaskId, read.TaskId);
        Compare("name", expected.NameFragment, read.NameFragment);
        Compare("deadlines", expected.Deadlines, read.Deadlines);
        Compare("bureau", expected.Bureau, read.Bureau);
        Compare("destination", expected.Destination, read.Destination);
        if (differences.Count == 0 && row.Figure.Length > 0 && !AnswerText(read).Contains(row.Figure, StringComparison.Ordinal))
        {
            differences.Add($"answer without 「{row.Figure}」");
        }

        return differences.Count == 0 ? null : string.Join("; ", differences);
    }

    private static StatusIntent Expected(StatusCorpusRow row, DateOnly today)
    {
        var subcommittees = row.Subcommittee.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(Letter).Order().ToList();
        return new StatusIntent(
            Enum.Parse<StatusIntentKind>(row.Kind),
            subcommittees.Count == 1 ? subcommittees[0] : null,
            row.Stage.Length == 0 ? null : Enum.Parse<Stage>(row.Stage),
            row.Task.Length == 0 || row.Task.StartsWith("name:", StringComparison.Ordinal) ? null : row.Task,
            row.Task.StartsWith("name:", StringComparison.Ordinal) ? row.Task["name:".Length..] : null,
            Deadlines(row.Deadlines, today),
            row.Outcome.Length == 0 ? null : Enum.Parse<FunnelOutcome>(row.Outcome),
            row.List == "yes",
            subcommittees.Count > 1 ? subcommittees : null,
            row.Compare.Length == 0 ? null : Enum.Parse<CompareKind>(row.Compare),
            row.Bureau.Length == 0 ? null : row.Bureau,
            row.Destination.Length == 0 ? null : Enum.Parse<Destination>(row.Destination));
    }

    private static Subcommittee Letter(string letter) => letter switch
    {
        "W" => Bot.Domain.Subcommittee.WelfareHealth,
        "C" => Bot.Domain.Subcommittee.ChildrenEducation,
        "P" => Bot.Domain.Subcommittee.PersonnelFinance,
        "L" => Bot.Domain.Subcommittee.LivingSafety,
        "T" => Bot.Domain.Subcommittee.TownDevelopment,
        _ => throw new FormatException($"unknown subcommittee letter {letter}"),
    };

    private static DateRange? Deadlines(string text, DateOnly today)
    {
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return text switch
        {
            "" => null,
            "this-week" => new DateRange(monday, monday.AddDays(6)),
            "next-week" => new DateRange(monday.AddDays(7), monday.AddDays(13)),
            _ when text.StartsWith("until:", StringComparison.Ordinal) => new DateRange(today, DateOnly.ParseExact(text["until:".Length..], "yyyy-MM-dd", CultureInfo.InvariantCulture)),
            _ => throw new FormatException($"unknown deadlines {text}"),
        };
    }

    public static string DebugAnswer(StatusCorpusRow row) => AnswerText(Expected(row, SeedFunnel.Today));

    /// <summary>Everything the answer card says, on the seed-funnel review, in Japanese.</summary>
    private static string AnswerText(StatusIntent intent)
    {
        var answers = SeedFunnel.Answers;
        var model = intent switch
        {
            // As the handler answers a task (its history read from storage: none here) or a task named by part of its name.
            { Kind: StatusIntentKind.Task, TaskId: { } id } => answers.Task(id, []),
            { Kind: StatusIntentKind.Task, NameFragment: { } fragment } => answers.FindByName(fragment) is { Count: > 0 } found
                ? found.Count == 1 ? answers.Task(found[0].Id, []) : answers.Matches(fragment, found)
                : null,
            _ => answers.Compose(intent),
        };
        if (model is null)
        {
            return "";
        }

        return string.Join("\n", new[] { model.Title, model.ListTitle ?? "", model.Note ?? "" }
            .Concat(model.Figures.Select(f => f.Title + " " + f.Value)).Concat(model.List));
    }
}
