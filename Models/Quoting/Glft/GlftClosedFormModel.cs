using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Quoting.Glft;

/// <summary>
/// The closed-form (ergodic, far-from-horizon) GLFT quotes with order size Δ, Guéant (2017) (4.6)/(4.7), extended with
/// the drift and adverse-selection closed forms of Guéant, Lehalle &amp; Fernandez-Tapia (2013) §5.1–5.2:
/// <code>
/// δᵇ(q) ≈ δ̃ + ξ/2 + [(2q + Δ)/2 − μ/(γσ²)]·e^(kξ/4)·√( γσ²/(2AΔk) · (1 + ξᵤΔ/k)^(k/(ξᵤΔ) + 1) )
/// δᵃ(q) ≈ δ̃ + ξ/2 − [(2q − Δ)/2 − μ/(γσ²)]·e^(kξ/4)·√( … )
/// </code>
/// with δ̃ = <see cref="GlftParameters.BaseDepth"/>, ξᵤ the utility exponent of the objective (γ or 0, where the
/// power tends to e) and ξ = <see cref="GlftParameters.AdverseSelectionPerFill"/>. For ξ = μ = 0 this is
/// hftbacktest's "half spread c₁ + (Δ/2)σc₂, skew σc₂".
/// </summary>
/// <remarks>
/// <para>The combination of drift and adverse selection is not printed in the papers; it follows because both
/// changes of variables of GLFT §5 are diagonal (drift shifts the quadratic inventory penalty to centre
/// q₀ = μ/(γσ²); adverse selection scales the off-diagonal η by e^(−kξ/2) and adds ξ/2 to both depths).</para>
/// <para>Inventory q is in units of the asset. The quotes do not depend on time, and there is no inventory bound:
/// both sizes are Δ. Reservation price = midpoint of the quotes = mid − <see cref="Skew"/>·(q − μ/(γσ²)).</para>
/// <para>Drift rule: the drift used is <see cref="GlftParameters.Drift"/> + w·<see cref="MarketSnapshot.Drift"/>
/// (the snapshot carries a per-instant signal on top of the model's drift), w = 1 for a persistent snapshot drift.
/// <see cref="MarketSnapshot.AdverseSelection"/> is a premium added to both depths, as documented on the snapshot; it is
/// unrelated to ξ.</para>
/// <para>Short-lived views. A view μ with decay time h (<see cref="MarketSnapshot.DriftDecayTime"/>) is the drift
/// μe^(−(s − t)/h) at future times s, the short-term alpha of Cartea, Jaimungal &amp; Penalva (2015) §10.4. The closed
/// form comes from Guéant (2017) §4's approximation of the HJB: H replaced by its second-order expansion
/// H(0) + ½H″(0)p² on each side and differences by derivatives, so with θ ≈ −A(t)q² − B(t)q − C(t),
/// ∂ₜθ + μ(t)q − ½γσ²q² + 2H(0) + H″(0)(∂_qθ)² = 0 gives A′ = 4H″A² − ½γσ² and B′ = μ(t) + κB, κ = 4H″A, B(T) = 0
/// (the drift enters only B, exactly linearly: no O(μ²) term reaches the quotes). In the ergodic regime A is constant,
/// 2A = <see cref="Skew"/> and κ = γσ²/Skew (<see cref="DriftRelaxationRate"/>), so B(t) = −∫₀^∞ e^(−κu)μ(t + u) du:
/// −μ/κ for a persistent drift (the μ/(γσ²) centre above) and −μh/(1 + κh) for the decaying view, i.e. the view counts
/// with weight w = κh/(1 + κh). For h ≪ 1/κ the quotes shift by ≈ μh, the view's whole expected move; as h → ∞ they
/// tend to the persistent-drift quotes. The dropped terms are those of the closed form itself (third and higher
/// derivatives of H, finite differences as derivatives, the inventory bound); against the exact model's first-order
/// response (<see cref="GlftExactModel"/>) the tests check the weight.</para>
/// </remarks>
public sealed class GlftClosedFormModel : IQuotingModel
{
    private readonly double _inverseGammaSigma2;

