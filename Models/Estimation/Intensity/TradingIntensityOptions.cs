using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Estimation.Intensity;

/// <summary>Settings of <see cref="TradingIntensityEstimator"/>. Immutable and validated.</summary>
public sealed class TradingIntensityOptions
{
    /// <summary>Validates the settings.</summary>
    /// <param name="intervalSeconds">Length Δt of one measurement interval, in seconds (hftbacktest's tutorial uses 0.1 s).</param>
    /// <param name="depthStep">Spacing of the depth grid, in price units (typically the tick size).</param>
    /// <param name="depthLevels">Number of grid depths 0, step, …, (levels−1)·step: the near-touch range the fit uses (≥ 2).</param>
    /// <param name="halfLifeSeconds">Half-life of the exponential forgetting of counts, in seconds; +∞ keeps everything.</param>
    /// <param name="sessionGapSeconds">A pause between events longer than this (e.g. overnight) is not counted as elapsed time: the interval clock restarts.</param>
    /// <param name="poissonInversion">
    /// True: λ̂ = −ln(1 − p̂)/Δt from the fraction p̂ of intervals that reached a depth (exact for Poisson arrivals);
    /// false: hftbacktest's count ÷ elapsed time, p̂/Δt, its first-order form (biased low by the factor (1 − e^(−λΔt))/(λΔt)).
    /// </param>
    public TradingIntensityOptions(
        double intervalSeconds,
        double depthStep,
        int depthLevels,
        double halfLifeSeconds = double.PositiveInfinity,
        double sessionGapSeconds = 600,
        bool poissonInversion = true)
    {
        PoissonInversion = poissonInversion;
        IntervalSeconds = Guard.Positive(intervalSeconds, nameof(intervalSeconds));
        DepthStep = Guard.Positive(depthStep, nameof(depthStep));
        DepthLevels = Guard.Positive(depthLevels, nameof(depthLevels));
        if (depthLevels < 2)
        {
            throw Guard.Invalid(nameof(depthLevels), $"must be >= 2 to fit a line, got {depthLevels}");
        }

        if (!(halfLifeSeconds > 0))
        {
            throw Guard.Invalid(nameof(halfLifeSeconds), $"must be > 0 (or +Infinity), got {halfLifeSeconds}");
        }

        HalfLifeSeconds = halfLifeSeconds;
        SessionGapSeconds = Guard.Positive(sessionGapSeconds, nameof(sessionGapSeconds));
        if (sessionGapSeconds < intervalSeconds)
        {
            throw Guard.Invalid(nameof(sessionGapSeconds), $"must be >= intervalSeconds ({intervalSeconds}), got {sessionGapSeconds}");
        }
    }

    /// <summary>Measurement interval Δt, seconds.</summary>
    public double IntervalSeconds { get; }

    /// <summary>Depth grid spacing, price units.</summary>
    public double DepthStep { get; }

    /// <summary>Number of grid depths used by the fit.</summary>
    public int DepthLevels { get; }

    /// <summary>Half-life of the count forgetting, seconds (+∞: none).</summary>
    public double HalfLifeSeconds { get; }

    /// <summary>Whether rates are −ln(1 − p̂)/Δt (true) or hftbacktest's p̂/Δt (false).</summary>
    public bool PoissonInversion { get; }

    /// <summary>Longest pause counted as elapsed time, seconds.</summary>
    public double SessionGapSeconds { get; }
}
