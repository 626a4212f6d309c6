using Consolidation.Bot.Text;

namespace Consolidation.Bot.Routing.Commands;

/// <summary>Finds the registered command a message starts with; the longest matching phrase wins.</summary>
public sealed class CommandRecognizer
{
    private readonly IReadOnlyList<(string Phrase, string Name)> _phrases;

    public CommandRecognizer(IEnumerable<CommandDefinition> commands)
    {
        _phrases = commands
            .SelectMany(c => c.Phrases.Select(p => (Phrase: TextNormalizer.Normalize(p), c.Name)))
            .Where(p => p.Phrase.Length > 0)
            .OrderByDescending(p => p.Phrase.Length)
            .ToList();
    }

    public CommandMatch? Recognize(string userText)
    {
        var text = TextNormalizer.Normalize(userText);
        if (text.Length == 0)
        {
            return null;
        }

        foreach (var (phrase, name) in _phrases)
        {
            if (text == phrase)
            {
                return new CommandMatch(name, "");
            }

            if (text.StartsWith(phrase + " ", StringComparison.Ordinal))
            {
                return new CommandMatch(name, text[(phrase.Length + 1)..]);
            }
        }

        return null;
    }
}
