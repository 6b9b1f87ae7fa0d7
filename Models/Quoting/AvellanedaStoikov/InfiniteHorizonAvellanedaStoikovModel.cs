using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Numerics;

namespace Lean.MarketMaking.Models.Quoting.AvellanedaStoikov;

/// <summary>
/// The stationary (infinite-horizon) Avellaneda–Stoikov quoting model (Avellaneda &amp; Stoikov 2008, "High-frequency
/// trading in a limit order book", Quantitative Finance 8(3), §2.3, with the quotes of §3.1, eqs. (18)–(19)).
/// <para>
/// The discounted frozen-inventory value v̄(x, s, q) = E[∫₀^∞ −e^(−ωt)·e^(−γ(x + qS_t)) dt] equals
/// −e^(−γx)·e^(−γqs)/D(q) with D(q) = ω + γqμ − ½γ²σ²q² (μ = <see cref="MarketSnapshot.Drift"/>; the paper has μ = 0).
/// Definition 1 (v̄(x − r̄ᵇ, s, q + 1) = v̄(x, s, q) and v̄(x + r̄ᵃ, s, q − 1) = v̄(x, s, q)) then gives
/// r̄ᵇ = s + (1/γ)·ln(D(q + 1)/D(q)) and r̄ᵃ = s + (1/γ)·ln(D(q)/D(q − 1)); with μ = 0,
/// r̄ᵇ = s + (1/γ)·ln(1 + (−1 − 2q)γ²σ²/(2ω − γ²q²σ²)) — exactly the paper's formula — and
/// r̄ᵃ = s + (1/γ)·ln(1 + (1 − 2q)γ²σ²/(2ω − γ²(q − 1)²σ²)).
/// </para>
/// <para>
/// Erratum: the paper prints r̄ᵃ with the denominator 2ω − γ²q²σ² (that of r̄ᵇ). That expression does not satisfy the
/// paper's own Definition 1, breaks the identity r̄ᵃ(q) = r̄ᵇ(q − 1) that follows from (16)–(17), and is not the mirror
/// image of r̄ᵇ (r̄ᵃ(q) − s ≠ s − r̄ᵇ(−q)); it agrees with the exact value only to first order in γ²σ²/ω.
/// This model uses the exact value derived from the definition.
/// </para>
/// <para>
/// Quotes: with exponential intensities λ(δ) = A·e^(−kδ), (18)–(19) give bid = r̄ᵇ − (1/γ)·ln(1 + γ/k) and
/// ask = r̄ᵃ + (1/γ)·ln(1 + γ/k); both depths are then widened by the constant premium plus
/// <see cref="MarketSnapshot.AdverseSelection"/>. The reported reservation price is (r̄ᵃ + r̄ᵇ)/2. Because D is a
/// strictly concave, positive quadratic on the admissible inventories, D(q)² &gt; D(q − 1)·D(q + 1), so r̄ᵃ &gt; r̄ᵇ and
/// bid &lt; ask always.
/// </para>
/// <para>
/// Inventory limit: |q| &gt; q_max throws <see cref="MarketMakingErrorKind.InventoryLimitViolation"/>; a side whose fill
/// would take |q| beyond q_max is quoted with size 0. A drift so large that D(q − 1), D(q) or D(q + 1) is not positive
/// (the discounted utility is then unbounded) throws <see cref="MarketMakingErrorKind.InvalidMarketData"/>.
/// </para>
/// </summary>
public sealed class InfiniteHorizonAvellanedaStoikovModel : IQuotingModel
{
    private readonly double riskAversion;
    private readonly double inverseRiskAversion;
    private readonly double discountRate;
    private readonly double halfGammaSquaredSigmaSquared;
    private readonly double arrivalHalfSpread;
    private readonly double maxInventory;
    private readonly double orderSize;
    private readonly double premium;

