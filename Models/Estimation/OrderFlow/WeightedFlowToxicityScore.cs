using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Estimation.OrderFlow;

/// <summary>
/// The default toxicity score: a weighted mean of four components, each mapped to [0, 1] so that larger means more
/// informed flow, T = (w_V·VPIN + w_H·|I_H| + w_E·E + w_P·max(0, P)) / (w_V + w_H + w_E + w_P), with VPIN the volume
/// bucket imbalance (Easley, López de Prado &amp; O'Hara 2012), I_H the Hawkes buy/sell intensity imbalance, E the Hawkes
/// excited fraction (the instant's endogeneity, mean = branching ratio) and P the trade-sign persistence (only positive
/// persistence, runs of same-signed trades, counts). A weighted mean of numbers in [0, 1] lies in [0, 1] and is
/// non-decreasing in each component. The weights are a choice, not an estimate: the default weighs the four equally.
/// Immutable.
/// </summary>
public sealed class WeightedFlowToxicityScore : IFlowToxicityScore
{
    private readonly double _total;

    /// <summary>Creates the score; weights ≥ 0, at least one positive.</summary>
    /// <param name="vpinWeight">w_V, weight of VPIN.</param>
    /// <param name="hawkesImbalanceWeight">w_H, weight of |I_H|.</param>
    /// <param name="excitedFractionWeight">w_E, weight of the excited fraction.</param>
    /// <param name="signPersistenceWeight">w_P, weight of the positive sign persistence.</param>
    public WeightedFlowToxicityScore(double vpinWeight = 1, double hawkesImbalanceWeight = 1, double excitedFractionWeight = 1, double signPersistenceWeight = 1)
    {
        VpinWeight = Guard.NonNegative(vpinWeight, nameof(vpinWeight));
        HawkesImbalanceWeight = Guard.NonNegative(hawkesImbalanceWeight, nameof(hawkesImbalanceWeight));
        ExcitedFractionWeight = Guard.NonNegative(excitedFractionWeight, nameof(excitedFractionWeight));
        SignPersistenceWeight = Guard.NonNegative(signPersistenceWeight, nameof(signPersistenceWeight));
        _total = VpinWeight + HawkesImbalanceWeight + ExcitedFractionWeight + SignPersistenceWeight;
        if (!(_total > 0) || !double.IsFinite(_total))
        {
            throw Guard.Invalid(nameof(vpinWeight), "the weights must be finite and at least one positive");
        }
    }

    /// <summary>w_V.</summary>
    public double VpinWeight { get; }

    /// <summary>w_H.</summary>
    public double HawkesImbalanceWeight { get; }

    /// <summary>w_E.</summary>
    public double ExcitedFractionWeight { get; }

    /// <summary>w_P.</summary>
    public double SignPersistenceWeight { get; }

    /// <inheritdoc />
    public double Score(in FlowToxicityReading reading)
    {
        var sum = (VpinWeight * Math.Clamp(reading.Vpin, 0, 1))
                  + (HawkesImbalanceWeight * Math.Min(1, Math.Abs(reading.HawkesImbalance)))
                  + (ExcitedFractionWeight * Math.Clamp(reading.ExcitedFraction, 0, 1))
                  + (SignPersistenceWeight * Math.Clamp(reading.SignPersistence, 0, 1));
        var score = sum / _total;
        return double.IsFinite(score) ? score : 1;
    }
}
