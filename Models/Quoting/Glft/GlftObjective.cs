namespace Lean.MarketMaking.Models.Quoting.Glft;

/// <summary>
/// The market maker's objective in Guéant (2017), "Optimal market making", Applied Mathematical Finance 24(2)
/// (arXiv:1605.01862), shared by the single-asset GLFT models and the multi-asset model of Bergault, Evangelista,
/// Guéant &amp; Vieira (2021) (arXiv:1810.04383). It fixes the utility exponent ξ of those papers, hence the
/// Hamiltonian H_ξ and the quote map δ̃_ξ; not to be confused with the adverse-selection jump
/// <see cref="GlftParameters.AdverseSelectionPerFill"/> of GLFT 2013 §5.2.
/// </summary>
public enum GlftObjective
{
    /// <summary>
    /// Guéant's "model A": CARA utility of terminal wealth, E[−exp(−γ(X_T + q_T S_T))] (with n assets,
    /// E[−exp(−γ(X_T + Σᵢ qⁱ_T Sⁱ_T))]), i.e. utility exponent ξ = γ.
    /// With one asset and order size 1 this is exactly the problem of Guéant, Lehalle &amp; Fernandez-Tapia (2013).
    /// </summary>
    Cara = 0,

    /// <summary>
    /// Guéant's "model B": risk-neutral expected wealth with a running inventory penalty,
    /// E[X_T + q_T S_T − ½γσ²∫q_t² dt] (with n assets, the penalty is ½γ∫q_tᵀΣq_t dt), i.e. utility exponent ξ = 0.
    /// </summary>
    RiskNeutral = 1,
}
