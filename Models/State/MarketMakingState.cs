using System.Collections.Immutable;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.LinearAlgebra;

namespace Lean.MarketMaking.Models.State;

/// <summary>
/// Everything the market maker knows at one instant, for n assets, as one immutable value
/// (design: "Core Market Making State"). Estimators and risk modules produce new states with
/// <c>with</c>-style copies through the <c>With…</c> methods, which re-validate.
/// </summary>
public sealed record MarketMakingState
{
    /// <summary>Creates a state for n assets.</summary>
    /// <param name="inventory">Signed inventory per asset, in units of the asset (length n).</param>
    /// <param name="volatilityPerSqrtSecond">Volatility estimate per asset in price units per √second (length n, each ≥ 0).</param>
    /// <param name="correlation">Correlation of the assets' mid-price increments (n×n).</param>
    /// <param name="regimeProbabilities">Filtered probability of each market regime (sums to 1), or empty when no regime model runs.</param>
    public MarketMakingState(
        ImmutableArray<double> inventory,
        ImmutableArray<double> volatilityPerSqrtSecond,
        CorrelationMatrix correlation,
        ImmutableArray<double> regimeProbabilities)
    {
        if (inventory.IsDefaultOrEmpty)
        {
            throw Guard.Invalid(nameof(inventory), "must hold one entry per asset");
        }

        var n = inventory.Length;
        Guard.AllFinite(inventory.AsSpan(), nameof(inventory));
        if (volatilityPerSqrtSecond.IsDefault || volatilityPerSqrtSecond.Length != n)
        {
            throw Guard.Invalid(nameof(volatilityPerSqrtSecond), $"must have {n} entries");
        }

        for (var i = 0; i < n; i++)
        {
            Guard.NonNegative(volatilityPerSqrtSecond[i], $"{nameof(volatilityPerSqrtSecond)}[{i}]");
        }

        if (correlation is null || correlation.Dimension != n)
        {
            throw Guard.Invalid(nameof(correlation), $"must be {n}x{n}");
        }

        if (regimeProbabilities.IsDefault)
        {
            regimeProbabilities = ImmutableArray<double>.Empty;
        }

        if (!regimeProbabilities.IsEmpty)
        {
            var sum = 0.0;
            for (var i = 0; i < regimeProbabilities.Length; i++)
            {
                sum += Guard.InRange(regimeProbabilities[i], 0, 1, $"{nameof(regimeProbabilities)}[{i}]");
            }

            if (System.Math.Abs(sum - 1.0) > 1e-9)
            {
                throw Guard.Invalid(nameof(regimeProbabilities), $"must sum to 1, got {sum}");
            }
        }

        Inventory = inventory;
        VolatilityPerSqrtSecond = volatilityPerSqrtSecond;
        Correlation = correlation;
        RegimeProbabilities = regimeProbabilities;
    }

    /// <summary>Signed inventory per asset, in units of the asset.</summary>
    public ImmutableArray<double> Inventory { get; }

    /// <summary>Volatility estimate per asset, price units per √second.</summary>
    public ImmutableArray<double> VolatilityPerSqrtSecond { get; }

    /// <summary>Correlation of mid-price increments.</summary>
    public CorrelationMatrix Correlation { get; }

    /// <summary>Filtered regime probabilities (empty when no regime model runs).</summary>
    public ImmutableArray<double> RegimeProbabilities { get; }

    /// <summary>Number of assets n.</summary>
    public int AssetCount => Inventory.Length;

    /// <summary>A flat state for n independent assets: zero inventory and volatility, identity correlation, no regime.</summary>
    public static MarketMakingState Flat(int assetCount)
    {
        Guard.Positive(assetCount, nameof(assetCount));
        var zeros = ImmutableArray.Create(new double[assetCount]);
        return new MarketMakingState(zeros, zeros, CorrelationMatrix.Identity(assetCount), ImmutableArray<double>.Empty);
    }

    /// <summary>A copy with a new inventory vector (validated).</summary>
    public MarketMakingState WithInventory(ImmutableArray<double> inventory) =>
        new(inventory, VolatilityPerSqrtSecond, Correlation, RegimeProbabilities);

    /// <summary>A copy with new volatility estimates (validated).</summary>
    public MarketMakingState WithVolatility(ImmutableArray<double> volatilityPerSqrtSecond) =>
        new(Inventory, volatilityPerSqrtSecond, Correlation, RegimeProbabilities);

    /// <summary>A copy with a new correlation matrix (validated).</summary>
    public MarketMakingState WithCorrelation(CorrelationMatrix correlation) =>
        new(Inventory, VolatilityPerSqrtSecond, correlation, RegimeProbabilities);

    /// <summary>A copy with new regime probabilities (validated).</summary>
    public MarketMakingState WithRegimeProbabilities(ImmutableArray<double> regimeProbabilities) =>
        new(Inventory, VolatilityPerSqrtSecond, Correlation, regimeProbabilities);
}
