namespace Lean.MarketMaking.Models.Quoting.MultiAsset;

/// <summary>Which approximation of the value function's quadratic coefficient A the quotes use.</summary>
public enum MultiAssetGlftRegime
{
    /// <summary>
    /// Finite horizon T: A(t) = ½·D₊^(−½)·Â·tanh(Â(T − t))·D₊^(−½), which vanishes at t = T
    /// (Bergault et al. 2021, Proposition 2: closed-form solution of the Riccati equation).
    /// </summary>
    FiniteHorizon = 0,

    /// <summary>
    /// Ergodic (asymptotic, T − t → ∞) limit A = ½√γ·Γ, Γ = D₊^(−½)(D₊^½ΣD₊^½)^½D₊^(−½); time is ignored.
    /// </summary>
    Ergodic = 1,
}
