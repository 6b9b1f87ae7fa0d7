using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Lean.MarketMaking.Models.Estimation.OrderFlow;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Estimation.Intensity;

/// <summary>
/// Online estimate of the fill intensity λ(δ) = A·e^(−kδ) of each side of the book from trades and the mid price,
/// after hftbacktest's calibration (nkaz001/hftbacktest, GLFT market-making tutorial): time is cut into intervals of
/// Δt; in each interval the deepest depth that buy (sell) trades reached beyond the mid prevailing at the interval's
/// start is recorded; a quote resting at grid depth δⱼ would have been filled in that interval when the deepest depth
/// went strictly beyond δⱼ (as in hftbacktest, a quote at the trade price itself is not counted: its queue position is
/// unknown), so the fraction p̂ⱼ of intervals that passed δⱼ estimates P(fill within Δt) = 1 − e^(−λ(δⱼ)Δt).
/// λ̂ⱼ = −ln(1 − p̂ⱼ)/Δt inverts it exactly for Poisson arrivals (hftbacktest's count/elapsed-time p̂ⱼ/Δt, available
/// through <see cref="TradingIntensityOptions.PoissonInversion"/>, is its first-order form, biased low once λΔt is not
/// small); ln λ̂ⱼ = ln A − kδⱼ is then fitted by least squares over the near-touch grid.
/// Memory is bounded by the grid; counts can be forgotten exponentially (half-life). Updates allocate nothing.
/// Time is the caller's: give it open-market time and call <see cref="Interrupt"/> at each market close, so that closed
/// time is not exposure and no depth is measured from the mid before the close; a pause longer than
/// <see cref="TradingIntensityOptions.SessionGapSeconds"/> is not counted either way. Not thread-safe.
/// </summary>
public sealed class TradingIntensityEstimator
{
    private readonly TradingIntensityOptions _options;
    private readonly long _intervalTicks;
    private readonly long _sessionGapTicks;
    private readonly double _decayPerInterval;
    private readonly double[] _bidCounts;
    private readonly double[] _askCounts;
    private double _intervals;
    private long _intervalStart = long.MinValue;
    private long _lastEvent = long.MinValue;
    private double _mid = double.NaN;
    private double _priorMid = double.NaN;
    private double _deepestBid = double.NegativeInfinity;
    private double _deepestAsk = double.NegativeInfinity;
    private bool _interrupted;

    /// <summary>Creates an empty estimator.</summary>
    public TradingIntensityEstimator(TradingIntensityOptions options)
    {
        _options = options ?? throw Guard.Invalid(nameof(options), "must not be null");
        _intervalTicks = Math.Max(1, (long)Math.Round(options.IntervalSeconds * TimeSpan.TicksPerSecond));
        _sessionGapTicks = (long)Math.Round(options.SessionGapSeconds * TimeSpan.TicksPerSecond);
        _decayPerInterval = Math.Pow(2.0, -options.IntervalSeconds / options.HalfLifeSeconds);
        _bidCounts = new double[options.DepthLevels];
        _askCounts = new double[options.DepthLevels];
    }

    /// <summary>The settings.</summary>
    public TradingIntensityOptions Options => _options;

    /// <summary>Completed intervals counted so far (decay-weighted).</summary>
    public double Intervals => _intervals;

    /// <summary>Records a new mid price (e.g. from a quote update) at <paramref name="time"/>.</summary>
    /// <exception cref="MarketMakingException"><see cref="MarketMakingErrorKind.InvalidMarketData"/> for a non-positive or non-finite mid, or time going backwards.</exception>
    public void OnMid(DateTime time, double mid)
    {
        RequirePrice(mid, nameof(mid));
        AdvanceTo(time.Ticks);
        _mid = mid;
        if (double.IsNaN(_priorMid))
        {
            // The first mid opens the first measured interval.
            _priorMid = mid;
            _intervalStart = time.Ticks;
        }
    }

