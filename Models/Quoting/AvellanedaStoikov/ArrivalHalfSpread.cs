
namespace Lean.MarketMaking.Models.Quoting.AvellanedaStoikov;

/// <summary>
/// The execution-risk half-spread (1/γ)·ln(1 + γ/k) that every exponential-intensity CARA market-making model adds to
/// its reservation prices: the solution of the first-order conditions (18)–(19) of Avellaneda &amp; Stoikov (2008) with
/// λ(δ) = A·e^(−kδ), for which λ/λ′ = −1/k.
/// </summary>
internal static class ArrivalHalfSpread
{
    /// <summary>(1/γ)·ln(1 + γ/k), in price units, computed with log1p so that γ/k → 0 tends cleanly to 1/k.</summary>
    /// <param name="riskAversion">γ &gt; 0, per price unit.</param>
    /// <param name="intensityDecay">k &gt; 0, per price unit.</param>
    public static double Of(double riskAversion, double intensityDecay) =>
        Log1P.Of(riskAversion / intensityDecay) / riskAversion;
}