    /// <summary>Creates the model; all terms that do not depend on the snapshot are computed here.</summary>
    /// <param name="parameters">Validated model parameters.</param>
    public InfiniteHorizonAvellanedaStoikovModel(InfiniteHorizonAvellanedaStoikovParameters parameters)
    {
        Parameters = parameters ?? throw Guard.Invalid(nameof(parameters), "must not be null");
        riskAversion = parameters.RiskAversion;
        inverseRiskAversion = 1 / parameters.RiskAversion;
        discountRate = parameters.DiscountRate;
        var gammaSigma = parameters.RiskAversion * parameters.Volatility;
        halfGammaSquaredSigmaSquared = 0.5 * gammaSigma * gammaSigma;
        // (1/γ)·ln(1 + γ/k) of (18)–(19): the exponential-intensity quote offset with ξ = γ and the paper's unit fills.
        arrivalHalfSpread = ExponentialIntensityHamiltonian.QuoteOffset(parameters.RiskAversion, parameters.IntensityDecay, size: 1);
        maxInventory = parameters.MaxInventory;
        orderSize = parameters.OrderSize;
        premium = parameters.AdverseSelectionPremium;
    }

    /// <summary>The model's parameters.</summary>
    public InfiniteHorizonAvellanedaStoikovParameters Parameters { get; }

    /// <inheritdoc />
    public TwoSidedQuote Quote(in MarketSnapshot snapshot)
    {
        var q = snapshot.Inventory;
        if (Math.Abs(q) > maxInventory)
        {
            throw InventoryBeyondBound(q);
        }

        var driftTerm = riskAversion * snapshot.Drift;
        var below = Denominator(q - 1, driftTerm);
        var at = Denominator(q, driftTerm);
        var above = Denominator(q + 1, driftTerm);
        if (!(below > 0 && at > 0 && above > 0))
        {
            throw UnboundedObjective(snapshot.Drift, q);
        }

        // ln(D(q)/D(q−1)) and ln(D(q+1)/D(q)) as log1p of the relative increments, accurate when γ²σ²/ω is small:
        // D(q) − D(q−1) = γμ + ½γ²σ²(1 − 2q), D(q+1) − D(q) = γμ − ½γ²σ²(1 + 2q).
        var askOffset = inverseRiskAversion * Log1P.Of((driftTerm + halfGammaSquaredSigmaSquared * (1 - 2 * q)) / below);
        var bidOffset = inverseRiskAversion * Log1P.Of((driftTerm - halfGammaSquaredSigmaSquared * (1 + 2 * q)) / at);
        var mid = snapshot.Mid;
        var widening = arrivalHalfSpread + premium + snapshot.AdverseSelection;
        return TwoSidedQuote.FromDepths(
            mid,
            mid + 0.5 * (askOffset + bidOffset),
            widening - bidOffset,
            widening + askOffset,
            q + orderSize <= maxInventory ? orderSize : 0,
            q - orderSize >= -maxInventory ? orderSize : 0);
    }

    // Exceptions are built out of line so that Quote's frame stays small.
    private MarketMakingException InventoryBeyondBound(double inventory) => new(
        MarketMakingErrorKind.InventoryLimitViolation,
        $"|inventory| {inventory} exceeds the model's bound q_max = {maxInventory}",
        "inventory");

    private MarketMakingException UnboundedObjective(double drift, double inventory) => new(
        MarketMakingErrorKind.InvalidMarketData,
        $"drift {drift} makes the discounted frozen-inventory value unbounded at inventory {inventory} (ω = {discountRate})",
        "drift");

    /// <summary>D(j) = ω + γjμ − ½γ²σ²j², per time unit: the reciprocal of the discounted frozen-inventory value's
    /// inventory factor, with <paramref name="driftTerm"/> = γμ.</summary>
    private double Denominator(double inventory, double driftTerm) =>
        discountRate + inventory * (driftTerm - halfGammaSquaredSigmaSquared * inventory);
}