    /// <summary>Records a trade at <paramref name="time"/>; its depth is measured from the mid at the start of the current interval.</summary>
    /// <exception cref="MarketMakingException"><see cref="MarketMakingErrorKind.InvalidMarketData"/> for a non-positive or non-finite price, or time going backwards.</exception>
    public void OnTrade(DateTime time, double price, TradeAggressor aggressor)
    {
        RequirePrice(price, nameof(price));
        AdvanceTo(time.Ticks);
        if (double.IsNaN(_priorMid))
        {
            return;
        }

        var side = aggressor != TradeAggressor.Unknown ? aggressor
            : price > _priorMid ? TradeAggressor.Buy
            : price < _priorMid ? TradeAggressor.Sell
            : TradeAggressor.Unknown;
        if (side == TradeAggressor.Buy)
        {
            _deepestAsk = Math.Max(_deepestAsk, price - _priorMid);
        }
        else if (side == TradeAggressor.Sell)
        {
            _deepestBid = Math.Max(_deepestBid, _priorMid - price);
        }
    }

    /// <summary>Fits both sides from the completed intervals.</summary>
    /// <exception cref="MarketMakingException">
    /// <see cref="MarketMakingErrorKind.InvalidMarketData"/> when a side has fewer than two grid depths with a usable fill frequency (above 0, and below 1 under Poisson inversion).
    /// </exception>
    public TradingIntensityEstimate Estimate() =>
        new(FitSide(_bidCounts, "bid"), FitSide(_askCounts, "ask"), _intervals * _options.IntervalSeconds);

    /// <summary>
    /// Starts a new segment (e.g. after a market close): at the next event the intervals elapsed until it are closed as
    /// usual and the interval in progress is counted, then measuring waits for a new mid, so no interval spans the break
    /// and no trade after it is measured from the mid before it.
    /// </summary>
    public void Interrupt() => _interrupted = true;

    /// <summary>The running counts and the interval in progress, to save for a restart (allocates).</summary>
    public TradingIntensityState Save() => new(ImmutableArray.Create(_bidCounts), ImmutableArray.Create(_askCounts), _intervals,
        _intervalStart, _lastEvent, _mid, _priorMid, _deepestBid, _deepestAsk, _interrupted);

    /// <summary>
    /// Continues from a saved state (of an estimator with the same <see cref="TradingIntensityOptions.DepthLevels"/>):
    /// every later estimate is bit-identical to the saving estimator's. Its clock is the saved one, so events must not
    /// be before <see cref="TradingIntensityState.LastEventTicks"/>; after a restart call <see cref="Interrupt"/> so
    /// that the downtime is a break, not exposure.
    /// </summary>
    /// <exception cref="MarketMakingException">InvalidParameters for another number of depth levels (nothing is changed).</exception>
    public void Restore(TradingIntensityState state)
    {
        if (state is null || state.BidCounts.Length != _bidCounts.Length)
        {
            throw Guard.Invalid(nameof(state), state is null
                ? "must not be null"
                : $"has {state.BidCounts.Length} depth levels, this estimator {_bidCounts.Length}");
        }

        state.BidCounts.CopyTo(_bidCounts);
        state.AskCounts.CopyTo(_askCounts);
        _intervals = state.Intervals;
        _intervalStart = state.IntervalStartTicks;
        _lastEvent = state.LastEventTicks;
        _mid = state.Mid;
        _priorMid = state.PriorMid;
        _deepestBid = state.DeepestBid;
        _deepestAsk = state.DeepestAsk;
        _interrupted = state.Interrupted;
    }

    /// <summary>Forgets everything.</summary>
    public void Reset()
    {
        _interrupted = false;
        Array.Clear(_bidCounts);
        Array.Clear(_askCounts);
        _intervals = 0;
        _intervalStart = long.MinValue;
        _lastEvent = long.MinValue;
        _mid = _priorMid = double.NaN;
        _deepestBid = _deepestAsk = double.NegativeInfinity;
    }

