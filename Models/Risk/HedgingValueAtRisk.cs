using System;
using MathNet.Numerics.Distributions;

namespace Lean.MarketMaking.Models.Risk;

/// <summary>
/// The one parametric VaR formula the hedging code uses, kept in one place: normal, zero-mean P&amp;L of variance σ² per
/// period over h periods (square-root-of-time), VaR_α = z_α·σ·√h with z_α = Φ⁻¹(α) (Jorion 2007, "Value at Risk",
/// §10.2). A positive loss in the P&amp;L's currency.
/// </summary>
internal static class HedgingValueAtRisk
{
    /// <summary>z_α = Φ⁻¹(α).</summary>
    public static double Quantile(double confidence) => Normal.InvCDF(0, 1, confidence);

    /// <summary>z·√(variance)·√h.</summary>
    public static double ValueAtRisk(double variancePerPeriod, double quantile, double horizonPeriods) =>
        quantile * Math.Sqrt(Math.Max(variancePerPeriod, 0.0) * horizonPeriods);

    /// <summary>The largest variance per period whose VaR is within <paramref name="limit"/>: (limit/(z√h))².</summary>
    public static double VarianceLimit(double limit, double quantile, double horizonPeriods)
    {
        var sigma = limit / (quantile * Math.Sqrt(horizonPeriods));
        return sigma * sigma;
    }
}
