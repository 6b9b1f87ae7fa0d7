using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Algorithms.Execution;

/// <summary>
/// Tick-to-order latency: for each order request (submit, update, cancel) the wall-clock time from the arrival of the
/// oldest data point of the time step that caused it to the moment LEAN accepted the request, kept for the last
/// <see cref="Capacity"/> requests in a preallocated ring (recording allocates nothing). Quantiles are nearest-rank
/// upper ones (the sample at rank ⌈p·n⌉: never below the true empirical quantile).
/// </summary>
public sealed class TickToOrderLatency
{
    private readonly long[] _ticks;
    private long _count;

    /// <summary>Creates an empty recorder.</summary>
    /// <param name="capacity">Requests kept (≥ 1): the quantiles describe the last <paramref name="capacity"/> requests.</param>
    public TickToOrderLatency(int capacity = 1 << 17)
    {
        _ticks = new long[Guard.Positive(capacity, nameof(capacity))];
    }

    /// <summary>Requests kept.</summary>
    public int Capacity => _ticks.Length;

    /// <summary>Requests recorded since the start (also those no longer kept).</summary>
    public long Count => _count;

    /// <summary>Records one request's latency (a negative one, from clocks out of step, is kept as 0).</summary>
    public void Record(TimeSpan latency)
    {
        _ticks[_count % _ticks.Length] = Math.Max(0, latency.Ticks);
        _count++;
    }

    /// <summary>The nearest-rank upper <paramref name="probability"/> quantile of the kept requests; zero when none.</summary>
    /// <param name="probability">In (0, 1].</param>
    public TimeSpan Quantile(double probability)
    {
        if (!(probability > 0 && probability <= 1))
        {
            throw Guard.Invalid(nameof(probability), $"must be in (0, 1], got {probability}");
        }

        var n = (int)Math.Min(_count, _ticks.Length);
        if (n == 0)
        {
            return TimeSpan.Zero;
        }

        var sorted = _ticks[..n];
        Array.Sort(sorted);
        return TimeSpan.FromTicks(sorted[Math.Max(0, (int)Math.Ceiling((probability * n) - 1e-9) - 1)]);
    }
}
