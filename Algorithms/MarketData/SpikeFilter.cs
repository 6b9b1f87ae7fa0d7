using System;
using Lean.MarketMaking.Models.Estimation.Volatility;

namespace Lean.MarketMaking.Algorithms.MarketData;

/// <summary>
/// Bad-print filter for one price series, with the threshold in the series' own volatility. A price p at time t is a
/// suspected spike when |ln(p / p_ref)| &gt; max(floor, k·σ̂·√Δt): p_ref is the last accepted price, Δt the seconds since
/// it, σ̂ the exponentially weighted volatility per √second of the accepted log prices
/// (<see cref="EwmaVarianceEstimator"/>; until it rests on 30 returns and <see cref="SpikeFilterSettings.VolatilityHalfLife"/>
/// of data the floor alone decides). A suspected price is accepted as a genuine jump once prices have stayed at its level (within
/// the same threshold of it) for <see cref="SpikeFilterSettings.ConfirmationTime"/>: a jump persists, a bad print
/// reverts, and a ×10 print followed by a ×0.1 one confirms neither. Small moves are accepted one after the other, so a
/// trend never trips it. O(1) state, no allocation, never throws.
/// </summary>
public sealed class SpikeFilter
{
    // σ̂ is used once it rests on this many returns and a half-life of data (one long return is not an estimate)
    private const int MinReturns = 30;

    private readonly EwmaVarianceEstimator _variance;
    private readonly double _warmUpSeconds;
    private DateTime _origin;
    private double _lastSeconds;
    private double _referenceLog;
    private DateTime _referenceTime;
    private bool _hasReference;
    private double _suspectLog;
    private DateTime _suspectSince;
    private bool _hasSuspect;

    /// <summary>Creates the filter; the first positive price it sees becomes the reference.</summary>
    /// <param name="settings">Threshold, volatility half-life and confirmation time.</param>
    public SpikeFilter(SpikeFilterSettings settings)
    {
        Settings = settings ?? throw Models.Errors.Guard.Invalid(nameof(settings), "must not be null");
        _warmUpSeconds = settings.VolatilityHalfLife.TotalSeconds;
        _variance = new EwmaVarianceEstimator(_warmUpSeconds);
    }

    /// <summary>The filter's settings.</summary>
    public SpikeFilterSettings Settings { get; }

    /// <summary>
    /// σ̂: the volatility of the accepted log prices per √second, once it rests on 30 returns and a half-life of data;
    /// NaN before (the floor alone decides then).
    /// </summary>
    public double VolatilityPerSqrtSecond =>
        _variance.Count > MinReturns && _variance.WeightedSeconds >= _warmUpSeconds ? Math.Sqrt(_variance.VariancePerSecond) : double.NaN;

    /// <summary>
    /// True if <paramref name="price"/> (&gt; 0) at <paramref name="time"/> is accepted; false while it is a suspected
    /// spike. Non-positive prices are never accepted and leave the state unchanged (they are another kind of issue); a
    /// time before the reference's counts as no time elapsed.
    /// </summary>
    public bool Accept(decimal price, DateTime time)
    {
        if (price <= 0)
        {
            return false;
        }

        var value = (double)price;
        var log = Math.Log(value);
        if (!_hasReference || Math.Abs(log - _referenceLog) <= Threshold(time - _referenceTime))
        {
            Take(value, log, time);
            return true;
        }

        if (!_hasSuspect || Math.Abs(log - _suspectLog) > Threshold(time - _suspectSince))
        {
            // a new level: its own confirmation clock
            _hasSuspect = true;
            _suspectSince = time;
        }

        _suspectLog = log;
        if (time - _suspectSince < Settings.ConfirmationTime)
        {
            return false;
        }

        // confirmed: the jump's own return counts in σ̂ (volatility clusters after a jump: a wider threshold for a while)
        Take(value, log, time);
        return true;
    }

    /// <summary>
    /// True if <paramref name="market"/> passes the book's own checks (<see cref="QuoteMarket.Validate"/>, no age limit)
    /// and its mid is accepted (<see cref="Accept"/>): the mid an estimator or a markout may use.
    /// </summary>
    public bool AcceptsBook(in QuoteMarket market) =>
        market.Validate(TimeSpan.MaxValue) == MarketDataIssue.None && Accept(market.Mid, market.LocalTime);

    /// <summary>Forgets everything: the next positive price is the reference again.</summary>
    public void Reset()
    {
        _variance.Reset();
        _hasReference = false;
        _hasSuspect = false;
    }

    /// <summary>max(floor, k·σ̂·√Δt) for <paramref name="elapsed"/> since the level compared against.</summary>
    private double Threshold(TimeSpan elapsed)
    {
        var sigma = VolatilityPerSqrtSecond;
        var seconds = Math.Max(0, elapsed.TotalSeconds);
        return double.IsNaN(sigma)
            ? Settings.MinRelativeMove
            : Math.Max(Settings.MinRelativeMove, Settings.MaxMoveInSigmas * sigma * Math.Sqrt(seconds));
    }

    private void Take(double price, double log, DateTime time)
    {
        if (!_hasReference)
        {
            _variance.Reset();
            _origin = time;
            _lastSeconds = 0;
        }

        // the estimator needs non-decreasing times: an earlier stamp counts as no time elapsed
        _lastSeconds = Math.Max(_lastSeconds, (time - _origin).TotalSeconds);
        _variance.Update(_lastSeconds, price);
        _referenceLog = log;
        _referenceTime = time > _referenceTime || !_hasReference ? time : _referenceTime;
        _hasReference = true;
        _hasSuspect = false;
    }
}
