using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Estimation.Hawkes;

/// <summary>
/// One observed path of a D-dimensional point process on the window [<see cref="Start"/>, <see cref="End"/>]: for each
/// event type, its sorted event times. Immutable and validated; also keeps the merged event stream (times in order,
/// ties by type index) that the O(N·D) likelihood recursion walks.
/// </summary>
public sealed class HawkesEvents
{
    private readonly ImmutableArray<double>[] _times;

    /// <summary>Events observed on [0, <paramref name="horizon"/>].</summary>
    /// <param name="times">One list of event times per type, in time units, each non-decreasing.</param>
    /// <param name="horizon">Window length T, time units, &gt; 0.</param>
    /// <exception cref="MarketMakingException">
    /// <see cref="MarketMakingErrorKind.InvalidParameters"/> for no types or a bad horizon;
    /// <see cref="MarketMakingErrorKind.InvalidMarketData"/> for a non-finite, out-of-order or out-of-window time.
    /// </exception>
    public HawkesEvents(IReadOnlyList<IReadOnlyList<double>> times, double horizon)
        : this(times, 0.0, horizon)
    {
    }

    /// <summary>Events observed on [<paramref name="start"/>, <paramref name="end"/>].</summary>
    /// <param name="times">One list of event times per type, in time units, each non-decreasing.</param>
    /// <param name="start">Start of the observation window, time units.</param>
    /// <param name="end">End of the observation window, time units, &gt; <paramref name="start"/>.</param>
    /// <exception cref="MarketMakingException">
    /// <see cref="MarketMakingErrorKind.InvalidParameters"/> for no types or a bad window;
    /// <see cref="MarketMakingErrorKind.InvalidMarketData"/> for a non-finite, out-of-order or out-of-window time.
    /// </exception>
    public HawkesEvents(IReadOnlyList<IReadOnlyList<double>> times, double start, double end)
    {
        ArgumentNullException.ThrowIfNull(times);
        Guard.Ordered(start, end, nameof(start), nameof(end));
        if (times.Count == 0)
        {
            throw Guard.Invalid(nameof(times), "must hold one list of event times per dimension");
        }

        Start = start;
        End = end;
        _times = new ImmutableArray<double>[times.Count];
        var total = 0;
        for (var i = 0; i < times.Count; i++)
        {
            _times[i] = Validated(times[i] ?? throw Guard.Invalid($"{nameof(times)}[{i}]", "must not be null"), i, start, end);
            total += _times[i].Length;
        }

        MergedTimes = new double[total];
        MergedTypes = new int[total];
        Merge();
    }

    /// <summary>Number of event types D.</summary>
    public int Dimension => _times.Length;

    /// <summary>Start of the observation window, time units.</summary>
    public double Start { get; }

    /// <summary>End of the observation window, time units.</summary>
    public double End { get; }

    /// <summary>Window length T = <see cref="End"/> − <see cref="Start"/>, time units.</summary>
    public double Horizon => End - Start;

    /// <summary>Total number of events N over all types.</summary>
    public int TotalCount => MergedTimes.Length;

    /// <summary>All event times in order (ties by type index).</summary>
    internal double[] MergedTimes { get; }

    /// <summary>Type of each event in <see cref="MergedTimes"/>.</summary>
    internal int[] MergedTypes { get; }

    /// <summary>Sorted event times of type <paramref name="type"/>.</summary>
    /// <param name="type">Event type, 0 … D−1.</param>
    /// <exception cref="MarketMakingException">InvalidParameters when <paramref name="type"/> is not in [0, D).</exception>
    public ImmutableArray<double> Times(int type) => _times[Type(type)];

    /// <summary>Number of events of type <paramref name="type"/>.</summary>
    /// <param name="type">Event type, 0 … D−1.</param>
    /// <exception cref="MarketMakingException">InvalidParameters when <paramref name="type"/> is not in [0, D).</exception>
    public int Count(int type) => _times[Type(type)].Length;

    private int Type(int type) =>
        (uint)type < (uint)_times.Length ? type : throw Guard.Invalid(nameof(type), $"must be in [0, {_times.Length - 1}], got {type}");

    /// <summary>
    /// The first <paramref name="count"/> events of the merged stream, observed on [<see cref="Start"/>, time of the next
    /// event] (or the whole path when it has no more events).
    /// </summary>
    internal HawkesEvents Prefix(int count)
    {
        if (count >= TotalCount)
        {
            return this;
        }

        var times = new List<double>[Dimension];
        for (var i = 0; i < Dimension; i++)
        {
            times[i] = new List<double>();
        }

        for (var k = 0; k < count; k++)
        {
            times[MergedTypes[k]].Add(MergedTimes[k]);
        }

        var end = MergedTimes[count];
        return new HawkesEvents(times, Start, end > Start ? end : End);
    }

    private static ImmutableArray<double> Validated(IReadOnlyList<double> times, int type, double start, double end)
    {
        var builder = ImmutableArray.CreateBuilder<double>(times.Count);
        var previous = start;
        for (var k = 0; k < times.Count; k++)
        {
            var t = times[k];
            var name = $"times[{type}][{k}]";
            if (!double.IsFinite(t))
            {
                throw new MarketMakingException(MarketMakingErrorKind.InvalidMarketData, $"event time must be finite, got {t}", name);
            }

            if (t < previous)
            {
                throw new MarketMakingException(
                    MarketMakingErrorKind.InvalidMarketData,
                    k == 0 ? $"event time {t} is before the window start {start}" : $"event time {t} is out of order (previous {previous})",
                    name);
            }

            if (t > end)
            {
                throw new MarketMakingException(MarketMakingErrorKind.InvalidMarketData, $"event time {t} is after the window end {end}", name);
            }

            builder.Add(t);
            previous = t;
        }

        return builder.MoveToImmutable();
    }

    private void Merge()
    {
        var d = _times.Length;
        var next = new int[d];
        for (var k = 0; k < MergedTimes.Length; k++)
        {
            var best = -1;
            var bestTime = double.PositiveInfinity;
            for (var i = 0; i < d; i++)
            {
                if (next[i] < _times[i].Length && _times[i][next[i]] < bestTime)
                {
                    best = i;
                    bestTime = _times[i][next[i]];
                }
            }

            MergedTimes[k] = bestTime;
            MergedTypes[k] = best;
            next[best]++;
        }
    }
}
