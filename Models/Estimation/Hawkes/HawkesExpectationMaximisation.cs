using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Estimation.Hawkes;

/// <summary>
/// Expectation–maximisation refit of the baselines μ and branching ratios α of an exponential-kernel Hawkes process
/// at a fixed decay β (Veen &amp; Schoenberg 2008, "Estimation of space–time branching process models in seismology
/// using an EM-type algorithm", JASA 103(482); multivariate exponential form as in Lewis &amp; Mohler 2011). Each event is
/// attributed to the background (probability μᵢ/λᵢ(t)) or to the earlier events of each type j (αᵢⱼβRⱼ(t)/λᵢ(t)), then
/// μᵢ = Σ_background/T and αᵢⱼ = Σ_attributed to j / Σ_{t_k^j}(1 − e^(−β(T − t_k^j))) maximise the completed likelihood.
/// The likelihood never decreases, and with β fixed the excitations Rⱼ(t) are computed once, so an iteration costs one
/// O(N·D²) pass: a warm-started refit on a trailing window with a capped iteration count has a bounded cost (no line
/// searches, unlike <see cref="HawkesEstimator"/>'s BFGS). Events at the same instant do not excite each other
/// (as in <see cref="HawkesLikelihood"/>).
/// </summary>
public static class HawkesExpectationMaximisation
{
    /// <summary>Refits μ and α on <paramref name="events"/> from <paramref name="start"/>, keeping its β.</summary>
    /// <param name="events">The observed path; its dimension must match <paramref name="start"/>'s.</param>
    /// <param name="start">Starting parameters (typically the previous window's fit); an αᵢⱼ of 0 stays 0.</param>
    /// <param name="maxIterations">Cap on EM iterations, &gt; 0.</param>
    /// <param name="relativeTolerance">Stop when no parameter moves by more than this fraction of itself, &gt; 0.</param>
    /// <returns>The refitted parameters (a baseline of a type with no event is floored at 1e-9 per time unit).</returns>
    /// <exception cref="MarketMakingException">InvalidParameters for mismatched dimensions or bad settings.</exception>
    public static HawkesParameters Refit(HawkesEvents events, HawkesParameters start, int maxIterations, double relativeTolerance = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(start);
        Guard.Positive(maxIterations, nameof(maxIterations));
        Guard.Positive(relativeTolerance, nameof(relativeTolerance));
        var d = start.Dimension;
        if (events.Dimension != d)
        {
            throw Guard.Invalid(nameof(start), $"has dimension {d}, the events have {events.Dimension}");
        }

        var beta = start.Beta;
        var n = events.TotalCount;
        var times = events.MergedTimes;
        var types = events.MergedTypes;

        // βRⱼ(t_k) of every event (strictly earlier events only), and the compensator weights Σ_k (1 − e^(−β(T − t_k^j))).
        var excitation = new double[n * d];
        var exposure = new double[d];
        Span<double> r = d <= 64 ? stackalloc double[d] : new double[d];
        Span<double> ties = d <= 64 ? stackalloc double[d] : new double[d];
        r.Clear();
        ties.Clear();
        var previous = events.Start;
        for (var k = 0; k < n; k++)
        {
            var dt = times[k] - previous;
            if (dt > 0)
            {
                var decay = Math.Exp(-beta * dt);
                for (var j = 0; j < d; j++)
                {
                    r[j] *= decay;
                }

                ties.Clear();
                previous = times[k];
            }

            for (var j = 0; j < d; j++)
            {
                excitation[(k * d) + j] = beta * (r[j] - ties[j]);
            }

            r[types[k]] += 1;
            ties[types[k]] += 1;
            exposure[types[k]] += 1 - Math.Exp(-beta * (events.End - times[k]));
        }

        var mu = start.Mu.AsSpan().ToArray();
        var alpha = start.AlphaToArray();
        var muSum = new double[d];
        var alphaSum = new double[d, d];
        var horizon = events.Horizon;
        for (var iteration = 0; iteration < maxIterations; iteration++)
        {
            Array.Clear(muSum);
            Array.Clear(alphaSum);
            for (var k = 0; k < n; k++)
            {
                var i = types[k];
                var lambda = mu[i];
                for (var j = 0; j < d; j++)
                {
                    lambda += alpha[i, j] * excitation[(k * d) + j];
                }

                var inverse = 1.0 / lambda;
                muSum[i] += mu[i] * inverse;
                for (var j = 0; j < d; j++)
                {
                    alphaSum[i, j] += alpha[i, j] * excitation[(k * d) + j] * inverse;
                }
            }

            var change = 0.0;
            for (var i = 0; i < d; i++)
            {
                var newMu = Math.Max(muSum[i] / horizon, 1e-9);
                change = Math.Max(change, Math.Abs(newMu - mu[i]) / mu[i]);
                mu[i] = newMu;
                for (var j = 0; j < d; j++)
                {
                    var newAlpha = exposure[j] > 0 ? alphaSum[i, j] / exposure[j] : 0.0;
                    if (alpha[i, j] > 0)
                    {
                        change = Math.Max(change, Math.Abs(newAlpha - alpha[i, j]) / alpha[i, j]);
                    }

                    alpha[i, j] = newAlpha;
                }
            }

            if (change <= relativeTolerance)
            {
                break;
            }
        }

        return new HawkesParameters(mu, alpha, beta);
    }
}
