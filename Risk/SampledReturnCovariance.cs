using System;
using Lean.MarketMaking.Indicators;
using Lean.MarketMaking.Models.Estimation.Volatility;

namespace Lean.MarketMaking.Risk;

/// <summary>
/// The covariance of n securities' returns per sampling period (<see cref="CovarianceSampling"/>): their prices are
/// fed together, at most once per <see cref="CovarianceSampling.Interval"/>, into an <see cref="EwmaCovarianceEstimator"/>
/// (RiskMetrics EWMA, covariance of log returns per second), and read back scaled to one interval. A price vector
/// holding a price that is not finite and positive (no quote yet, a bad tick) is skipped, never thrown on.
/// Time is open-market time on the exchange's clock (<see cref="OpenMarketClock"/>): the interval counts open-market
/// seconds only, and the return across a close (a night, a weekend) is not a sample
/// (<see cref="EwmaCovarianceEstimator.Interrupt"/>): the first sample after a close starts the next session's returns.
/// Without a clock all calendar time counts and no close is seen (a market that never closes). Allocation-free after
/// construction.
/// </summary>
public sealed class SampledReturnCovariance
{
    private readonly EwmaCovarianceEstimator _estimator;
    private readonly double _intervalSeconds;
    private OpenMarketTimeline _time;
    private double _nextSampleSeconds;
    private bool _closedSinceSample;

    /// <summary>Creates an empty estimate for <paramref name="dimension"/> securities.</summary>
    /// <param name="sampling">Sampling interval, half-life and warm-up.</param>
    /// <param name="dimension">Number of securities n ≥ 1.</param>
    /// <param name="clock">The exchange's open-market clock; null: calendar time, no closes.</param>
    public SampledReturnCovariance(CovarianceSampling sampling, int dimension, OpenMarketClock? clock = null)
    {
        Sampling = sampling ?? throw Models.Errors.Guard.Invalid(nameof(sampling), "must not be null");
        _estimator = new EwmaCovarianceEstimator(dimension, sampling.HalfLife.TotalSeconds);
        _intervalSeconds = sampling.Interval.TotalSeconds;
        _time = new OpenMarketTimeline(clock);
    }

    /// <summary>The sampling settings.</summary>
    public CovarianceSampling Sampling { get; }

    /// <summary>Number of securities n.</summary>
    public int Dimension => _estimator.Dimension;

    /// <summary>Whether enough samples have been taken for the estimate to be used.</summary>
    public bool IsReady => _estimator.IsReady && _estimator.Count >= Sampling.MinimumSamples;

    /// <summary>Price vectors sampled so far.</summary>
    public long Count => _estimator.Count;

    /// <summary>
    /// Moves the clock to <paramref name="localTime"/> and samples <paramref name="prices"/> if an interval of open-market
    /// time has passed since the last sample (a time before the latest one is ignored).
    /// </summary>
    /// <param name="localTime">The exchange's local time (a security's <c>LocalTime</c>).</param>
    /// <param name="prices">The n prices now, in the order of the securities.</param>
    /// <returns>Whether a sample was taken (the estimate changed).</returns>
    public bool TrySample(DateTime localTime, ReadOnlySpan<double> prices)
    {
        if (localTime < _time.LastTime)
        {
            return false;
        }

        _closedSinceSample |= _time.Advance(localTime);
        if (_time.Seconds < _nextSampleSeconds)
        {
            return false;
        }

        foreach (var price in prices)
        {
            if (!(price > 0 && double.IsFinite(price)))
            {
                return false;
            }
        }

        if (_closedSinceSample)
        {
            _estimator.Interrupt();
            _closedSinceSample = false;
        }

        _estimator.Update(_time.Seconds, prices);
        _nextSampleSeconds = _time.Seconds + _intervalSeconds;
        return true;
    }

    /// <summary>Σᵢⱼ: covariance of the returns of securities i and j over one sampling interval (requires <see cref="IsReady"/>).</summary>
    public double PeriodCovariance(int i, int j) => _estimator.Covariance(i, j) * _intervalSeconds;

    /// <summary>Writes Σ (n × n, row-major, per sampling interval) into <paramref name="destination"/>.</summary>
    /// <param name="destination">n² entries.</param>
    public void CopyPeriodCovariance(Span<double> destination)
    {
        var n = Dimension;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                destination[(i * n) + j] = PeriodCovariance(i, j);
            }
        }
    }
}