    /// <summary>Precomputes every coefficient; <see cref="Quote"/> then costs a handful of flops.</summary>
    /// <param name="parameters">The model parameters (horizon and inventory bound play no role here).</param>
    public GlftClosedFormModel(GlftParameters parameters)
    {
        Parameters = parameters ?? throw Guard.Invalid(nameof(parameters), "must not be null");
        var p = parameters;
        var sigma2 = p.Volatility * p.Volatility;
        _inverseGammaSigma2 = 1.0 / (p.RiskAversion * sigma2);

        // √(γσ²/(2AΔk)·(1+ξᵤΔ/k)^(k/(ξᵤΔ)+1)) · e^(kξ/4), computed in log space.
        var logSkew = 0.5 * (Math.Log(p.RiskAversion * sigma2 / (2.0 * p.ArrivalRate * p.OrderSize * p.DepthDecay))
                             + p.LogInverseHamiltonianConstant)
                      + 0.25 * p.DepthDecay * p.AdverseSelectionPerFill;
        Skew = Math.Exp(logSkew);
        HalfSpread = p.BaseDepth + 0.5 * p.AdverseSelectionPerFill + 0.5 * p.OrderSize * Skew;
        if (!double.IsFinite(Skew) || !double.IsFinite(HalfSpread))
        {
            throw new MarketMakingException(
                MarketMakingErrorKind.NumericalInstability,
                $"closed-form coefficients are not finite (skew {Skew}, half spread {HalfSpread})",
                nameof(parameters));
        }
    }

    /// <summary>The parameters.</summary>
    public GlftParameters Parameters { get; }

    /// <summary>
    /// Depth at zero inventory and zero drift, δ̃ + ξ/2 + (Δ/2)·<see cref="Skew"/>, price units
    /// (hftbacktest's "half spread" c₁ + (Δ/2)σc₂ when ξ = 0).
    /// </summary>
    public double HalfSpread { get; }

    /// <summary>
    /// Quote shift per unit of inventory, price per unit of the asset: e^(kξ/4)·√(γσ²/(2AΔk)·(1+ξᵤΔ/k)^(k/(ξᵤΔ)+1))
    /// (hftbacktest's σc₂ when ξ = 0).
    /// </summary>
    public double Skew { get; }

    /// <inheritdoc />
    public TwoSidedQuote Quote(in MarketSnapshot snapshot)
    {
        var offset = snapshot.Inventory - (Parameters.Drift + snapshot.Drift * ViewWeight(snapshot.DriftDecayTime)) * _inverseGammaSigma2;
        var shift = Skew * offset;
        var half = HalfSpread + snapshot.AdverseSelection;
        var size = Parameters.OrderSize;
        return TwoSidedQuote.FromDepths(snapshot.Mid, snapshot.Mid - shift, half + shift, half - shift, size, size);
    }

    /// <summary>
    /// κ = γσ²/<see cref="Skew"/>, per time unit: the rate at which the closed form's linear-in-q value term forgets a
    /// drift (B′ = μ(t) + κB below), so a drift view lasting h counts with weight κh/(1 + κh).
    /// </summary>
    public double DriftRelaxationRate => 1 / (Skew * _inverseGammaSigma2);

    /// <summary>Weight of a snapshot drift view with decay time h: 1 if persistent, κh/(1 + κh) otherwise.</summary>
    private double ViewWeight(double decayTime)
    {
        if (double.IsPositiveInfinity(decayTime))
        {
            return 1.0;
        }

        var kh = DriftRelaxationRate * decayTime;
        return kh / (1.0 + kh);
    }

    /// <summary>Closed-form bid depth at inventory q (asset units) with the model's own drift, no snapshot premium.</summary>
    internal double BidDepth(double inventory) =>
        HalfSpread + Skew * (inventory - Parameters.Drift * _inverseGammaSigma2);

    /// <summary>Closed-form ask depth at inventory q (asset units) with the model's own drift, no snapshot premium.</summary>
    internal double AskDepth(double inventory) =>
        HalfSpread - Skew * (inventory - Parameters.Drift * _inverseGammaSigma2);
}
