using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Microstructure;

/// <summary>
/// Square-root market impact of an order of size Q (units of the asset), in price units: the price concession reached
/// after trading Q is I(Q) = Y·σ·√(Q/V), with σ the price volatility and V the traded volume over the same reference
/// horizon and Y a dimensionless constant of order 1 — the square-root law of Tóth, Lempérière, Deremble, de Lataillade,
/// Kockelkoren &amp; Bouchaud (2011), "Anomalous price impact and the critical nature of liquidity in financial markets",
/// Phys. Rev. X 1, 021006, eq. (1); Almgren, Thum, Hauptmann &amp; Li (2005), "Direct estimation of equity market impact",
/// Risk 18(7), measure the same law (temporary-impact exponent 3/5 ≈ 1/2 of the participation rate, scale σ).
/// <list type="bullet">
/// <item><see cref="TemporaryImpact"/>: I(Q), the concession of the LAST unit (the marginal price, relative to the
/// reference price, when the book is walked up to Q).</item>
/// <item><see cref="AverageImpact"/>: the mean concession over the Q units, (1/Q)∫₀^Q Yσ√(x/V) dx = (2/3)·I(Q).</item>
/// <item><see cref="PermanentImpact"/>: the part of I(Q) left in the price after the temporary impact decays, a
/// fraction φ of I(Q); the default φ = 2/3 is the "fair pricing" condition of Farmer, Gerig, Lillo &amp; Waelbroeck
/// (2013), "How efficiency shapes market impact", Quant. Finance 13(11): the price reverts to the average execution
/// price, i.e. permanent impact = average cost = (2/3)·I(Q) under the square-root law (Bouchaud, Bonart, Donier &amp;
/// Gould (2018), <i>Trades, Quotes and Prices</i>, ch. 12–13).</item>
/// </list>
/// Immutable and validated; engine-free (the LEAN fill model and the hedging costs, <see cref="Risk.HedgeCosts"/>, use it).
/// </summary>
public sealed class SquareRootImpactModel
{
    /// <summary>Fair-pricing permanent fraction, 2/3.</summary>
    public const double FairPricingPermanentFraction = 2.0 / 3.0;

    private readonly double _scale;

    /// <summary>Creates a validated square-root impact model.</summary>
    /// <param name="impactCoefficient">Y, dimensionless (&gt; 0; empirically of order 0.5–1).</param>
    /// <param name="volatilityOverHorizon">σ: standard deviation of the price change over the reference horizon, in price units (&gt; 0).</param>
    /// <param name="volumeOverHorizon">V: volume traded over the same horizon, in units of the asset (&gt; 0).</param>
    /// <param name="permanentFraction">φ in [0, 1]: permanent impact as a fraction of I(Q); default 2/3 (fair pricing).</param>
    public SquareRootImpactModel(double impactCoefficient, double volatilityOverHorizon, double volumeOverHorizon,
        double permanentFraction = FairPricingPermanentFraction)
    {
        ImpactCoefficient = Guard.Positive(impactCoefficient, nameof(impactCoefficient));
        VolatilityOverHorizon = Guard.Positive(volatilityOverHorizon, nameof(volatilityOverHorizon));
        VolumeOverHorizon = Guard.Positive(volumeOverHorizon, nameof(volumeOverHorizon));
        PermanentFraction = Guard.InRange(permanentFraction, 0, 1, nameof(permanentFraction));
        _scale = impactCoefficient * volatilityOverHorizon / Math.Sqrt(volumeOverHorizon);
    }

    /// <summary>Y, dimensionless.</summary>
    public double ImpactCoefficient { get; }

    /// <summary>σ over the reference horizon, price units.</summary>
    public double VolatilityOverHorizon { get; }

    /// <summary>V over the reference horizon, units of the asset.</summary>
    public double VolumeOverHorizon { get; }

    /// <summary>φ: permanent impact as a fraction of the temporary impact.</summary>
    public double PermanentFraction { get; }

    /// <summary>I(Q) = Y·σ·√(Q/V), price units: the concession of the last unit of an order of |Q| units.</summary>
    public double TemporaryImpact(double quantity) => _scale * Math.Sqrt(Math.Abs(quantity));

    /// <summary>(2/3)·I(Q), price units: the mean concession over the |Q| units.</summary>
    public double AverageImpact(double quantity) => 2.0 / 3.0 * TemporaryImpact(quantity);

    /// <summary>φ·I(Q), price units: the impact left in the price once the temporary part has decayed.</summary>
    public double PermanentImpact(double quantity) => PermanentFraction * TemporaryImpact(quantity);

    /// <summary>
    /// Average execution price of a buy (Q &gt; 0) or sell (Q &lt; 0) of |Q| units that starts at
    /// <paramref name="referencePrice"/>: reference + sign(Q)·(2/3)·I(|Q|).
    /// </summary>
    public double AveragePrice(double referencePrice, double quantity) => referencePrice + Math.Sign(quantity) * AverageImpact(quantity);

    /// <summary>
    /// The largest quantity whose last unit's concession stays within <paramref name="priceConcession"/> (price units):
    /// V·(Δ/(Yσ))², the inverse of <see cref="TemporaryImpact"/>; 0 for Δ ≤ 0.
    /// </summary>
    public double QuantityWithin(double priceConcession) =>
        priceConcession <= 0 ? 0 : priceConcession / _scale * (priceConcession / _scale);
}