    private void AdvanceTo(long now)
    {
        if (_lastEvent != long.MinValue && now < _lastEvent)
        {
            throw new MarketMakingException(MarketMakingErrorKind.InvalidMarketData, $"time went backwards: {new DateTime(now):O} after {new DateTime(_lastEvent):O}", "time");
        }

        if (_lastEvent != long.MinValue && now - _lastEvent > _sessionGapTicks && !double.IsNaN(_priorMid))
        {
            // A session break: close the interval in progress and restart the clock without counting the pause.
            CloseInterval(1);
            _intervalStart = now;
        }
        else if (_intervalStart != long.MinValue && now >= _intervalStart + _intervalTicks)
        {
            var elapsed = (now - _intervalStart) / _intervalTicks;
            CloseInterval(elapsed);
            _intervalStart += elapsed * _intervalTicks;
        }

        if (_interrupted)
        {
            // A market close: count the interval in progress, then wait for a mid from the new segment.
            _interrupted = false;
            if (!double.IsNaN(_priorMid) && now > _intervalStart)
            {
                CloseInterval(1);
            }

            _intervalStart = long.MinValue;
            _mid = _priorMid = double.NaN;
        }

        _lastEvent = now;
    }

    /// <summary>Closes the current interval and <paramref name="count"/> − 1 empty ones after it.</summary>
    private void CloseInterval(long count)
    {
        if (!double.IsNaN(_priorMid))
        {
            Decay(1);
            _intervals += 1;
            Record(_bidCounts, _deepestBid);
            Record(_askCounts, _deepestAsk);
            if (count > 1)
            {
                // Empty intervals: counts decay by φ^m, the interval total by φ^m plus the geometric sum 1 + φ + … + φ^(m−1).
                var m = count - 1;
                Decay(m);
                _intervals += _decayPerInterval == 1.0 ? m : (1 - Math.Pow(_decayPerInterval, m)) / (1 - _decayPerInterval);
            }
        }

        _priorMid = _mid;
        _deepestBid = _deepestAsk = double.NegativeInfinity;
    }

    private void Decay(long intervals)
    {
        if (_decayPerInterval == 1.0)
        {
            return;
        }

        var factor = Math.Pow(_decayPerInterval, intervals);
        _intervals *= factor;
        for (var j = 0; j < _bidCounts.Length; j++)
        {
            _bidCounts[j] *= factor;
            _askCounts[j] *= factor;
        }
    }

    private void Record(double[] counts, double deepest)
    {
        if (!(deepest > 0))
        {
            return;
        }

        // A resting quote at grid depth j·step fills when trades went strictly beyond it: j·step < deepest.
        // The tolerance absorbs price rounding, so a trade exactly at a grid price does not fill that level.
        var reached = Math.Min(counts.Length - 1, (long)Math.Ceiling(deepest / _options.DepthStep - 1e-9) - 1);
        for (var j = 0; j <= reached; j++)
        {
            counts[j] += 1;
        }
    }

    private IntensityFit FitSide(double[] counts, string side)
    {
        var depths = new List<double>(counts.Length);
        var logRates = new List<double>(counts.Length);
        for (var j = 0; j < counts.Length; j++)
        {
            var p = _intervals > 0 ? counts[j] / _intervals : 0;
            if (p > 0 && (p < 1 || !_options.PoissonInversion))
            {
                depths.Add(j * _options.DepthStep);
                logRates.Add(Math.Log((_options.PoissonInversion ? -Math.Log(1 - p) : p) / _options.IntervalSeconds));
            }
        }

        if (depths.Count < 2)
        {
            throw new MarketMakingException(
                MarketMakingErrorKind.InvalidMarketData,
                $"only {depths.Count} depth level(s) on the {side} side have a usable fill frequency (in (0, 1)) after {_intervals:F0} intervals: too little trade data to fit",
                side);
        }

        var x = depths.ToArray();
        var y = logRates.ToArray();
        var (intercept, slope, rSquared) = LeastSquaresLine.Fit(x, y);
        var rates = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            rates[i] = Math.Exp(y[i]);
        }

        return new IntensityFit(Math.Exp(intercept), -slope, rSquared, x, rates);
    }

    private static void RequirePrice(double value, string name)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new MarketMakingException(MarketMakingErrorKind.InvalidMarketData, $"must be a positive finite price, got {value}", name);
        }
    }
}
