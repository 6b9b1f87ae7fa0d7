using System;
using Lean.MarketMaking.Models.Numerics;

namespace Lean.MarketMaking.Models.Quoting;

/// <summary>
/// Scalar constants of the Hamiltonian of every exponential-intensity market-making model in this project: with fills of
/// size z at intensity Λ(δ) = A·e^(−kδ) at depth δ and utility exponent ξ,
/// H_ξ(p) = sup_δ Λ(δ)·(1 − e^(−ξz(δ − p)))/(ξz) for ξ &gt; 0 and sup_δ Λ(δ)·(δ − p) for ξ = 0
/// (Guéant 2017, "Optimal market making", Applied Mathematical Finance 24(2), arXiv:1605.01862, its Hamiltonian for
/// general intensities; Bergault, Evangelista, Guéant &amp; Vieira 2021, arXiv:1810.04383, model section).
/// Both sups are attained at δ̃_ξ(p) = p + <see cref="QuoteOffset"/>, and H_ξ(p) = (A/k)·C_ξ·e^(−kp) with
/// C_ξ = <see cref="ConstantC"/>, so H_ξ″(0) = A·k·C_ξ.
/// </summary>
/// <remarks>
/// <para>The same two numbers appear, under other names, in each model:</para>
/// <list type="bullet">
/// <item>Avellaneda &amp; Stoikov (2008), §3.1: the first-order conditions (18)–(19) with λ(δ) = A·e^(−kδ), for which
/// λ/λ′ = −1/k, give the execution-risk half-spread (1/γ)·ln(1 + γ/k) of (30) — <see cref="QuoteOffset"/> with ξ = γ, z = 1.</item>
/// <item>Guéant, Lehalle &amp; Fernandez-Tapia (2013), Theorem 1: the depth term (1/γ)·ln(1 + γ/k) of the optimal quotes
/// (again ξ = γ, z = 1), and Proposition 2: η = A·(1 + γ/k)^(−(1 + k/γ)) = A·C_γ, the off-diagonal of the matrix M.</item>
/// <item>Guéant (2017), (4.6)/(4.7): the first term (1/(ξΔ))·ln(1 + ξΔ/k) (→ 1/k as ξ → 0) is <see cref="QuoteOffset"/>
/// with z = Δ, and the power term (1 + ξΔ/k)^(k/(ξΔ) + 1) (→ e) is 1/C_ξ.</item>
/// <item>Bergault et al. (2021): C_ξ in D₊ = diag(2AⁱkⁱzⁱC_ξⁱ) and the quote map δ̃_ξ(p) − p.</item>
/// </list>
/// <para>All three are written through x = ξz/k and ln(1 + x)/x (<see cref="Log1P.OverX"/>), so they stay accurate to a
/// few ulps as ξz/k → 0 and reach their ξ = 0 limits (1/k and e^(−1)) without a special case.</para>
/// <para>Units: ξ per unit of wealth (price × asset units), k per price unit, z in asset units; the offset is in price units.</para>
/// </remarks>
internal static class ExponentialIntensityHamiltonian
{
    /// <summary>
    /// δ̃_ξ(p) − p = (1/(ξz))·ln(1 + ξz/k) for ξ &gt; 0 and its limit 1/k for ξ = 0, in price units: the optimal depth
    /// when the marginal value of a fill is zero (AS 2008 (18)–(19), GLFT 2013 Theorem 1, Guéant 2017 (4.6)/(4.7)).
    /// </summary>
    /// <param name="xi">Utility exponent ξ ≥ 0 (γ for CARA, 0 for the risk-neutral objective with penalty).</param>
    /// <param name="decay">Intensity decay k &gt; 0, per price unit.</param>
    /// <param name="size">Trade size z &gt; 0, asset units.</param>
    public static double QuoteOffset(double xi, double decay, double size) =>
        Log1P.OverX(xi * size / decay) / decay;

    /// <summary>
    /// −ln C_ξ = (1 + k/(ξz))·ln(1 + ξz/k) for ξ &gt; 0 and its limit 1 for ξ = 0 (dimensionless): the logarithm of the
    /// power term of Guéant (2017) (4.6)/(4.7), for computing the closed-form skew in log space.
    /// </summary>
    /// <inheritdoc cref="QuoteOffset" path="/param"/>
    public static double LogInverseConstantC(double xi, double decay, double size)
    {
        var x = xi * size / decay;
        return (1.0 + x) * Log1P.OverX(x);
    }

    /// <summary>
    /// C_ξ = (1 + ξz/k)^(−(1 + k/(ξz))) for ξ &gt; 0 and its limit e^(−1) for ξ = 0 (dimensionless), so that
    /// H_ξ(p) = (A/k)·C_ξ·e^(−kp) (Bergault et al. 2021; GLFT 2013 Proposition 2's η = A·C_γ).
    /// </summary>
    /// <inheritdoc cref="QuoteOffset" path="/param"/>
    public static double ConstantC(double xi, double decay, double size) =>
        Math.Exp(-LogInverseConstantC(xi, decay, size));
}
