using System;

namespace Lean.MarketMaking.Models.Estimation.Volatility;

/// <summary>
/// Realised variance RV = Σ rᵢ² of the log-returns rᵢ = ln(Pᵢ/Pᵢ₋₁): the standard consistent estimator of the
/// integrated variance ∫σ²dt of a continuous semimartingale (Andersen, Bollerslev, Diebold &amp; Labys 2003;
/// Barndorff-Nielsen &amp; Shephard 2002). With jumps it converges to ∫σ²dt + Σ(jumps)²; with i.i.d. microstructure
/// noise of variance ω² it is biased upwards by 2nω² (Zhang, Mykland &amp; Aït-Sahalia 2005) — use
/// <see cref="TwoScaleRealisedVariance"/> on noisy tick data.
/// </summary>
public static class RealisedVariance
{
    /// <summary>Realised variance of validated (time, price) observations.</summary>
    /// <exception cref="Errors.MarketMakingException">InvalidMarketData for fewer than two observations, a NaN or
    /// non-positive price, out-of-order times, or a window of zero length.</exception>
    public static VarianceEstimate Estimate(ReadOnlySpan<PriceObservation> observations)
    {
        var returns = MarketData.LogReturns(observations, out var elapsed);
        return new VarianceEstimate(SumOfSquares(returns), elapsed, returns.Length);
    }

    /// <summary>Σ rᵢ² of already computed log-returns.</summary>
    internal static double SumOfSquares(ReadOnlySpan<double> returns)
    {
        var sum = 0.0;
        foreach (var r in returns)
        {
            sum += r * r;
        }

        return sum;
    }
}
