using System.Collections.Immutable;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Estimation.Hawkes;

/// <summary>
/// The state of a <see cref="HawkesIntensityTracker"/> at one instant: the decayed excitation Rⱼ of each event type at
/// the last event time. <see cref="HawkesIntensityTracker.Restore"/> continues from it exactly (the process parameters
/// are the tracker's own; the fitted ones are saved in <see cref="State.MarketMakingState.OrderFlow"/>).
/// </summary>
public sealed record HawkesTrackerState
{
    /// <summary>Creates a validated state.</summary>
    /// <param name="excitation">Rⱼ per event type (finite, ≥ 0).</param>
    /// <param name="lastTime">Time of the latest event, the tracker's time units.</param>
    public HawkesTrackerState(ImmutableArray<double> excitation, double lastTime)
    {
        if (excitation.IsDefaultOrEmpty)
        {
            throw Guard.Invalid(nameof(excitation), "must hold one entry per event type");
        }

        for (var j = 0; j < excitation.Length; j++)
        {
            Guard.NonNegative(excitation[j], $"{nameof(excitation)}[{j}]");
        }

        Excitation = excitation;
        LastTime = Guard.Finite(lastTime, nameof(lastTime));
    }

    /// <summary>Rⱼ per event type at <see cref="LastTime"/>.</summary>
    public ImmutableArray<double> Excitation { get; }

    /// <summary>Time of the latest event.</summary>
    public double LastTime { get; }
}
