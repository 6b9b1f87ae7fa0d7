using System.Collections.Immutable;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Estimation.Intensity;

/// <summary>
/// The running counts of a <see cref="TradingIntensityEstimator"/> at one instant: per side and grid depth the
/// (decay-weighted) number of intervals whose trades went beyond it, the interval total, and the interval in progress
/// (its start, the mid it is measured from, the deepest depths so far). <see cref="TradingIntensityEstimator.Restore"/>
/// continues from it exactly: the restored estimator's next A and k are bit-identical to the saved one's.
/// Times are <see cref="System.DateTime.Ticks"/> (<see cref="long.MinValue"/>: none yet); a NaN mid means none yet and
/// a depth of −∞ no trade in the interval yet.
/// </summary>
public sealed record TradingIntensityState
{
    /// <summary>Creates a validated state.</summary>
    /// <param name="bidCounts">Per grid depth, intervals in which sell trades went beyond it (finite, ≥ 0).</param>
    /// <param name="askCounts">Per grid depth, intervals in which buy trades went beyond it (as many as <paramref name="bidCounts"/>).</param>
    /// <param name="intervals">Completed intervals, decay-weighted (≥ 0).</param>
    /// <param name="intervalStartTicks">Start of the interval in progress, ticks.</param>
    /// <param name="lastEventTicks">Time of the last event, ticks.</param>
    /// <param name="mid">Latest mid, price units (NaN: none).</param>
    /// <param name="priorMid">Mid the interval in progress is measured from (NaN: none).</param>
    /// <param name="deepestBid">Deepest sell-trade depth below <paramref name="priorMid"/> in the interval, price units (−∞: none).</param>
    /// <param name="deepestAsk">Deepest buy-trade depth above <paramref name="priorMid"/> in the interval, price units (−∞: none).</param>
    /// <param name="interrupted">Whether a market close was signalled and not yet applied.</param>
    public TradingIntensityState(ImmutableArray<double> bidCounts, ImmutableArray<double> askCounts, double intervals, long intervalStartTicks,
        long lastEventTicks, double mid, double priorMid, double deepestBid, double deepestAsk, bool interrupted)
    {
        if (bidCounts.IsDefaultOrEmpty || askCounts.IsDefault || askCounts.Length != bidCounts.Length)
        {
            throw Guard.Invalid(nameof(bidCounts), "the bid and ask counts must hold one entry per grid depth each");
        }

        for (var j = 0; j < bidCounts.Length; j++)
        {
            Guard.NonNegative(bidCounts[j], $"{nameof(bidCounts)}[{j}]");
            Guard.NonNegative(askCounts[j], $"{nameof(askCounts)}[{j}]");
        }

        BidCounts = bidCounts;
        AskCounts = askCounts;
        Intervals = Guard.NonNegative(intervals, nameof(intervals));
        IntervalStartTicks = intervalStartTicks;
        LastEventTicks = lastEventTicks;
        Mid = double.IsNaN(mid) ? mid : Guard.Positive(mid, nameof(mid));
        PriorMid = double.IsNaN(priorMid) ? priorMid : Guard.Positive(priorMid, nameof(priorMid));
        DeepestBid = double.IsNegativeInfinity(deepestBid) ? deepestBid : Guard.Finite(deepestBid, nameof(deepestBid));
        DeepestAsk = double.IsNegativeInfinity(deepestAsk) ? deepestAsk : Guard.Finite(deepestAsk, nameof(deepestAsk));
        Interrupted = interrupted;
    }

    /// <summary>Per grid depth, intervals in which sell trades went beyond it.</summary>
    public ImmutableArray<double> BidCounts { get; }

    /// <summary>Per grid depth, intervals in which buy trades went beyond it.</summary>
    public ImmutableArray<double> AskCounts { get; }

    /// <summary>Completed intervals, decay-weighted.</summary>
    public double Intervals { get; }

    /// <summary>Start of the interval in progress, ticks (<see cref="long.MinValue"/>: none).</summary>
    public long IntervalStartTicks { get; }

    /// <summary>Time of the last event, ticks (<see cref="long.MinValue"/>: none).</summary>
    public long LastEventTicks { get; }

    /// <summary>Latest mid, price units (NaN: none).</summary>
    public double Mid { get; }

    /// <summary>Mid the interval in progress is measured from (NaN: none).</summary>
    public double PriorMid { get; }

    /// <summary>Deepest sell-trade depth in the interval, price units (−∞: none).</summary>
    public double DeepestBid { get; }

    /// <summary>Deepest buy-trade depth in the interval, price units (−∞: none).</summary>
    public double DeepestAsk { get; }

    /// <summary>Whether a market close was signalled and not yet applied.</summary>
    public bool Interrupted { get; }
}
