using System.ComponentModel.DataAnnotations;

namespace Consolidation.Bot.SendBudget;

/// <summary>Options of the tenant send budget shared by every instance (section <c>SendBudget</c>).</summary>
public sealed class SendBudgetOptions : IValidatableObject
{
    public const string SectionName = "SendBudget";

    /// <summary>
    /// False keeps the tenant's limit in this process alone (the connector's own window): right only for a single
    /// instance, so the default is on, also for one instance, and scaling out needs no setting.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How late a send may start after its grant; later (a stalled thread), the grant is given up and another asked for.</summary>
    [Range(typeof(TimeSpan), "00:00:00.005", "00:00:01", ErrorMessage = "SendBudget:Tolerance must be between 5 ms and 1 s.")]
    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// How long after its grant a send may reach Teams until its response settles it: the tolerance, the network, a busy
    /// server and the clock difference between instances. Windows are widened by it only for sends not yet settled, so
    /// it costs throughput mostly when another instance's sends are still unsettled.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.005", "00:00:05", ErrorMessage = "SendBudget:ArrivalSpread must be between 5 ms and 5 s.")]
    public TimeSpan ArrivalSpread { get; set; } = TimeSpan.FromMilliseconds(150);

    /// <summary>
    /// How far ahead a grant may be given: a send that cannot start that soon waits for a later round instead of holding
    /// a time decided on what the other sends were then assumed to do (a stalled one may not have arrived yet).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:05", ErrorMessage = "SendBudget:GrantAhead must be between 0 and 5 s.")]
    public TimeSpan GrantAhead { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Grants asked for in one claim (one conditional write of the tenant's row) at most.</summary>
    [Range(1, 64, ErrorMessage = "SendBudget:MaxGrantsPerClaim must be between 1 and 64.")]
    public int MaxGrantsPerClaim { get; set; } = 16;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ArrivalSpread < Tolerance)
        {
            yield return new ValidationResult("SendBudget:ArrivalSpread must be at least SendBudget:Tolerance (a send may start that late).", [nameof(ArrivalSpread)]);
        }
    }
}
