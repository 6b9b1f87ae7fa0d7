using System;

namespace Lean.MarketMaking.Models.Risk;

/// <summary>
/// A hedge h (units of each hedge instrument, in the order of <see cref="HedgeProblem.HedgeInstruments"/>) and what it
/// does: the P&amp;L variance per period before and after, its parametric VaR before and after (when computed for a VaR
/// limit), its trading cost, and whether it meets the limit it was computed for.
/// </summary>
public sealed class HedgeResult
{
    private readonly double[] _quantities;

    internal HedgeResult(double[] quantities, double varianceBefore, double varianceAfter, double cost,
        double valueAtRiskBefore = double.NaN, double valueAtRiskAfter = double.NaN, bool meetsLimit = true)
    {
        _quantities = quantities;
        VarianceBefore = varianceBefore;
        VarianceAfter = varianceAfter;
        Cost = cost;
        ValueAtRiskBefore = valueAtRiskBefore;
        ValueAtRiskAfter = valueAtRiskAfter;
        MeetsLimit = meetsLimit;
    }

    /// <summary>h: units to trade in each hedge instrument (signed: + buy).</summary>
    public ReadOnlySpan<double> Quantities => _quantities;

    /// <summary>V(0): P&amp;L variance per period of the positions, currency².</summary>
    public double VarianceBefore { get; }

    /// <summary>V(h): P&amp;L variance per period after the hedge, currency².</summary>
    public double VarianceAfter { get; }

    /// <summary>Trading cost of h (linear costs + square-root impact), currency; 0 when no costs were given.</summary>
    public double Cost { get; }

    /// <summary>Parametric VaR of the positions, currency (NaN when no VaR limit was involved).</summary>
    public double ValueAtRiskBefore { get; }

    /// <summary>Parametric VaR after the hedge, currency (NaN when no VaR limit was involved).</summary>
    public double ValueAtRiskAfter { get; }

    /// <summary>Whether the hedged VaR is within the limit; false when even the minimum-variance hedge exceeds it.</summary>
    public bool MeetsLimit { get; }

    /// <summary>A copy of h.</summary>
    public double[] ToArray() => (double[])_quantities.Clone();
}
