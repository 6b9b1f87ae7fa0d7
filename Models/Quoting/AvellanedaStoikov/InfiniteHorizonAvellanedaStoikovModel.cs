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
/// Short-lived views: with a drift μ decaying with time constant h (<see cref="MarketSnapshot.DriftDecayTime"/>), the
/// mid's mean is s + μh(1 − e^(−t/h)) and v̄ ∝ ∫₀^∞ e^(−D₀(q)t − γqμh(1 − e^(−t/h))) dt with D₀(q) = ω − ½γ²σ²q², which has no
/// closed form. To first order in μ, 1/D(q) = 1/D₀ − γqμ/(D₀(D₀ + 1/h)), i.e. D(q) = D₀(q) + γqμ·w(q) with
/// w(q) = D₀(q)h/(1 + D₀(q)h) (w = 1 is the persistent drift, kept exact); the dropped terms are O((γqμh)²), checked against
/// the quadrature of v̄. Near q = 0, D₀ ≈ ω, so a view shifts the reservation price by ≈ μ/ω·ωh/(1 + ωh) ≈ μh, its expected move.
/// </para>
/// <para>
/// Erratum: the paper prints r̄ᵃ with the denominator 2ω − γ²q²σ² (that of r̄ᵇ). That expression does not satisfy the
/// paper's own Definition 1, breaks the identity r̄ᵃ(q) = r̄ᵇ(q − 1) that follows from (16)–(17), and is not the mirror
/// image of r̄ᵇ (r̄ᵃ(q) − s ≠ s − r̄ᵇ(−q)); it agrees with the exact value only to first order in γ²σ²/ω.
/// This model uses the exact value derived from the definition.
/// </para>
/// <para>
/// Order size: the paper trades one share per fill. With a quoted size z (<see cref="InfiniteHorizonAvellanedaStoikovParameters.OrderSize"/>)
/// every fill moves the inventory by z, so Definition 1 is applied to a lot of z units at a per-unit price:
/// v̄(x − z·r̄ᵇ, s, q + z) = v̄(x, s, q) gives r̄ᵇ = s + (1/(γz))·ln(D(q + z)/D(q)) and likewise
/// r̄ᵃ = s + (1/(γz))·ln(D(q)/D(q − z)); the exponential-intensity offset becomes (1/(γz))·ln(1 + γz/k) (the ξΔ form of
/// Guéant 2017, "Optimal market making", Applied Mathematical Finance 24(2), §4). With z = 1 these are the paper's formulas.
/// </para>
/// <para>
/// Quotes: with exponential intensities λ(δ) = A·e^(−kδ), (18)–(19) give bid = r̄ᵇ − (1/(γz))·ln(1 + γz/k) and
/// ask = r̄ᵃ + (1/(γz))·ln(1 + γz/k); both depths are then widened by the constant premium plus
/// <see cref="MarketSnapshot.AdverseSelection"/>. The reported reservation price is (r̄ᵃ + r̄ᵇ)/2. Because D is a
/// strictly concave, positive quadratic on the admissible inventories, D(q)² &gt; D(q − z)·D(q + z), so r̄ᵃ &gt; r̄ᵇ and
/// bid &lt; ask always.
/// </para>
/// <para>
/// Inventory limit: |q| &gt; q_max throws <see cref="MarketMakingErrorKind.InventoryLimitViolation"/>; a side whose fill
/// would take |q| beyond q_max is quoted with size 0. A drift so large that D(q − z), D(q) or D(q + z) is not positive
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
        orderSize = parameters.OrderSize;
        inverseRiskAversion = 1 / (parameters.RiskAversion * orderSize);
        discountRate = parameters.DiscountRate;
        var gammaSigma = parameters.RiskAversion * parameters.Volatility;
        halfGammaSquaredSigmaSquared = 0.5 * gammaSigma * gammaSigma;
        // (1/(γz))·ln(1 + γz/k): the offset of (18)–(19) for fills of z units (z = 1 in the paper).
        arrivalHalfSpread = ExponentialIntensityHamiltonian.QuoteOffset(parameters.RiskAversion, parameters.IntensityDecay, orderSize);
        maxInventory = parameters.MaxInventory;
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
        var z = orderSize;
        var decayTime = snapshot.DriftDecayTime;
        var persistent = double.IsPositiveInfinity(decayTime);
        var below = persistent ? Denominator(q - z, driftTerm) : ViewDenominator(q - z, driftTerm, decayTime);
        var at = persistent ? Denominator(q, driftTerm) : ViewDenominator(q, driftTerm, decayTime);
        var above = persistent ? Denominator(q + z, driftTerm) : ViewDenominator(q + z, driftTerm, decayTime);
        if (!(below > 0 && at > 0 && above > 0))
        {
            throw UnboundedObjective(snapshot.Drift, q);
        }

        // ln(D(q)/D(q−z)) and ln(D(q+z)/D(q)) as log1p of the relative increments, accurate when γ²σ²/ω is small:
        // D(q) − D(q−z) = z·(γμ + ½γ²σ²(z − 2q)), D(q+z) − D(q) = z·(γμ − ½γ²σ²(z + 2q)) (persistent drift; with a
        // view, the drift parts are γμ·(j·w(j) − (j − z)·w(j − z))).
        var askIncrement = persistent
            ? z * (driftTerm + halfGammaSquaredSigmaSquared * (z - 2 * q))
            : (z * halfGammaSquaredSigmaSquared * (z - 2 * q)) + (driftTerm * ((q * ViewWeight(q, decayTime)) - ((q - z) * ViewWeight(q - z, decayTime))));
        var bidIncrement = persistent
            ? z * (driftTerm - halfGammaSquaredSigmaSquared * (z + 2 * q))
            : (-z * halfGammaSquaredSigmaSquared * (z + 2 * q)) + (driftTerm * (((q + z) * ViewWeight(q + z, decayTime)) - (q * ViewWeight(q, decayTime))));
        var askOffset = inverseRiskAversion * Log1P.Of(askIncrement / below);
        var bidOffset = inverseRiskAversion * Log1P.Of(bidIncrement / at);
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

    /// <summary>D(j) with a drift view of decay time h: D₀(j) + γjμ·w(j), w(j) = D₀(j)h/(1 + D₀(j)h), per time unit.</summary>
    private double ViewDenominator(double inventory, double driftTerm, double decayTime) =>
        FlatDenominator(inventory) + (inventory * driftTerm * ViewWeight(inventory, decayTime));

    /// <summary>w(j) = D₀(j)h/(1 + D₀(j)h): the weight of a view of decay time h against a persistent drift at inventory j.</summary>
    private double ViewWeight(double inventory, double decayTime)
    {
        var rate = FlatDenominator(inventory) * decayTime;
        return rate / (1 + rate);
    }

    /// <summary>D₀(j) = ω − ½γ²σ²j², per time unit: D without drift.</summary>
    private double FlatDenominator(double inventory) => discountRate - (halfGammaSquaredSigmaSquared * inventory * inventory);

    /// <summary>D(j) = ω + γjμ − ½γ²σ²j², per time unit: the reciprocal of the discounted frozen-inventory value's
    /// inventory factor, with <paramref name="driftTerm"/> = γμ.</summary>
    private double Denominator(double inventory, double driftTerm) =>
        discountRate + inventory * (driftTerm - halfGammaSquaredSigmaSquared * inventory);
}
