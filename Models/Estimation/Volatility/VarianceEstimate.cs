using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Estimation.Volatility;

/// <summary>
/// An estimate of the integrated variance of log-prices over an observation window, with explicit units.
/// <see cref="IntegratedVariance"/> is dimensionless (a sum of squared log-returns over the window);
/// <see cref="VariancePerSecond"/> divides it by the window's length in seconds. Annualise only through
/// <see cref="AnnualisedVariance"/> / <see cref="AnnualisedVolatility"/>, which take the seconds-per-year convention
/// explicitly (e.g. 252 × 6.5 × 3600 for US equities' trading time, 365.25 × 86400 for calendar time).
/// </summary>
public readonly record struct VarianceEstimate
{
    /// <summary>Creates an estimate; <paramref name="elapsedSeconds"/> must be positive.</summary>
    /// <param name="integratedVariance">Integrated variance of ln P over the window (dimensionless, ≥ 0).</param>
    /// <param name="elapsedSeconds">Window length t_last − t_first in seconds, &gt; 0.</param>
    /// <param name="returnCount">Number of log-returns the estimate used.</param>
    public VarianceEstimate(double integratedVariance, double elapsedSeconds, int returnCount)
    {
        IntegratedVariance = Guard.NonNegative(integratedVariance, nameof(integratedVariance));
        if (!(elapsedSeconds > 0) || !double.IsFinite(elapsedSeconds))
        {
            throw MarketData.Invalid(nameof(elapsedSeconds), $"the observations must span a positive time, got {elapsedSeconds} s");
        }

        ElapsedSeconds = elapsedSeconds;
        ReturnCount = Guard.NonNegative(returnCount, nameof(returnCount));
    }

    /// <summary>Integrated variance of ln P over the window (dimensionless).</summary>
    public double IntegratedVariance { get; }

    /// <summary>Length of the window in seconds.</summary>
    public double ElapsedSeconds { get; }

    /// <summary>Number of log-returns used.</summary>
    public int ReturnCount { get; }

    /// <summary>Variance of ln P per second: <see cref="IntegratedVariance"/> / <see cref="ElapsedSeconds"/>.</summary>
    /// <exception cref="MarketMakingException">InvalidMarketData on a default-constructed estimate (no window: 0/0).</exception>
    public double VariancePerSecond => ElapsedSeconds > 0
        ? IntegratedVariance / ElapsedSeconds
        : throw MarketData.Invalid(nameof(ElapsedSeconds), "a default VarianceEstimate has no observation window");

    /// <summary>Volatility of ln P per √second: √<see cref="VariancePerSecond"/>.</summary>
    public double VolatilityPerSqrtSecond => Math.Sqrt(VariancePerSecond);

    /// <summary>Variance of ln P per year, given the number of (trading or calendar) seconds in a year.</summary>
    /// <param name="secondsPerYear">Seconds per year of the time convention in use, &gt; 0.</param>
    public double AnnualisedVariance(double secondsPerYear) =>
        VariancePerSecond * Guard.Positive(secondsPerYear, nameof(secondsPerYear));

    /// <summary>Volatility of ln P per √year, given the number of (trading or calendar) seconds in a year.</summary>
    /// <param name="secondsPerYear">Seconds per year of the time convention in use, &gt; 0.</param>
    public double AnnualisedVolatility(double secondsPerYear) => Math.Sqrt(AnnualisedVariance(secondsPerYear));
}
