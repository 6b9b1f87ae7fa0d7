namespace Lean.MarketMaking.Models.Quoting.Glft;

/// <summary>What a <see cref="GlftObjective"/> means for the Hamiltonian of Guéant (2017).</summary>
internal static class GlftObjectiveExtensions
{
    /// <summary>
    /// The utility exponent ξ of Guéant (2017) and Bergault et al. (2021): γ for <see cref="GlftObjective.Cara"/>,
    /// 0 for <see cref="GlftObjective.RiskNeutral"/>. Same unit as <paramref name="riskAversion"/>.
    /// </summary>
    /// <param name="objective">The objective.</param>
    /// <param name="riskAversion">γ &gt; 0.</param>
    public static double UtilityExponent(this GlftObjective objective, double riskAversion) =>
        objective == GlftObjective.Cara ? riskAversion : 0.0;
}
