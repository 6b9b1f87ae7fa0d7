using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Risk;

/// <summary>
/// How a risk model estimates the covariance of its securities' returns: the securities' prices are sampled together
/// every <see cref="Interval"/> (one period of the value at risk) into an EWMA covariance
/// (<see cref="Models.Estimation.Volatility.EwmaCovarianceEstimator"/>) with half-life <see cref="HalfLife"/>, and the
/// estimate is used once <see cref="MinimumSamples"/> price vectors have been seen. Immutable and validated.
/// </summary>
public sealed record CovarianceSampling
{
    /// <summary>Creates validated settings.</summary>
    /// <param name="interval">Time between two price samples, the return period (&gt; 0).</param>
    /// <param name="halfLife">Half-life of the EWMA weights (&gt; 0).</param>
    /// <param name="minimumSamples">Price vectors needed before the estimate is used (≥ 2: at least one return).</param>
    /// <exception cref="MarketMakingException">InvalidParameters naming the bad argument.</exception>
    public CovarianceSampling(TimeSpan interval, TimeSpan halfLife, int minimumSamples)
    {
        Guard.Positive(interval.TotalSeconds, nameof(interval));
        Guard.Positive(halfLife.TotalSeconds, nameof(halfLife));
        if (minimumSamples < 2)
        {
            throw Guard.Invalid(nameof(minimumSamples), $"must be >= 2 (one return), got {minimumSamples}");
        }

        Interval = interval;
        HalfLife = halfLife;
        MinimumSamples = minimumSamples;
    }

    /// <summary>Time between two price samples: one period of the returns and of the VaR horizon.</summary>
    public TimeSpan Interval { get; }

    /// <summary>Half-life of the EWMA weights.</summary>
    public TimeSpan HalfLife { get; }

    /// <summary>Price vectors needed before the estimate is used (warm-up).</summary>
    public int MinimumSamples { get; }
}
