using System;

namespace Lean.MarketMaking.Models.Quoting.MultiAsset;

/// <summary>
/// Scalar constants of the Hamiltonian H_ξ(p) = sup_δ Λ(δ)·(1 − e^(−ξz(δ − p)))/(ξz) (ξ &gt; 0) or
/// sup_δ Λ(δ)·(δ − p) (ξ = 0) for an exponential intensity Λ(δ) = A·e^(−kδ) and trade size z
/// (Guéant 2017; Bergault et al. 2021, model section). Both sups are attained at δ̃_ξ(p) = p + offset, and
/// H_ξ(p) = (A/k)·C_ξ·e^(−kp), so H_ξ″(0) = A·k·C_ξ.
/// </summary>
internal static class ExponentialIntensityHamiltonian
{
    /// <summary>
    /// C_ξ = (1 + ξz/k)^(−(1 + k/(ξz))) for ξ &gt; 0, and its limit e^(−1) for ξ = 0.
    /// </summary>
    public static double ConstantC(double xi, double decay, double size)
    {
        if (xi == 0)
        {
            return Math.Exp(-1.0);
        }

        var x = xi * size / decay;
        return Math.Exp(-(1.0 + 1.0 / x) * Math.Log(1.0 + x));
    }

    /// <summary>
    /// δ̃_ξ(p) − p: (1/(ξz))·ln(1 + ξz/k) for ξ &gt; 0, and its limit 1/k for ξ = 0. In price units.
    /// </summary>
    public static double QuoteOffset(double xi, double decay, double size)
    {
        if (xi == 0)
        {
            return 1.0 / decay;
        }

        var x = xi * size / decay;
        return Math.Log(1.0 + x) / (xi * size);
    }
}
