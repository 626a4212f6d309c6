using System.ComponentModel.DataAnnotations;

namespace Consolidation.Bot.Protocol.Inbound;

/// <summary>Turn limits of <c>/api/messages</c> (configuration section <c>Bot:Inbound</c>).</summary>
public sealed class BotInboundOptions
{
    public const string SectionName = "Bot:Inbound";

    /// <summary>
    /// Cancellation deadline of one turn (the processor's token). The Bot Connector gives up after 10–15 s, so
    /// the default is 15 s. Applies to invokes as well: they are not cut off at <see cref="InvokeResponseBudget"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Bot:Inbound:TurnTimeout must be between 1 second and 5 minutes.")]
    public TimeSpan TurnTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Teams expects invoke answers within 5 s; slower invokes are logged as warnings.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:01:00", ErrorMessage = "Bot:Inbound:InvokeResponseBudget must be between 1 millisecond and 1 minute.")]
    public TimeSpan InvokeResponseBudget { get; set; } = TimeSpan.FromSeconds(5);
}
