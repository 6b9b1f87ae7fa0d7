using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Estimation.Jumps;

/// <summary>
/// Settings of the Lee &amp; Mykland (2008) jump test, "Jumps in financial markets: a new nonparametric test and jump
/// dynamics", Review of Financial Studies 21(6), 2535–2563.
/// </summary>
public sealed class LeeMyklandParameters
{
    /// <summary>Creates validated settings.</summary>
    /// <param name="window">Window K ≥ 3 of the paper's Definition 1: return rᵢ is standardised by the bipower estimate
    /// σ̂ᵢ² = (1/(K−2)) Σⱼ₌ᵢ₋ₖ₊₂ⁱ⁻¹ |rⱼ||rⱼ₋₁|, built from the K−1 returns before it (K−2 adjacent products). The paper
    /// recommends K ≈ √(observations per year), see <see cref="RecommendedWindow"/>.</param>
    /// <param name="significance">Significance level α ∈ (0, 1) of the test on the maximum over n returns (e.g. 0.01).</param>
    public LeeMyklandParameters(int window, double significance)
    {
        if (window < 3)
        {
            throw Guard.Invalid(nameof(window), $"must be >= 3, got {window}");
        }

        Window = window;
        Significance = Guard.InRange(significance, 1e-12, 1 - 1e-12, nameof(significance));
        GumbelCriticalValue = -Math.Log(-Math.Log(1 - significance));
    }

    /// <summary>Window K (in observations) of the local volatility estimate.</summary>
    public int Window { get; }

    /// <summary>Significance level α.</summary>
    public double Significance { get; }

    /// <summary>β* = −ln(−ln(1 − α)), the (1 − α)-quantile of the standard Gumbel law (4.6001 for α = 1%, 2.9702 for 5%).</summary>
    public double GumbelCriticalValue { get; }

    /// <summary>
    /// The paper's choice K = ⌈√(observations per year)⌉ (with 252 trading days: 16 for daily, 78 for hourly on a 24-hour
    /// market, 110 for 30-minute, 156 for 15-minute, 270 for 5-minute returns), at least 3.
    /// </summary>
    /// <param name="observationsPerYear">Number of returns per year at the sampling frequency, &gt; 0.</param>
    public static int RecommendedWindow(double observationsPerYear) =>
        Math.Max(3, (int)Math.Ceiling(Math.Sqrt(Guard.Positive(observationsPerYear, nameof(observationsPerYear)))));

    /// <summary>c = E|Z| = √(2/π), the constant of the paper's C_n and S_n.</summary>
    public static double C => Math.Sqrt(2 / Math.PI);

    /// <summary>C_n = √(2 ln n)/c − (ln π + ln ln n)/(2c√(2 ln n)), the centring of max |Lᵢ| over n returns.</summary>
    /// <param name="n">Number of tested returns, ≥ 2.</param>
    public static double Cn(int n)
    {
        var s = SqrtTwoLog(n);
        return s / C - (Math.Log(Math.PI) + Math.Log(Math.Log(n))) / (2 * C * s);
    }

    /// <summary>S_n = 1/(c√(2 ln n)), the scaling of max |Lᵢ| over n returns.</summary>
    /// <param name="n">Number of tested returns, ≥ 2.</param>
    public static double Sn(int n) => 1 / (C * SqrtTwoLog(n));

    /// <summary>The rejection threshold on |Lᵢ| for n tested returns: C_n + S_n·β*.</summary>
    /// <param name="n">Number of tested returns, ≥ 2.</param>
    public double Threshold(int n) => Cn(n) + Sn(n) * GumbelCriticalValue;

    private static double SqrtTwoLog(int n)
    {
        if (n < 2)
        {
            throw Guard.Invalid(nameof(n), $"the number of tested returns must be >= 2, got {n}");
        }

        return Math.Sqrt(2 * Math.Log(n));
    }
}
