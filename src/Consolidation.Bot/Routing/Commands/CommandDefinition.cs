namespace Consolidation.Bot.Routing.Commands;

/// <summary>
/// A chat command and the phrases that start it, Japanese and English. A phrase matches the whole normalised
/// message, or its start followed by a space (the rest becomes the arguments).
/// </summary>
public sealed record CommandDefinition(string Name, IReadOnlyList<string> Phrases);

/// <summary>A recognised command and the text after its phrase.</summary>
public sealed record CommandMatch(string Name, string Arguments);
