using System;
using System.Collections.Generic;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Estimation.Jumps;

/// <summary>
/// Batch Lee &amp; Mykland (2008) nonparametric jump test (Review of Financial Studies 21(6): the statistic of Definition 1, the
/// rejection region from the Gumbel limit of Lemma 1; Nunes &amp; Ruas 2024, Finance Research Letters 59, confirm the
/// norming constants for the maximum of folded normals): Lᵢ = rᵢ/σ̂ᵢ with σ̂ᵢ² = (1/(K−2)) Σⱼ₌ᵢ₋ₖ₊₂ⁱ⁻¹ |rⱼ||rⱼ₋₁|; return i is a jump when
/// (|Lᵢ| − C_n)/S_n &gt; β* = −ln(−ln(1 − α)), so that under no jumps the probability of any false detection among the
/// n tested returns tends to α. <see cref="LeeMyklandDetector"/> is the online equivalent.
/// </summary>
public static class LeeMyklandTest
{
    /// <summary>Runs the test on every return that has K − 1 earlier returns.</summary>
    /// <param name="observations">(time in seconds, price) observations in time order.</param>
    /// <param name="parameters">Window K and significance α.</param>
    /// <param name="testCount">n in C_n and S_n; by default the number of tested returns. Pass the number of returns per
    /// period (e.g. per day) to control the false-detection rate per period, as in the paper's applications.</param>
    /// <exception cref="MarketMakingException">InvalidMarketData for bad observations; JumpDetectionFailed with fewer than
    /// K + 1 observations (nothing to test) or a zero local volatility.</exception>
    public static LeeMyklandResult Run(ReadOnlySpan<PriceObservation> observations, LeeMyklandParameters parameters, int? testCount = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var k = parameters.Window;
        if (observations.Length < k + 1)
        {
            throw Failed(nameof(observations), $"needs at least K + 1 = {k + 1} observations, got {observations.Length}");
        }

        if (testCount is < 2)
        {
            throw Guard.Invalid(nameof(testCount), $"must be >= 2, got {testCount}");
        }

        var returns = MarketData.LogReturns(observations, out _);
        var tested = returns.Length - (k - 1);
        var n = testCount ?? Math.Max(2, tested);
        var threshold = parameters.Threshold(n);

        // The K−2 products |r_j||r_{j−1}| before return i, as a sliding window sum re-summed exactly every K−2 additions
        // (the same arithmetic as LeeMyklandDetector): a difference of prefix sums would lose the relative precision of a
        // small local variance after a volatile stretch (catastrophic cancellation).
        var products = new RollingWindowSum(k - 2);
        var statistics = new double[tested];
        var jumps = new List<DetectedJump>();
        for (var i = 1; i < returns.Length; i++)
        {
            if (i >= k - 1)
            {
                var localVariance = products.Sum / products.Capacity;
                if (!(localVariance > 0))
                {
                    throw Failed(nameof(observations), $"zero local volatility before return {i}: the {k - 1} previous returns are (almost all) zero");
                }

                var l = returns[i] / Math.Sqrt(localVariance);
                statistics[i - (k - 1)] = l;
                if (Math.Abs(l) > threshold)
                {
                    jumps.Add(new DetectedJump(i, observations[i + 1].TimeSeconds, returns[i], observations[i + 1].Price - observations[i].Price, l));
                }
            }

            products.Add(Math.Abs(returns[i]) * Math.Abs(returns[i - 1]));
        }

        return new LeeMyklandResult(k - 1, statistics, n, threshold, jumps);
    }

    /// <summary>Builds a <see cref="MarketMakingErrorKind.JumpDetectionFailed"/> exception.</summary>
    internal static MarketMakingException Failed(string name, string why) =>
        new(MarketMakingErrorKind.JumpDetectionFailed, why, name);
}
