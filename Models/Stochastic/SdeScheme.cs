namespace Lean.MarketMaking.Models.Stochastic;

/// <summary>Discretisation scheme of <see cref="ScalarSdeSolver"/> (Kloeden &amp; Platen 1992, "Numerical solution of stochastic differential equations", §10.2 and §10.3).</summary>
public enum SdeScheme
{
    /// <summary>Euler–Maruyama X + aΔt + bΔW: strong order 0.5, weak order 1.</summary>
    EulerMaruyama,

    /// <summary>Milstein X + aΔt + bΔW + ½bb′(ΔW² − Δt): strong order 1 (scalar noise).</summary>
    Milstein,
}
