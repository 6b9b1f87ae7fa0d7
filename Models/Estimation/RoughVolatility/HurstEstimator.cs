using System;
using System.Linq;
using Lean.MarketMaking.Models.Errors;
using MathNet.Numerics;

namespace Lean.MarketMaking.Models.Estimation.RoughVolatility;

/// <summary>
/// Hurst exponent of log-volatility from the scaling of its absolute increments, after Gatheral, Jaisson &amp; Rosenbaum
/// (2018), "Volatility is rough", Quantitative Finance 18(6), §2: the empirical moments
/// m(q, Δ) = (1/(N−Δ)) Σ_t |ln σ_{t+Δ} − ln σ_t|^q behave as m(q, Δ) ∝ Δ^{ζ_q} with ζ_q = qH. For each q the slope ζ_q of
/// ln m(q, Δ) against ln Δ is fitted by least squares (MathNet <see cref="Fit.Line"/>), and H is the least-squares
/// slope through the origin of ζ_q against q. GJR find H ≈ 0.1 on realised-variance proxies of daily volatility.
/// </summary>
public static class HurstEstimator
{
    /// <summary>The moment orders q of GJR's (2018) scaling plots: 0.5, 1, 1.5, 2, 3.</summary>
    public static ReadOnlySpan<double> DefaultMoments => [0.5, 1, 1.5, 2, 3];

    /// <summary>Estimates H from log-volatility sampled on a regular grid, using lags Δ = 1 … <paramref name="maxLag"/> steps.</summary>
    /// <param name="logVolatility">ln σ at equally spaced times (e.g. ½·ln of daily realised variance).</param>
    /// <param name="maxLag">Largest lag in steps, ≥ 2 and at most a tenth of the series length.</param>
    /// <param name="moments">Moment orders q &gt; 0; <see cref="DefaultMoments"/> when empty.</param>
    public static RoughnessEstimate Estimate(ReadOnlySpan<double> logVolatility, int maxLag, ReadOnlySpan<double> moments = default)
    {
        if (maxLag < 2 || maxLag > logVolatility.Length / 10)
        {
            throw Guard.Invalid(nameof(maxLag), $"must be in [2, N/10 = {logVolatility.Length / 10}] for N = {logVolatility.Length}, got {maxLag}");
        }

        var lags = new int[maxLag];
        for (var i = 0; i < maxLag; i++)
        {
            lags[i] = i + 1;
        }

        return Estimate(logVolatility, lags, moments);
    }

    /// <summary>Estimates H from log-volatility sampled on a regular grid, using the given lags.</summary>
    /// <param name="logVolatility">ln σ at equally spaced times, all finite.</param>
    /// <param name="lags">At least two distinct lags Δ ≥ 1 in steps, the largest at most a tenth of the series length
    /// (so every moment averages at least 9N/10 increments).</param>
    /// <param name="moments">Moment orders q &gt; 0; <see cref="DefaultMoments"/> when empty.</param>
    /// <exception cref="MarketMakingException">InvalidParameters for bad inputs; NumericalInstability when a moment is
    /// zero (a constant series has no scaling).</exception>
    public static RoughnessEstimate Estimate(ReadOnlySpan<double> logVolatility, ReadOnlySpan<int> lags, ReadOnlySpan<double> moments = default)
    {
        Guard.AllFinite(logVolatility, nameof(logVolatility));
        if (moments.IsEmpty)
        {
            moments = DefaultMoments;
        }

        if (lags.Length < 2 || lags.ToArray().Distinct().Count() != lags.Length)
        {
            throw Guard.Invalid(nameof(lags), "needs at least two distinct lags");
        }

        foreach (var lag in lags)
        {
            if (lag < 1 || lag > logVolatility.Length / 10)
            {
                throw Guard.Invalid(nameof(lags), $"each lag must be in [1, N/10 = {logVolatility.Length / 10}], got {lag}");
            }
        }

        foreach (var q in moments)
        {
            Guard.Positive(q, nameof(moments));
        }

        var logLags = new double[lags.Length];
        for (var j = 0; j < lags.Length; j++)
        {
            logLags[j] = Math.Log(lags[j]);
        }

        var fits = new MomentScalingFit[moments.Length];
        var logMoments = new double[lags.Length];
        double qZeta = 0, qq = 0;
        for (var k = 0; k < moments.Length; k++)
        {
            var q = moments[k];
            for (var j = 0; j < lags.Length; j++)
            {
                logMoments[j] = Math.Log(AbsoluteMoment(logVolatility, lags[j], q));
            }

            var (intercept, slope, r2) = LeastSquaresLine.Fit(logLags, logMoments);
            fits[k] = new MomentScalingFit(q, slope, intercept, r2);
            qZeta += q * slope;
            qq += q * q;
        }

        return new RoughnessEstimate(qZeta / qq, fits);
    }

    /// <summary>m(q, Δ) = mean over t of |x_{t+Δ} − x_t|^q.</summary>
    private static double AbsoluteMoment(ReadOnlySpan<double> x, int lag, double q)
    {
        var sum = 0.0;
        for (var t = 0; t + lag < x.Length; t++)
        {
            sum += Math.Pow(Math.Abs(x[t + lag] - x[t]), q);
        }

        var m = sum / (x.Length - lag);
        if (!(m > 0) || !double.IsFinite(m))
        {
            throw new MarketMakingException(
                MarketMakingErrorKind.NumericalInstability,
                m > 0
                    ? $"the absolute moment of order {q} at lag {lag} overflows the double range; use smaller moment orders"
                    : $"the absolute moment of order {q} at lag {lag} is zero; the series is constant",
                "logVolatility");
        }

        return m;
    }
}
