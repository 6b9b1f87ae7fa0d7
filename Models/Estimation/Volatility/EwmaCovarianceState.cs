using System.Collections.Immutable;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Estimation.Volatility;

/// <summary>
/// The running sums of an <see cref="EwmaCovarianceEstimator"/> (or an <see cref="EwmaVarianceEstimator"/>, its n = 1
/// case) at one instant: the weighted products Σ wₘ rₘⁱ rₘʲ (row-major n×n), Σ wₘΔtₘ, the last log prices and time.
/// <see cref="EwmaCovarianceEstimator.Restore"/> continues from it exactly: the restored estimator's next outputs are
/// bit-identical to the saved one's. Saved in the restart state (<see cref="State.AssetEstimatorStates"/>).
/// </summary>
public sealed record EwmaCovarianceState
{
    /// <summary>Creates a validated state.</summary>
    /// <param name="halfLifeSeconds">Half-life of the estimator that saved it, seconds (&gt; 0).</param>
    /// <param name="weightedProducts">Σ wₘ rₘⁱ rₘʲ, row-major, n² finite values.</param>
    /// <param name="lastLogPrices">ln P of each asset at the last observation, n finite values.</param>
    /// <param name="weightedSeconds">Σ wₘΔtₘ, seconds (≥ 0).</param>
    /// <param name="lastTimeSeconds">Time of the last observation, the estimator's seconds.</param>
    /// <param name="hasLastPrices">Whether the next observation is differenced against the last one (false after an interrupt).</param>
    /// <param name="count">Observations received (≥ 0).</param>
    public EwmaCovarianceState(double halfLifeSeconds, ImmutableArray<double> weightedProducts, ImmutableArray<double> lastLogPrices,
        double weightedSeconds, double lastTimeSeconds, bool hasLastPrices, long count)
    {
        HalfLifeSeconds = Guard.Positive(halfLifeSeconds, nameof(halfLifeSeconds));
        if (lastLogPrices.IsDefaultOrEmpty)
        {
            throw Guard.Invalid(nameof(lastLogPrices), "must hold one entry per asset");
        }

        var n = lastLogPrices.Length;
        if (weightedProducts.IsDefault || weightedProducts.Length != n * n)
        {
            throw Guard.Invalid(nameof(weightedProducts), $"must hold {n * n} entries (n x n, row-major)");
        }

        Guard.AllFinite(weightedProducts.AsSpan(), nameof(weightedProducts));
        Guard.AllFinite(lastLogPrices.AsSpan(), nameof(lastLogPrices));
        WeightedProducts = weightedProducts;
        LastLogPrices = lastLogPrices;
        WeightedSeconds = Guard.NonNegative(weightedSeconds, nameof(weightedSeconds));
        LastTimeSeconds = Guard.Finite(lastTimeSeconds, nameof(lastTimeSeconds));
        HasLastPrices = hasLastPrices;
        Count = count >= 0 ? count : throw Guard.Invalid(nameof(count), $"must be >= 0, got {count}");
    }

    /// <summary>Number of assets n.</summary>
    public int Dimension => LastLogPrices.Length;

    /// <summary>Half-life of the estimator that saved it, seconds.</summary>
    public double HalfLifeSeconds { get; }

    /// <summary>Σ wₘ rₘⁱ rₘʲ, row-major n×n.</summary>
    public ImmutableArray<double> WeightedProducts { get; }

    /// <summary>ln P of each asset at the last observation.</summary>
    public ImmutableArray<double> LastLogPrices { get; }

    /// <summary>Σ wₘΔtₘ, seconds.</summary>
    public double WeightedSeconds { get; }

    /// <summary>Time of the last observation, in the estimator's seconds.</summary>
    public double LastTimeSeconds { get; }

    /// <summary>Whether the next observation is differenced against the last one.</summary>
    public bool HasLastPrices { get; }

    /// <summary>Observations received.</summary>
    public long Count { get; }
}
