using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Estimation.Volatility;

/// <summary>
/// Two-scale realised variance (TSRV) of Zhang, Mykland &amp; Aït-Sahalia (2005), "A tale of two time scales:
/// determining integrated volatility with noisy high-frequency data", JASA 100(472), 1394–1411. Observed log-prices
/// Y = X + ε carry i.i.d. noise ε of variance ω², so the all-tick realised variance [Y,Y]^(all) ≈ ∫σ²dt + 2nω² is
/// dominated by noise. TSRV averages the realised variances of K offset sparse subgrids, [Y,Y]^(avg), and removes
/// their noise bias with the all-tick one:
/// ⟨X,X⟩ = [Y,Y]^(avg) − (n̄/n)[Y,Y]^(all), n̄ = (n − K + 1)/K, then applies the small-sample adjustment (1 − n̄/n)⁻¹
/// recommended by the paper. The noise variance is estimated by ω̂² = [Y,Y]^(all)/(2n).
/// </summary>
public static class TwoScaleRealisedVariance
{
    /// <summary>Two-scale realised variance of validated (time, price) ticks with <paramref name="subsamples"/> subgrids.</summary>
    /// <param name="observations">Tick observations (time in seconds, price), in time order.</param>
    /// <param name="subsamples">Number K of subgrids, 2 ≤ K ≤ n/2 where n is the number of returns (see <see cref="OptimalSubsamples"/>).</param>
    /// <exception cref="MarketMakingException">InvalidMarketData for bad observations; InvalidParameters for K out of range;
    /// NumericalInstability when the estimate is negative (noise too large for this K: increase K).</exception>
    public static TwoScaleEstimate Estimate(ReadOnlySpan<PriceObservation> observations, int subsamples)
    {
        var returns = MarketData.LogReturns(observations, out var elapsed);
        var n = returns.Length;
        if (subsamples < 2 || subsamples > n / 2)
        {
            throw Guard.Invalid(nameof(subsamples), $"must be in [2, n/2 = {n / 2}] for n = {n} returns, got {subsamples}");
        }

        var all = RealisedVariance.SumOfSquares(returns);

        // Subgrid k uses the log-prices at k, k+K, k+2K, …; its returns are sums of K consecutive tick returns.
        // A running sum of the last K tick returns gives every K-step return once, so the K subgrids cost O(n).
        var sparseSum = 0.0;
        var window = 0.0;
        for (var i = 0; i < n; i++)
        {
            window += returns[i];
            if (i >= subsamples)
            {
                window -= returns[i - subsamples];
            }

            if (i >= subsamples - 1)
            {
                sparseSum += window * window;
            }
        }

        var averaged = sparseSum / subsamples;
        var nBar = (n - subsamples + 1) / (double)subsamples;
        var tsrv = (averaged - nBar / n * all) / (1 - nBar / n);
        if (!(tsrv >= 0))
        {
            throw new MarketMakingException(
                MarketMakingErrorKind.NumericalInstability,
                $"two-scale estimate is negative ({tsrv}); the noise dominates with K = {subsamples}, use more subsamples",
                nameof(subsamples));
        }

        return new TwoScaleEstimate(new VarianceEstimate(tsrv, elapsed, n), all / (2.0 * n), subsamples, all, averaged);
    }

    /// <summary>
    /// The MSE-optimal number of subgrids K* = (12 ω⁴ n² / (T∫σ⁴dt))^(1/3), i.e. c*·n^(2/3) (Zhang, Mykland &amp;
    /// Aït-Sahalia 2005: it minimises their asymptotic MSE 8nω⁴/K² + (4/3)(K/n)·T∫σ⁴dt), rounded and clamped to [2, n/2]. Plug in pilot estimates: ω² from
    /// <see cref="TwoScaleEstimate.NoiseVariance"/> and T∫σ⁴dt ≈ (∫σ²dt)² when volatility is roughly constant.
    /// </summary>
    /// <param name="returnCount">Number n of tick returns, ≥ 4.</param>
    /// <param name="noiseVariance">Noise variance ω² of ln P, &gt; 0.</param>
    /// <param name="integratedQuarticity">T·∫σ⁴dt over the window (dimensionless), &gt; 0.</param>
    public static int OptimalSubsamples(int returnCount, double noiseVariance, double integratedQuarticity)
    {
        if (returnCount < 4)
        {
            throw Guard.Invalid(nameof(returnCount), $"must be >= 4, got {returnCount}");
        }

        Guard.Positive(noiseVariance, nameof(noiseVariance));
        Guard.Positive(integratedQuarticity, nameof(integratedQuarticity));
        var k = Math.Cbrt(12 * noiseVariance * noiseVariance * (double)returnCount * returnCount / integratedQuarticity);
        return (int)Math.Clamp(Math.Round(k), 2, returnCount / 2);
    }
}
