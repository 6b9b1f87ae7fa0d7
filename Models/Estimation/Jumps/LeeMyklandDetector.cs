using System;
using System.Collections.Immutable;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Estimation.Jumps;

/// <summary>
/// Online Lee &amp; Mykland (2008) jump test: each new return is standardised by the bipower local volatility of the
/// K − 1 returns before it and flagged when (|L| − C_n)/S_n &gt; β*. Memory is bounded by K (a window of K − 2 adjacent
/// products) and each update is O(1) and allocation-free. Its decisions equal those of the batch
/// <see cref="LeeMyklandTest.Run"/> with the same K and n. After an <see cref="Interrupt"/> (a market close) the return
/// across the break is neither tested nor part of the local volatility, and no bipower product spans the break.
/// </summary>
public sealed class LeeMyklandDetector
{
    private readonly RollingWindowSum _products;
    private double _lastTime;
    private double _lastPrice;
    private double _lastLogPrice;
    private double _lastAbsReturn;
    private long _count;
    private bool _hasLastPrice;
    private bool _hasLastReturn;

    /// <summary>Creates a detector.</summary>
    /// <param name="parameters">Window K and significance α.</param>
    /// <param name="testCount">n in C_n and S_n, typically the number of returns per period (e.g. per trading day), ≥ 2.</param>
    public LeeMyklandDetector(LeeMyklandParameters parameters, int testCount)
    {
        Parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
        if (testCount < 2)
        {
            throw Guard.Invalid(nameof(testCount), $"must be >= 2, got {testCount}");
        }

        TestCount = testCount;
        Threshold = parameters.Threshold(testCount);
        _products = new RollingWindowSum(parameters.Window - 2);
    }

    /// <summary>Window K and significance α.</summary>
    public LeeMyklandParameters Parameters { get; }

    /// <summary>n in C_n and S_n.</summary>
    public int TestCount { get; }

    /// <summary>Rejection threshold C_n + S_n·β* on |L|.</summary>
    public double Threshold { get; }

    /// <summary>Number of observations received.</summary>
    public long Count => _count;

    /// <summary>Adds one observation and tests the return it ends; O(1), allocation-free.</summary>
    /// <param name="timeSeconds">Observation time in seconds, not before the previous one.</param>
    /// <param name="price">Observed price, finite and &gt; 0.</param>
    /// <exception cref="MarketMakingException">InvalidMarketData for a NaN/non-positive price or an out-of-order time;
    /// JumpDetectionFailed when the local volatility of a full window is zero.</exception>
    public LeeMyklandUpdate Update(double timeSeconds, double price)
    {
        MarketData.CheckObservation(timeSeconds, price, nameof(price));
        if (_count > 0)
        {
            MarketData.CheckOrder(_lastTime, timeSeconds, nameof(timeSeconds));
        }

        var logPrice = Math.Log(price);
        var update = default(LeeMyklandUpdate);
        if (_hasLastPrice)
        {
            var r = logPrice - _lastLogPrice;
            var abs = Math.Abs(r);
            var change = price - _lastPrice;
            update = new LeeMyklandUpdate(false, false, r, change, 0, 0);
            if (_products.IsFull)
            {
                var localVariance = _products.Sum / _products.Capacity;
                if (!(localVariance > 0))
                {
                    throw LeeMyklandTest.Failed(nameof(price), $"zero local volatility: the {Parameters.Window - 1} previous returns are (almost all) zero");
                }

                var sigma = Math.Sqrt(localVariance);
                var l = r / sigma;
                update = new LeeMyklandUpdate(true, Math.Abs(l) > Threshold, r, change, l, sigma);
            }

            if (_hasLastReturn)
            {
                _products.Add(abs * _lastAbsReturn);
            }

            _lastAbsReturn = abs;
            _hasLastReturn = true;
        }

        _lastTime = timeSeconds;
        _lastPrice = price;
        _lastLogPrice = logPrice;
        _hasLastPrice = true;
        _count++;
        return update;
    }

    /// <summary>The window and the last observation, to save for a restart (allocates).</summary>
    public LeeMyklandState Save()
    {
        var (values, next, sinceResum) = _products.Save();
        return new LeeMyklandState(ImmutableArray.Create(values), next, _products.Count, sinceResum, _products.Sum,
            _lastTime, _lastPrice, _lastAbsReturn, _count, _hasLastPrice, _hasLastReturn);
    }

    /// <summary>
    /// Continues from a saved state of a detector with the same window K: every later update is bit-identical to the
    /// saving detector's. Its time axis is the saved one (the next observation not before
    /// <see cref="LeeMyklandState.LastTimeSeconds"/>); after a restart call <see cref="Interrupt"/> so that the return
    /// across the downtime is not tested.
    /// </summary>
    /// <exception cref="MarketMakingException">InvalidParameters for another window size (nothing is changed).</exception>
    public void Restore(LeeMyklandState state)
    {
        if (state is null || state.Products.Length != _products.Capacity)
        {
            throw Guard.Invalid(nameof(state), state is null
                ? "must not be null"
                : $"has a window of {state.Products.Length} products, this detector {_products.Capacity} (K = {Parameters.Window})");
        }

        _products.Restore(state.Products.AsSpan(), state.Next, state.Filled, state.SinceResum, state.Sum);
        _lastTime = state.LastTimeSeconds;
        _lastPrice = state.LastPrice;
        _lastLogPrice = state.HasLastPrice ? Math.Log(state.LastPrice) : 0;
        _lastAbsReturn = state.LastAbsReturn;
        _count = state.Count;
        _hasLastPrice = state.HasLastPrice;
        _hasLastReturn = state.HasLastReturn;
    }

    /// <summary>
    /// Starts a new series of returns: the next observation is not differenced against the last one (e.g. across a
    /// market close, whose overnight return is neither a jump candidate nor part of the local volatility), but the
    /// window keeps its products.
    /// </summary>
    public void Interrupt() => _hasLastPrice = _hasLastReturn = false;
}
