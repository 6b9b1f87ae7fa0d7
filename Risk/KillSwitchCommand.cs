using QuantConnect.Commands;
using QuantConnect.Interfaces;

namespace Lean.MarketMaking.Risk;

/// <summary>
/// LEAN command that kills or re-arms the kill switch of a running algorithm: register it in <c>Initialize</c> with
/// <c>AddCommand&lt;KillSwitchCommand&gt;()</c> (the algorithm implements <see cref="IKillSwitchAlgorithm"/>), then send
/// <c>{"$type": "KillSwitchCommand", "action": "kill", "reason": "..."}</c> (or <c>"action": "rearm"</c>) through LEAN's
/// command channel. Returns false for an algorithm without a kill switch or an unknown action.
/// </summary>
public class KillSwitchCommand : Command
{
    /// <summary>"kill" (default) or "rearm".</summary>
    public string Action { get; set; } = "kill";

    /// <summary>Why the switch is killed (logged, and in the targets' tag).</summary>
    public string? Reason { get; set; }

    /// <inheritdoc />
    public override bool? Run(IAlgorithm algorithm)
    {
        if (algorithm is not IKillSwitchAlgorithm { KillSwitch: { } killSwitch })
        {
            return false;
        }

        switch (Action?.Trim().ToLowerInvariant())
        {
            case "kill":
                killSwitch.Kill(string.IsNullOrWhiteSpace(Reason) ? "manual kill command" : Reason!);
                return true;
            case "rearm":
                killSwitch.Rearm();
                return true;
            default:
                return false;
        }
    }
}
