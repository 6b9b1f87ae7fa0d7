namespace Lean.MarketMaking.Models.Quoting.Glft;

/// <summary>
/// The market maker's objective in Guéant (2017), "Optimal market making", Applied Mathematical Finance 24(2)
/// (arXiv:1605.01862). It fixes the utility exponent ξ of that paper (not to be confused with the
/// adverse-selection jump <see cref="GlftParameters.AdverseSelectionPerFill"/> of GLFT 2013 §5.2).
/// </summary>
public enum GlftObjective
{
    /// <summary>
    /// Guéant's "model A": CARA utility of terminal wealth, E[−exp(−γ(X_T + q_T S_T))], i.e. utility exponent ξ = γ.
    /// With order size 1 this is exactly the problem of Guéant, Lehalle &amp; Fernandez-Tapia (2013).
    /// </summary>
    Cara = 0,

    /// <summary>
    /// Guéant's "model B": risk-neutral expected wealth with a running inventory penalty,
    /// E[X_T + q_T S_T − ½γσ²∫q_t² dt], i.e. utility exponent ξ = 0.
    /// </summary>
    RiskNeutral = 1,
}
