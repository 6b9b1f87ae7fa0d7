using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Risk;

/// <summary>
/// A named stress scenario: shocks to a <see cref="StressMarket"/>, applied in this order — volatility (set from
/// <see cref="ReturnVolatility"/>·mid, or × <see cref="VolatilityMultiplier"/>), correlation (replaced by
/// <see cref="Correlation"/>, or broken down by <see cref="CorrelationShock"/>), liquidity (A × <see cref="IntensityScale"/>,
/// k × <see cref="IntensityDecayScale"/>, half-spreads × <see cref="SpreadMultiplier"/>, impact coefficient ×
/// <see cref="ImpactMultiplier"/>), then the price moves: <see cref="PriceShocks"/> (price units) plus, with a
/// correlation breakdown, a joint move of <see cref="Sigmas"/> shocked σ over <see cref="HorizonSeconds"/> per asset in
/// the direction the broken-down correlation makes lose (<see cref="StressCorrelationShock"/>). The library of named
/// scenarios is <see cref="StressScenarios"/>; user-defined ones come from JSON (<see cref="StressScenarioJson"/>).
/// Validated at construction; the array lengths are checked against the book when applied.
/// </summary>
public sealed class StressScenario
{
    /// <summary>
    /// Off-diagonal magnitude of a broken-down correlation in the shocked market the quoting model sees: 1 − 1e-6, so
    /// the covariance stays positive definite (the P&amp;L uses the ±1 limit itself).
    /// </summary>
    public const double BreakdownCorrelation = 1 - 1e-6;

    private readonly double[]? _priceShocks;
    private readonly double[]? _returnVolatility;
    private readonly double[,]? _correlation;

    /// <summary>Creates a validated scenario (every multiplier &gt; 0 and finite).</summary>
    public StressScenario(string name, double[]? priceShocks = null, double volatilityMultiplier = 1, double[]? returnVolatility = null,
        double[,]? correlation = null, StressCorrelationShock correlationShock = StressCorrelationShock.None, double sigmas = 0,
        double horizonSeconds = 1, double intensityScale = 1, double intensityDecayScale = 1, double spreadMultiplier = 1, double impactMultiplier = 1)
    {
        Name = string.IsNullOrWhiteSpace(name) ? throw Guard.Invalid(nameof(name), "must not be empty") : name;
        if (priceShocks is not null)
        {
            Guard.AllFinite(priceShocks, nameof(priceShocks));
            _priceShocks = (double[])priceShocks.Clone();
        }

        if (returnVolatility is not null)
        {
            foreach (var v in returnVolatility)
            {
                Guard.Positive(v, nameof(returnVolatility));
            }

            _returnVolatility = (double[])returnVolatility.Clone();
        }

        _correlation = (double[,]?)correlation?.Clone();
        VolatilityMultiplier = Guard.Positive(volatilityMultiplier, nameof(volatilityMultiplier));
        CorrelationShock = Guard.Defined(correlationShock, nameof(correlationShock));
        if (correlation is not null && correlationShock != StressCorrelationShock.None)
        {
            throw Guard.Invalid(nameof(correlationShock), "give either a correlation matrix or a correlation shock, not both");
        }

        Sigmas = Guard.NonNegative(sigmas, nameof(sigmas));
        HorizonSeconds = Guard.Positive(horizonSeconds, nameof(horizonSeconds));
        IntensityScale = Guard.Positive(intensityScale, nameof(intensityScale));
        IntensityDecayScale = Guard.Positive(intensityDecayScale, nameof(intensityDecayScale));
        SpreadMultiplier = Guard.Positive(spreadMultiplier, nameof(spreadMultiplier));
        ImpactMultiplier = Guard.Positive(impactMultiplier, nameof(impactMultiplier));
    }

    /// <summary>The scenario's name.</summary>
    public string Name { get; }

    /// <summary>Price move per asset, price units (null: none).</summary>
    public ReadOnlySpan<double> PriceShocks => _priceShocks;

