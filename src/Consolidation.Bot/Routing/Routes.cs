namespace Consolidation.Bot.Routing;

/// <summary>Route keys. Each key has exactly one handler; a second registration fails at start-up.</summary>
public static class Routes
{
    public static string ForActivity(string activityType) => "activity:" + activityType;

    public static string ForInvoke(string invokeName) => "invoke:" + invokeName;

    /// <summary>A card action verb, whether it came as <c>Action.Execute</c> or as an <c>Action.Submit</c> message.</summary>
    public static string ForCardVerb(string verb) => "verb:" + verb;

    public static string ForCommand(string command) => "command:" + command;

    /// <summary>A message that no command recognised.</summary>
    public const string UnrecognizedMessage = "message:unrecognized";
}
