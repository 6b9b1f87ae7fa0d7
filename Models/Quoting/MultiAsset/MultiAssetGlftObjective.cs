namespace Lean.MarketMaking.Models.Quoting.MultiAsset;

/// <summary>
/// The market maker's objective in Guéant (2017) and Bergault, Evangelista, Guéant &amp; Vieira (2021) (Model A and Model B):
/// it fixes the parameter ξ of the Hamiltonian H_ξ and hence of the quote map δ̃_ξ.
/// </summary>
/// <remarks>
/// The single-asset GLFT model has the same two choices; the two enums are meant to be unified.
/// </remarks>
public enum MultiAssetGlftObjective
{
    /// <summary>
    /// Model A: expected CARA utility −E[exp(−γ·(terminal wealth))], so ξ = γ.
    /// </summary>
    Cara = 0,

    /// <summary>
    /// Model B: risk-neutral expected wealth minus the running inventory penalty ½γ∫qᵀΣq dt, so ξ = 0.
    /// </summary>
    RiskNeutralWithPenalty = 1,
}
