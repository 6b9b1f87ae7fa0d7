using System.Collections.Immutable;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Hawkes;
using Lean.MarketMaking.Models.LinearAlgebra;
using Lean.MarketMaking.Models.Quoting.CarteaJaimungal;
using Lean.MarketMaking.Models.Risk;

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
    /// <param name="orderFlow">Per asset, the fitted 2-D Hawkes process of buy (node 0) and sell (node 1) market orders, or null; empty = none for any asset.</param>
    /// <param name="jumps">Per asset, the Cartea–Jaimungal mid-price jump parameters, or null; empty = none for any asset.</param>
    /// <param name="risk">Latest portfolio risk figures, or null before the risk layer has run.</param>
    public MarketMakingState(
        ImmutableArray<double> inventory,
        ImmutableArray<double> volatilityPerSqrtSecond,
        CorrelationMatrix correlation,
        ImmutableArray<double> regimeProbabilities,
        ImmutableArray<HawkesParameters?> orderFlow = default,
        ImmutableArray<MidPriceJumpParameters?> jumps = default,
        RiskMetrics? risk = null)
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

        orderFlow = PerAsset(orderFlow, n, nameof(orderFlow));
        for (var i = 0; i < n; i++)
        {
            if (orderFlow[i] is { Dimension: not 2 } hawkes)
            {
                throw Guard.Invalid($"{nameof(orderFlow)}[{i}]", $"must be a 2-D (buy, sell) Hawkes process, got dimension {hawkes.Dimension}");
            }
        }

        Inventory = inventory;
        VolatilityPerSqrtSecond = volatilityPerSqrtSecond;
        Correlation = correlation;
        RegimeProbabilities = regimeProbabilities;
        OrderFlow = orderFlow;
        Jumps = PerAsset(jumps, n, nameof(jumps));
        Risk = risk;
    }

    /// <summary>Signed inventory per asset, in units of the asset.</summary>
    public ImmutableArray<double> Inventory { get; }

    /// <summary>Volatility estimate per asset, price units per √second.</summary>
    public ImmutableArray<double> VolatilityPerSqrtSecond { get; }

    /// <summary>Correlation of mid-price increments.</summary>
    public CorrelationMatrix Correlation { get; }

    /// <summary>Filtered regime probabilities (empty when no regime model runs).</summary>
    public ImmutableArray<double> RegimeProbabilities { get; }

    /// <summary>Per asset: the 2-D Hawkes process of buy (node 0) and sell (node 1) market orders, or null when not estimated.</summary>
    public ImmutableArray<HawkesParameters?> OrderFlow { get; }

    /// <summary>Per asset: the mid-price jump parameters (Cartea–Jaimungal), or null when not estimated.</summary>
    public ImmutableArray<MidPriceJumpParameters?> Jumps { get; }

    /// <summary>Latest portfolio risk figures, or null.</summary>
    public RiskMetrics? Risk { get; }

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
        new(inventory, VolatilityPerSqrtSecond, Correlation, RegimeProbabilities, OrderFlow, Jumps, Risk);

    /// <summary>A copy with new volatility estimates (validated).</summary>
    public MarketMakingState WithVolatility(ImmutableArray<double> volatilityPerSqrtSecond) =>
        new(Inventory, volatilityPerSqrtSecond, Correlation, RegimeProbabilities, OrderFlow, Jumps, Risk);

    /// <summary>A copy with a new correlation matrix (validated).</summary>
    public MarketMakingState WithCorrelation(CorrelationMatrix correlation) =>
        new(Inventory, VolatilityPerSqrtSecond, correlation, RegimeProbabilities, OrderFlow, Jumps, Risk);

    /// <summary>A copy with new regime probabilities (validated).</summary>
    public MarketMakingState WithRegimeProbabilities(ImmutableArray<double> regimeProbabilities) =>
        new(Inventory, VolatilityPerSqrtSecond, Correlation, regimeProbabilities, OrderFlow, Jumps, Risk);

    /// <summary>A copy with asset <paramref name="asset"/>'s order-flow Hawkes process replaced (validated).</summary>
    public MarketMakingState WithOrderFlow(int asset, HawkesParameters? orderFlow) =>
        new(Inventory, VolatilityPerSqrtSecond, Correlation, RegimeProbabilities, OrderFlow.SetItem(AssetIndex(asset), orderFlow), Jumps, Risk);

    /// <summary>A copy with asset <paramref name="asset"/>'s jump parameters replaced.</summary>
    public MarketMakingState WithJumps(int asset, MidPriceJumpParameters? jumps) =>
        new(Inventory, VolatilityPerSqrtSecond, Correlation, RegimeProbabilities, OrderFlow, Jumps.SetItem(AssetIndex(asset), jumps), Risk);

    /// <summary>A copy with new risk figures.</summary>
    public MarketMakingState WithRisk(RiskMetrics? risk) =>
        new(Inventory, VolatilityPerSqrtSecond, Correlation, RegimeProbabilities, OrderFlow, Jumps, risk);

    private int AssetIndex(int asset) =>
        asset >= 0 && asset < AssetCount ? asset : throw Guard.Invalid(nameof(asset), $"must be in [0, {AssetCount}), got {asset}");

    private static ImmutableArray<T?> PerAsset<T>(ImmutableArray<T?> values, int n, string name)
        where T : class
    {
        if (values.IsDefaultOrEmpty)
        {
            return ImmutableArray.Create(new T?[n]);
        }

        return values.Length == n ? values : throw Guard.Invalid(name, $"must have {n} entries (one per asset), got {values.Length}");
    }
}
