using System;
using System.Collections.Generic;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Estimation.Hawkes;

/// <summary>
/// Exact simulation of a multivariate exponential-kernel Hawkes process by Ogata's thinning (Ogata 1981, "On Lewis'
/// simulation method for point processes", IEEE Trans. Information Theory 27(1), the multivariate thinning algorithm): between events the total
/// intensity only decays, so its value just after the current time bounds it until the next event; candidates are
/// drawn at that rate, accepted with probability λ(t)/bound, and the accepted event's type is drawn in proportion to
/// λᵢ(t). O(N·D) with the same decayed state Rⱼ as <see cref="HawkesLikelihood"/>. Seeded: the same seed gives the same path.
/// </summary>
public static class HawkesSimulator
{
    /// <summary>Simulates one path on [0, <paramref name="horizon"/>], starting empty (no events before 0).</summary>
    /// <param name="parameters">The process.</param>
    /// <param name="horizon">Window length T, time units, &gt; 0.</param>
    /// <param name="seed">Seed of the pseudo-random generator.</param>
    /// <param name="maxEvents">Safety cap on the number of events (a non-stationary process explodes).</param>
    /// <exception cref="MarketMakingException"><see cref="MarketMakingErrorKind.InvalidParameters"/> for a bad horizon or when the path exceeds <paramref name="maxEvents"/>.</exception>
    public static HawkesEvents Simulate(HawkesParameters parameters, double horizon, int seed, int maxEvents = 50_000_000)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Guard.Positive(horizon, nameof(horizon));
        Guard.Positive(maxEvents, nameof(maxEvents));
        var d = parameters.Dimension;
        var beta = parameters.Beta;
        var random = new Random(seed);
        var times = new List<double>[d];
        var r = new double[d];
        var excitedBy = new double[d];
        double muTotal = 0;
        for (var i = 0; i < d; i++)
        {
            times[i] = new List<double>();
            muTotal += parameters.Mu[i];
            for (var j = 0; j < d; j++)
            {
                excitedBy[j] += parameters.Alpha(i, j);
            }
        }

        var t = 0.0;
        var count = 0;
        while (true)
        {
            var bound = TotalIntensity(muTotal, beta, excitedBy, r);
            var wait = -Math.Log(1.0 - random.NextDouble()) / bound;
            t += wait;
            if (t > horizon)
            {
                break;
            }

            var decay = Math.Exp(-beta * wait);
            for (var j = 0; j < d; j++)
            {
                r[j] *= decay;
            }

            var total = TotalIntensity(muTotal, beta, excitedBy, r);
            var u = random.NextDouble() * bound;
            if (u >= total)
            {
                continue;
            }

            var type = ChooseType(parameters, r, u);
            times[type].Add(t);
            r[type] += 1;
            if (++count > maxEvents)
            {
                throw Guard.Invalid(nameof(maxEvents), $"the path exceeded {maxEvents} events before T = {horizon} (spectral radius {parameters.SpectralRadius})");
            }
        }

        return new HawkesEvents(times, horizon);
    }

    private static double TotalIntensity(double muTotal, double beta, double[] excitedBy, double[] r)
    {
        var excitation = 0.0;
        for (var j = 0; j < r.Length; j++)
        {
            excitation += excitedBy[j] * r[j];
        }

        return muTotal + (beta * excitation);
    }

    /// <summary>The type whose cumulative intensity first exceeds <paramref name="u"/> (uniform on [0, λ_total)).</summary>
    private static int ChooseType(HawkesParameters parameters, double[] r, double u)
    {
        var d = r.Length;
        var cumulative = 0.0;
        for (var i = 0; i < d - 1; i++)
        {
            var excitation = 0.0;
            for (var j = 0; j < d; j++)
            {
                excitation += parameters.Alpha(i, j) * r[j];
            }

            cumulative += parameters.Mu[i] + (parameters.Beta * excitation);
            if (u < cumulative)
            {
                return i;
            }
        }

        return d - 1;
    }
}
