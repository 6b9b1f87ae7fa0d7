using System;
using Lean.MarketMaking.Models.Errors;
using MathNet.Numerics.Distributions;

namespace Lean.MarketMaking.Models.Risk;

/// <summary>
/// Backtests of VaR forecasts against realised P&amp;L. Period t is an exception when its loss exceeds the forecast,
/// −P&amp;Lₜ &gt; VaRₜ (a loss equal to the VaR is not one). With x exceptions in T periods and p = 1 − α:
/// <list type="bullet">
/// <item>Kupiec (1995, "Techniques for verifying the accuracy of risk measurement models", J. Derivatives 3(2)),
/// proportion of failures: LR_POF = −2 ln[(1 − p)^(T−x) pˣ] + 2 ln[(1 − x/T)^(T−x) (x/T)ˣ] ~ χ²(1).</item>
/// <item>Christoffersen (1998, "Evaluating interval forecasts", Int. Economic Review 39(4), §3.2–3.3), independence: with
/// nᵢⱼ the number of periods in state j after a period in state i (1 = exception) over the T − 1 transitions,
/// π₀ = n₀₁/(n₀₀ + n₀₁), π₁ = n₁₁/(n₁₀ + n₁₁), π = (n₀₁ + n₁₁)/(T − 1):
/// LR_ind = −2 ln[(1 − π)^(n₀₀+n₁₀) π^(n₀₁+n₁₁)] + 2 ln[(1 − π₀)^n₀₀ π₀^n₀₁ (1 − π₁)^n₁₀ π₁^n₁₁] ~ χ²(1); conditional
/// coverage LR_cc = LR_POF + LR_ind ~ χ²(2) (Christoffersen's decomposition, with LR_POF on all T periods as is usual).</item>
/// <item>The Basel traffic-light zone of x in T (<see cref="BaselTrafficLight"/>).</item>
/// </list>
/// 0·ln 0 = 0 throughout, so no exception (or all) gives finite statistics; a transition count of zero leaves its π out.
/// </summary>
public static class ValueAtRiskBacktest
{
    /// <summary>Runs the three tests on the forecasts and outcomes.</summary>
    /// <param name="valueAtRiskForecasts">VaRₜ forecast for period t (positive = loss), currency.</param>
    /// <param name="profitAndLoss">Realised P&amp;L of period t (negative = loss), currency.</param>
    /// <param name="confidence">α ∈ (0, 1) of the forecasts.</param>
    /// <exception cref="MarketMakingException">InvalidParameters for empty or mismatched series, non-finite values, α outside (0, 1).</exception>
    public static ValueAtRiskBacktestResult Run(ReadOnlySpan<double> valueAtRiskForecasts, ReadOnlySpan<double> profitAndLoss, double confidence)
    {
        var parameters = new ValueAtRiskParameters(confidence);
        var periods = valueAtRiskForecasts.Length;
        if (periods == 0)
        {
            throw Guard.Invalid(nameof(valueAtRiskForecasts), "must hold at least one forecast");
        }

        if (profitAndLoss.Length != periods)
        {
            throw Guard.Invalid(nameof(profitAndLoss), $"must hold one P&L per forecast ({periods}), got {profitAndLoss.Length}");
        }

        Guard.AllFinite(valueAtRiskForecasts, nameof(valueAtRiskForecasts));
        Guard.AllFinite(profitAndLoss, nameof(profitAndLoss));

        var exceptions = 0;
        int n00 = 0, n01 = 0, n10 = 0, n11 = 0;
        var previous = false;
        for (var t = 0; t < periods; t++)
        {
            var exception = -profitAndLoss[t] > valueAtRiskForecasts[t];
            exceptions += exception ? 1 : 0;
            if (t > 0)
            {
                _ = (previous, exception) switch
                {
                    (false, false) => n00++,
                    (false, true) => n01++,
                    (true, false) => n10++,
                    (true, true) => n11++,
                };
            }

            previous = exception;
        }

        var p = parameters.TailProbability;
        var kupiec = Kupiec(exceptions, periods, p);
        var independence = Independence(n00, n01, n10, n11);
        var coverage = kupiec + independence;
        return new ValueAtRiskBacktestResult(
            periods,
            exceptions,
            periods * p,
            kupiec,
            PValue(kupiec, 1),
            independence,
            PValue(independence, 1),
            coverage,
            PValue(coverage, 2),
            BaselTrafficLight.Zone(exceptions, periods, p));
    }

    /// <summary>LR_POF for x exceptions in T periods at tail probability p.</summary>
    public static double Kupiec(int exceptions, int periods, double tailProbability)
    {
        double x = exceptions, t = periods, p = tailProbability;
        var restricted = XLogY(t - x, 1 - p) + XLogY(x, p);
        var unrestricted = XLogY(t - x, 1 - (x / t)) + XLogY(x, x / t);
        return Math.Max(0, 2 * (unrestricted - restricted));
    }

    /// <summary>LR_ind from the transition counts nᵢⱼ (i = previous, j = current; 1 = exception).</summary>
    public static double Independence(int n00, int n01, int n10, int n11)
    {
        var transitions = n00 + n01 + n10 + n11;
        if (transitions == 0)
        {
            return 0;
        }

        var pi = (double)(n01 + n11) / transitions;
        var pi0 = n00 + n01 > 0 ? (double)n01 / (n00 + n01) : 0;
        var pi1 = n10 + n11 > 0 ? (double)n11 / (n10 + n11) : 0;
        var restricted = XLogY(n00 + n10, 1 - pi) + XLogY(n01 + n11, pi);
        var unrestricted = XLogY(n00, 1 - pi0) + XLogY(n01, pi0) + XLogY(n10, 1 - pi1) + XLogY(n11, pi1);
        return Math.Max(0, 2 * (unrestricted - restricted));
    }

    private static double PValue(double statistic, int degreesOfFreedom) => 1 - ChiSquared.CDF(degreesOfFreedom, statistic);

    /// <summary>x·ln y with 0·ln 0 = 0.</summary>
    private static double XLogY(double x, double y) => x == 0 ? 0 : x * Math.Log(y);
}
