using System;

namespace Lean.MarketMaking.Tests.Quoting.MultiAsset;

/// <summary>
/// Test oracle: the one-asset closed-form quotes of Guéant (2017), "Optimal market making", eqs. (4.6)/(4.7)
/// (the Guéant–Lehalle–Fernandez-Tapia approximation), written out independently of the model code:
///   δᵇ ≈ (1/(ξΔ))·ln(1 + ξΔ/k) + (2q + Δ)/2 · √( γσ²/(2AΔk) · (1 + ξΔ/k)^(k/(ξΔ) + 1) ),
///   δᵃ ≈ (1/(ξΔ))·ln(1 + ξΔ/k) − (2q − Δ)/2 · √( … ),
/// with the ξ → 0 limits 1/k and e for the log term and the power term.
/// </summary>
/// <remarks>
/// Correspondence with the multi-asset model (exact, no extra factor): for one asset of size z = Δ,
/// D₊ = 2AkΔC_ξ with C_ξ = (1 + ξΔ/k)^(−(1 + k/(ξΔ))), so Γ = D₊^(−½)(D₊^½σ²D₊^½)^½D₊^(−½) = σ/√D₊ and the
/// ergodic A = ½√γΓ = ½√(γσ²/(2AΔk)·C_ξ⁻¹). Then pᵇ = 2Aq + ΔA = (2q + Δ)/2·√(…) and pᵃ = −2Aq + ΔA = −(2q − Δ)/2·√(…),
/// which are the skew terms of (4.6)/(4.7); δ̃(0) is the log term. The "√(γ/2)" seen in some statements of the
/// multi-asset formula comes from building Γ with D̄ = D₊/2 = diag(AⁱkⁱzⁱC_ξⁱ) (one side's Hamiltonian curvature
/// times z) instead of D₊ (both sides): Γ̄ = √2·Γ, hence √γ·Γ = √(γ/2)·Γ̄ — the same quotes.
/// TODO(lead): replace with GlftClosedFormModel once merged.
/// </remarks>
internal static class GueantOneAssetClosedForm
{
    public static (double BidDepth, double AskDepth) Depths(
        double q, double sigma, double intensityScale, double intensityDecay, double size, double gamma, double xi)
    {
        double logTerm;
        double powerTerm;
        if (xi == 0)
        {
            logTerm = 1.0 / intensityDecay;
            powerTerm = Math.E;
        }
        else
        {
            var x = xi * size / intensityDecay;
            logTerm = Math.Log(1.0 + x) / (xi * size);
            powerTerm = Math.Pow(1.0 + x, (intensityDecay / (xi * size)) + 1.0);
        }

        var root = Math.Sqrt(gamma * sigma * sigma / (2.0 * intensityScale * size * intensityDecay) * powerTerm);
        return (logTerm + ((2.0 * q) + size) / 2.0 * root, logTerm - ((2.0 * q) - size) / 2.0 * root);
    }
}
