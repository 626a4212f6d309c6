namespace Consolidation.Bot.Protocol.Inbound;

/// <summary>Turn limits of <c>/api/messages</c> (configuration section <c>Bot:Inbound</c>).</summary>
public sealed class BotInboundOptions
{
    public const string SectionName = "Bot:Inbound";

    /// <summary>
    /// Cancellation deadline of one turn (the processor's token). The Bot Connector gives up after 10–15 s, so
    /// the default is 15 s. Applies to invokes as well: they are not cut off at <see cref="InvokeResponseBudget"/>.
    /// </summary>
    public TimeSpan TurnTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Teams expects invoke answers within 5 s; slower invokes are logged as warnings.</summary>
    public TimeSpan InvokeResponseBudget { get; set; } = TimeSpan.FromSeconds(5);
}
