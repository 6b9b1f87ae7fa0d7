using System;
using Lean.MarketMaking.Models.Estimation.Volatility;

namespace Lean.MarketMaking.Risk;

/// <summary>
/// The covariance of n securities' returns per sampling period (<see cref="CovarianceSampling"/>): their prices are
/// fed together, at most once per <see cref="CovarianceSampling.Interval"/>, into an <see cref="EwmaCovarianceEstimator"/>
/// (RiskMetrics EWMA, covariance of log returns per second), and read back scaled to one interval. A price vector
/// holding a price that is not finite and positive (no quote yet, a bad tick) is skipped, never thrown on.
/// Time is the algorithm's UTC time: a market close is not removed (a period spanning a close carries its gap, which
/// overstates rather than understates the risk). Allocation-free after construction.
/// </summary>
public sealed class SampledReturnCovariance
{
    private readonly EwmaCovarianceEstimator _estimator;
    private readonly double _intervalSeconds;
    private DateTime _nextSample = DateTime.MinValue;

    /// <summary>Creates an empty estimate for <paramref name="dimension"/> securities.</summary>
    /// <param name="sampling">Sampling interval, half-life and warm-up.</param>
    /// <param name="dimension">Number of securities n ≥ 1.</param>
    public SampledReturnCovariance(CovarianceSampling sampling, int dimension)
    {
        Sampling = sampling ?? throw Models.Errors.Guard.Invalid(nameof(sampling), "must not be null");
        _estimator = new EwmaCovarianceEstimator(dimension, sampling.HalfLife.TotalSeconds);
        _intervalSeconds = sampling.Interval.TotalSeconds;
    }

    /// <summary>The sampling settings.</summary>
    public CovarianceSampling Sampling { get; }

    /// <summary>Number of securities n.</summary>
    public int Dimension => _estimator.Dimension;

    /// <summary>Whether enough samples have been taken for the estimate to be used.</summary>
    public bool IsReady => _estimator.IsReady && _estimator.Count >= Sampling.MinimumSamples;

    /// <summary>Price vectors sampled so far.</summary>
    public long Count => _estimator.Count;

    /// <summary>Samples <paramref name="prices"/> if an interval has passed since the last sample.</summary>
    /// <param name="utcTime">The algorithm's UTC time, not decreasing.</param>
    /// <param name="prices">The n prices now, in the order of the securities.</param>
    /// <returns>Whether a sample was taken (the estimate changed).</returns>
    public bool TrySample(DateTime utcTime, ReadOnlySpan<double> prices)
    {
        if (utcTime < _nextSample)
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

        _estimator.Update(utcTime.Ticks / (double)TimeSpan.TicksPerSecond, prices);
        _nextSample = utcTime + Sampling.Interval;
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
