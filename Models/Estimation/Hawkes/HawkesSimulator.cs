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
        var random = new Random(seed);
        var times = new List<double>[d];
        for (var i = 0; i < d; i++)
        {
            times[i] = new List<double>();
        }

        var thinning = new Thinning(parameters, new double[d], new double[d]);
        var t = 0.0;
        var count = 0;
        int type;
        while ((type = thinning.Next(ref t, horizon, random)) >= 0)
        {
            times[type].Add(t);
            if (++count > maxEvents)
            {
                throw Guard.Invalid(nameof(maxEvents), $"the path exceeded {maxEvents} events before T = {horizon} (spectral radius {parameters.SpectralRadius})");
            }
        }

        return new HawkesEvents(times, horizon);
    }

    /// <summary>
    /// Counts the events of one path on (0, <paramref name="horizon"/>] that continues a history: the process starts
    /// from the decayed excitation <paramref name="excitation"/> Rⱼ(0) = Σ_{t_k^j ≤ 0} e^(β·t_k^j) of each type (so
    /// λᵢ(0) = μᵢ + β·Σⱼ αᵢⱼRⱼ(0)) — Ogata's thinning conditional on the past. Adds each type's count to
    /// <paramref name="counts"/>; allocation-free, so Monte Carlo forecasts can call it many times per decision.
    /// </summary>
    /// <param name="parameters">The process.</param>
    /// <param name="excitation">Rⱼ at the start, one per type, each ≥ 0; used as scratch and left decayed to the horizon.</param>
    /// <param name="horizon">Length of the forecast window, time units, &gt; 0.</param>
    /// <param name="random">The generator to draw from.</param>
    /// <param name="counts">Per-type counters to add to (length D).</param>
    /// <param name="maxEvents">Safety cap on the events of this path.</param>
    /// <exception cref="MarketMakingException"><see cref="MarketMakingErrorKind.InvalidParameters"/> for mismatched lengths or when the path exceeds <paramref name="maxEvents"/>.</exception>
    public static void CountContinuation(HawkesParameters parameters, Span<double> excitation, double horizon, Random random, Span<int> counts, int maxEvents = 1_000_000)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(random);
        Guard.Positive(horizon, nameof(horizon));
        var d = parameters.Dimension;
        if (excitation.Length != d || counts.Length != d)
        {
            throw Guard.Invalid(nameof(excitation), $"excitation and counts must have length {d}, got {excitation.Length} and {counts.Length}");
        }

        Span<double> excitedBy = d <= 64 ? stackalloc double[d] : new double[d];
        var thinning = new Thinning(parameters, excitation, excitedBy);
        var t = 0.0;
        var count = 0;
        int type;
        while ((type = thinning.Next(ref t, horizon, random)) >= 0)
        {
            counts[type]++;
            if (++count > maxEvents)
            {
                throw Guard.Invalid(nameof(maxEvents), $"the path exceeded {maxEvents} events before T = {horizon} (spectral radius {parameters.SpectralRadius})");
            }
        }
    }

    /// <summary>One thinning walk: the decayed excitation Rⱼ and the column sums Σᵢ αᵢⱼ that bound the total intensity.</summary>
    private ref struct Thinning
    {
        private readonly HawkesParameters _parameters;
        private readonly Span<double> _r;
        private readonly Span<double> _excitedBy;
        private readonly double _muTotal;

        /// <param name="parameters">The process.</param>
        /// <param name="r">Rⱼ at the start; updated in place.</param>
        /// <param name="excitedBy">Scratch of length D for the column sums.</param>
        public Thinning(HawkesParameters parameters, Span<double> r, Span<double> excitedBy)
        {
            _parameters = parameters;
            _r = r;
            _excitedBy = excitedBy;
            _excitedBy.Clear();
            _muTotal = 0;
            var d = parameters.Dimension;
            for (var i = 0; i < d; i++)
            {
                _muTotal += parameters.Mu[i];
                for (var j = 0; j < d; j++)
                {
                    _excitedBy[j] += parameters.Alpha(i, j);
                }
            }
        }

        /// <summary>Advances <paramref name="t"/> to the next accepted event and returns its type, or −1 past the horizon.</summary>
        public int Next(ref double t, double horizon, Random random)
        {
            var beta = _parameters.Beta;
            while (true)
            {
                var bound = TotalIntensity(_muTotal, _parameters.Beta, _excitedBy, _r);
                var wait = -Math.Log(1.0 - random.NextDouble()) / bound;
                t += wait;
                if (t > horizon)
                {
                    return -1;
                }

                var decay = Math.Exp(-beta * wait);
                for (var j = 0; j < _r.Length; j++)
                {
                    _r[j] *= decay;
                }

                var total = TotalIntensity(_muTotal, _parameters.Beta, _excitedBy, _r);
                var u = random.NextDouble() * bound;
                if (u >= total)
                {
                    continue;
                }

                var type = ChooseType(_parameters, _r, u);
                _r[type] += 1;
                return type;
            }
        }
    }

    private static double TotalIntensity(double muTotal, double beta, ReadOnlySpan<double> excitedBy, ReadOnlySpan<double> r)
    {
        var excitation = 0.0;
        for (var j = 0; j < r.Length; j++)
        {
            excitation += excitedBy[j] * r[j];
        }

        return muTotal + (beta * excitation);
    }

    /// <summary>The type whose cumulative intensity first exceeds <paramref name="u"/> (uniform on [0, λ_total)).</summary>
    private static int ChooseType(HawkesParameters parameters, ReadOnlySpan<double> r, double u)
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
