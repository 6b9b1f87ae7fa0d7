using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Volatility;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Lean.MarketMaking.Models.Estimation.Jumps;

/// <summary>
/// The Barndorff-Nielsen &amp; Shephard ratio jump test ("Econometrics of testing for jumps in financial economics using
/// bipower variation", J. Financial Econometrics 4(1), 2006) in the max-adjusted form of Huang &amp; Tauchen (2005,
/// "The relative contribution of jumps to total price variance", J. Financial Econometrics 3(4)):
/// z = (1 − BV/RV) / √(θ·(1/n)·max(1, Q/BV²)) with θ = μ₁⁻⁴ + 2μ₁⁻² − 5 = π²/4 + π − 5 ≈ 0.6090 and Q a jump-robust
/// (tripower or quadpower) quarticity, n the number of returns. Without jumps z → N(0, 1); jumps push BV/RV below 1, so
/// the test rejects for large z (one-sided). As in Huang &amp; Tauchen, every multipower sum carries its finite-sample
/// factor n/(n − m + 1): BV = μ₁⁻²·(n/(n − 1))·Σ|rᵢ||rᵢ₋₁| (so E[BV] = E[RV] without jumps, for any n), TP with
/// n/(n − 2), QP with n/(n − 3). <see cref="Volatility.BipowerVariation"/> is the plain BNS (2004) sum without it.
/// </summary>
public static class BnsJumpTest
{
    /// <summary>θ = π²/4 + π − 5 ≈ 0.6090, the asymptotic variance factor of the ratio statistic.</summary>
    public static readonly double Theta = Math.PI * Math.PI / 4 + Math.PI - 5;

    /// <summary>μ₄/₃ = E|Z|^{4/3} = 2^{2/3}·Γ(7/6)/Γ(1/2) ≈ 0.8309.</summary>
    public static readonly double Mu43 = Math.Pow(2, 2.0 / 3) * SpecialFunctions.Gamma(7.0 / 6) / SpecialFunctions.Gamma(0.5);

    /// <summary>Runs the test on (time, price) observations.</summary>
    /// <param name="observations">Observations in time order; at least 5 (four returns) are needed, many more for power.</param>
    /// <param name="significance">Significance level α ∈ (0, 1).</param>
    /// <param name="quarticity">Which jump-robust quarticity to use.</param>
    /// <exception cref="MarketMakingException">InvalidMarketData for bad observations; JumpDetectionFailed with fewer than
    /// four returns or zero realised/bipower variation.</exception>
    public static BnsTestResult Run(ReadOnlySpan<PriceObservation> observations, double significance, QuarticityEstimator quarticity = QuarticityEstimator.Tripower)
    {
        Guard.InRange(significance, 1e-12, 1 - 1e-12, nameof(significance));
        if (observations.Length < 5)
        {
            throw LeeMyklandTest.Failed(nameof(observations), $"needs at least 5 observations, got {observations.Length}");
        }

        var returns = MarketData.LogReturns(observations, out var elapsed);
        var n = returns.Length;
        var rv = Volatility.RealisedVariance.SumOfSquares(returns);
        var bv = Volatility.BipowerVariation.Compute(returns) * n / (n - 1.0);
        if (!(rv > 0) || !(bv > 0))
        {
            throw LeeMyklandTest.Failed(nameof(observations), $"realised variance ({rv}) and bipower variation ({bv}) must be positive");
        }

        var q = quarticity == QuarticityEstimator.Tripower ? Tripower(returns) : Quadpower(returns);
        var z = (1 - bv / rv) / Math.Sqrt(Theta / n * Math.Max(1, q / (bv * bv)));
        var critical = Normal.InvCDF(0, 1, 1 - significance);
        return new BnsTestResult(
            new VarianceEstimate(rv, elapsed, n),
            new VarianceEstimate(bv, elapsed, n),
            q,
            (rv - bv) / rv,
            z,
            1 - Normal.CDF(0, 1, z),
            critical,
            z > critical);
    }

    private static double Tripower(ReadOnlySpan<double> r)
    {
        var n = r.Length;
        var sum = 0.0;
        for (var i = 2; i < n; i++)
        {
            sum += Math.Pow(Math.Abs(r[i] * r[i - 1] * r[i - 2]), 4.0 / 3);
        }

        return n * Math.Pow(Mu43, -3) * n / (n - 2.0) * sum;
    }

    private static double Quadpower(ReadOnlySpan<double> r)
    {
        var n = r.Length;
        var sum = 0.0;
        for (var i = 3; i < n; i++)
        {
            sum += Math.Abs(r[i] * r[i - 1] * r[i - 2] * r[i - 3]);
        }

        return n * Math.Pow(Volatility.BipowerVariation.Mu1, -4) * n / (n - 3.0) * sum;
    }
}
