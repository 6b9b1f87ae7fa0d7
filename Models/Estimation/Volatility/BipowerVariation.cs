using System;

namespace Lean.MarketMaking.Models.Estimation.Volatility;

/// <summary>
/// Realised bipower variation BV = μ₁⁻² Σᵢ₌₂ⁿ |rᵢ||rᵢ₋₁| with μ₁ = E|Z| = √(2/π) (Barndorff-Nielsen &amp; Shephard 2004,
/// "Power and bipower variation with stochastic volatility and jumps", J. Financial Econometrics 2(1), 1–37).
/// It converges to the integrated variance ∫σ²dt with or without finite-activity jumps, so RV − BV estimates the
/// jump part of the quadratic variation.
/// </summary>
public static class BipowerVariation
{
    /// <summary>μ₁ = E|Z| = √(2/π) for Z ~ N(0, 1).</summary>
    public static readonly double Mu1 = Math.Sqrt(2 / Math.PI);

    /// <summary>Bipower variation of validated (time, price) observations (needs at least three).</summary>
    /// <exception cref="Errors.MarketMakingException">InvalidMarketData for fewer than three observations, a NaN or
    /// non-positive price, out-of-order times, or a window of zero length.</exception>
    public static VarianceEstimate Estimate(ReadOnlySpan<PriceObservation> observations)
    {
        if (observations.Length < 3)
        {
            throw MarketData.Invalid(nameof(observations), $"bipower variation needs at least 3 observations, got {observations.Length}");
        }

        var returns = MarketData.LogReturns(observations, out var elapsed);
        return new VarianceEstimate(Compute(returns), elapsed, returns.Length);
    }

    /// <summary>μ₁⁻² Σ |rᵢ||rᵢ₋₁| of already computed log-returns.</summary>
    internal static double Compute(ReadOnlySpan<double> returns) => AdjacentAbsoluteProducts(returns) / (Mu1 * Mu1);

    /// <summary>Σᵢ₌₁ⁿ⁻¹ |rᵢ||rᵢ₋₁|.</summary>
    internal static double AdjacentAbsoluteProducts(ReadOnlySpan<double> returns)
    {
        var sum = 0.0;
        for (var i = 1; i < returns.Length; i++)
        {
            sum += Math.Abs(returns[i]) * Math.Abs(returns[i - 1]);
        }

        return sum;
    }
}