    /// <summary>Multiplier of every σ (1: unchanged); ignored when <see cref="ReturnVolatility"/> is given.</summary>
    public double VolatilityMultiplier { get; }

    /// <summary>Volatility of the returns per √second per asset; σᵢ becomes midᵢ × this (empty: not set).</summary>
    public ReadOnlySpan<double> ReturnVolatility => _returnVolatility;

    /// <summary>Correlation matrix replacing the market's (null: not replaced).</summary>
    public double[,]? Correlation => (double[,]?)_correlation?.Clone();

    /// <summary>The correlation breakdown.</summary>
    public StressCorrelationShock CorrelationShock { get; }

    /// <summary>Size of a breakdown's joint move, in shocked σ over <see cref="HorizonSeconds"/>.</summary>
    public double Sigmas { get; }

    /// <summary>Horizon of a breakdown's joint move, seconds.</summary>
    public double HorizonSeconds { get; }

    /// <summary>Multiplier of the intensity scales A.</summary>
    public double IntensityScale { get; }

    /// <summary>Multiplier of the intensity decays k.</summary>
    public double IntensityDecayScale { get; }

    /// <summary>Multiplier of the market's half-spreads.</summary>
    public double SpreadMultiplier { get; }

    /// <summary>Multiplier of the square-root impact coefficients.</summary>
    public double ImpactMultiplier { get; }

    /// <summary>Applies the shocks to <paramref name="market"/>: the shocked market and each asset's price move (price units).</summary>
    public (StressMarket Shocked, double[] PriceMoves) Apply(StressMarket market)
    {
        ArgumentNullException.ThrowIfNull(market);
        var n = market.AssetCount;
        CheckLength(_priceShocks, n, nameof(PriceShocks));
        CheckLength(_returnVolatility, n, nameof(ReturnVolatility));
        var volatility = new double[n];
        var intensityA = new double[n];
        var intensityK = new double[n];
        var halfSpread = new double[n];
        var impact = new double[n];
        for (var i = 0; i < n; i++)
        {
            volatility[i] = _returnVolatility is null ? market.Volatility[i] * VolatilityMultiplier : market.Mids[i] * _returnVolatility[i];
            intensityA[i] = market.IntensityA[i] * IntensityScale;
            intensityK[i] = market.IntensityK[i] * IntensityDecayScale;
            halfSpread[i] = market.HalfSpread[i] * SpreadMultiplier;
            impact[i] = market.ImpactCoefficient[i] * ImpactMultiplier;
        }

        var moves = new double[n];
        double[,]? correlation = _correlation;
        if (CorrelationShock != StressCorrelationShock.None)
        {
            // direction of each asset's joint move against the book
            var exposure = 0.0;
            for (var i = 0; i < n; i++)
            {
                exposure += market.Inventory[i] * volatility[i];
            }

            var sign = new double[n];
            for (var i = 0; i < n; i++)
            {
                sign[i] = CorrelationShock == StressCorrelationShock.AllToOne
                    ? (exposure > 0 ? 1 : -1)
                    : (market.Inventory[i] < 0 ? -1 : 1);
                moves[i] = -sign[i] * Sigmas * volatility[i] * Math.Sqrt(HorizonSeconds);
            }

            correlation = new double[n, n];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    correlation[i, j] = i == j ? 1 : sign[i] * sign[j] * BreakdownCorrelation;
                }
            }
        }

        var mids = new double[n];
        for (var i = 0; i < n; i++)
        {
            moves[i] += _priceShocks?[i] ?? 0;
            mids[i] = market.Mids[i] + moves[i];
            if (!(mids[i] > 0))
            {
                throw Guard.Invalid(nameof(PriceShocks), $"moves asset {i}'s mid {market.Mids[i]} to {mids[i]} (must stay > 0)");
            }
        }

        return (market.With(mids, volatility, correlation, intensityA, intensityK, halfSpread, impact), moves);
    }

    private static void CheckLength(double[]? values, int n, string name)
    {
        if (values is not null && values.Length != n)
        {
            throw Guard.Invalid(name, $"must have one entry per asset ({n}), got {values.Length}");
        }
    }
}
