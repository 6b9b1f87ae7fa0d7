using System;

namespace Lean.MarketMaking.Models.Estimation.Hawkes;

/// <summary>
/// One-sample Kolmogorov–Smirnov test: the statistic Dₙ = sup|Fₙ − F| and its asymptotic p-value from the Kolmogorov
/// distribution with Stephens' finite-n correction (Stephens 1970, JRSS B 32; Press et al., Numerical Recipes 3rd ed., §14.3.3):
/// P(Dₙ &gt; d) ≈ Q_KS((√n + 0.12 + 0.11/√n)·d), Q_KS(x) = 2·Σ_{k≥1} (−1)^(k−1)·e^(−2k²x²).
/// </summary>
internal static class KolmogorovSmirnov
{
    /// <summary>Dₙ of <paramref name="sample"/> (not modified) against the continuous CDF <paramref name="cdf"/>.</summary>
    public static double Statistic(double[] sample, Func<double, double> cdf)
    {
        var sorted = (double[])sample.Clone();
        Array.Sort(sorted);
        var n = (double)sorted.Length;
        var d = 0.0;
        for (var i = 0; i < sorted.Length; i++)
        {
            var f = cdf(sorted[i]);
            d = Math.Max(d, Math.Max(((i + 1) / n) - f, f - (i / n)));
        }

        return d;
    }

    /// <summary>Asymptotic P(Dₙ &gt; <paramref name="statistic"/>) for a sample of size <paramref name="n"/>.</summary>
    public static double PValue(double statistic, int n)
    {
        var sqrtN = Math.Sqrt(n);
        return KolmogorovSurvival((sqrtN + 0.12 + (0.11 / sqrtN)) * statistic);
    }

    /// <summary>
    /// Q_KS(x) = P(K &gt; x) for the Kolmogorov distribution. For small x the alternating series converges slowly, so the
    /// equivalent theta-function form 1 − (√(2π)/x)·Σ_{k≥1} e^(−(2k−1)²π²/(8x²)) is used below x = 1.18 (Numerical Recipes §6.14).
    /// </summary>
    internal static double KolmogorovSurvival(double x)
    {
        if (x <= 0)
        {
            return 1.0;
        }

        if (x < 1.18)
        {
            var y = Math.Exp(-Math.PI * Math.PI / (8 * x * x));
            var sum = 0.0;
            for (var k = 1; k <= 7; k++)
            {
                var m = (2 * k) - 1;
                sum += Math.Pow(y, m * m);
            }

            return Math.Clamp(1.0 - (Math.Sqrt(2 * Math.PI) / x * sum), 0.0, 1.0);
        }

        var total = 0.0;
        var sign = 1.0;
        for (var k = 1; k <= 100; k++)
        {
            var term = sign * Math.Exp(-2.0 * k * k * x * x);
            total += term;
            if (Math.Abs(term) < 1e-16)
            {
                break;
            }

            sign = -sign;
        }

        return Math.Clamp(2.0 * total, 0.0, 1.0);
    }
}
