namespace Consolidation.Bot.Import;

/// <summary>An uploaded or local file: its name (the format comes from the extension) and its bytes.</summary>
public sealed record ImportFile(string Name, byte[] Content);
