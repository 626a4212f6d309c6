namespace Consolidation.Bot.Cards;

/// <summary>Card action verbs, shared by the card builders and the handlers that the router picks by verb.</summary>
public static class CardVerbs
{
    public const string ShowHelp = "showHelp";

    /// <summary>A member answers a stage's questionnaire (data: task id, card version, stage, and the inputs).</summary>
    public const string SubmitAnswer = "submitAnswer";

    /// <summary>A member answers several プレWG tasks at once on the batch card (data: the tasks with their versions, and the inputs).</summary>
    public const string SubmitBatch = "submitBatch";

    /// <summary>A bureau contact gives the bureau's view on a task at WG (data: task id, round; inputs: the view, the comment).</summary>
    public const string SubmitBureauView = "submitBureauView";

    /// <summary>Universal Actions <c>refresh</c> of a task card (data: task id).</summary>
    public const string RefreshTask = "refreshTask";

    /// <summary>Show the current card of one task (data: task id).</summary>
    public const string ShowTask = "showTask";

    /// <summary>List the member's open tasks.</summary>
    public const string MyTasks = "myTasks";

    /// <summary>Ask a status question chosen on a clarification card (data: <see cref="QuestionKey"/>).</summary>
    public const string AskStatus = "askStatus";

    /// <summary>The data key of <see cref="AskStatus"/>: the question, one reading of an ambiguous one.</summary>
    public const string QuestionKey = "question";
}
