using System;
using Lean.MarketMaking.Models.Numerics;

namespace Lean.MarketMaking.Models.Quoting.Glft;

/// <summary>
/// The (2N+1)×(2N+1) symmetric tridiagonal matrix M of Guéant, Lehalle &amp; Fernandez-Tapia (2013), Proposition 2,
/// with the §5 extensions and Guéant (2017)'s order size Δ, for inventories nΔ, n = −N … N (index i = n + N):
/// <code>
/// M[i,i] = α n² − β n,   M[i,i±1] = −η e^(−kξ/2),   v(T) = exp(−½ k ξ n²)
/// α = (k/2)γσ²Δ, β = kμ, η = A·(1 + ξᵤΔ/k)^(−(1 + k/(ξᵤΔ)))   (η = A/e when ξᵤ = 0)
/// </code>
/// Δ = 1 gives GLFT Proposition 2; β from Proposition "Solution with a drift" (§5.1); the e^(−kξ/2) and the terminal
/// condition from Proposition "Solution with market impact" (§5.2). The order size Δ: Guéant (2017) states the HJB for
/// general intensities; with A·e^(−kδ) its Hamiltonian is H(p) = (AΔ/k)·C·e^(−kp) and the change of variables
/// v = exp(kθ/Δ) (GLFT Proposition 1's, rescaled) turns it into this linear system. Its Gaussian approximation
/// (GLFT §4) reproduces Guéant's (4.6)/(4.7) exactly, which the tests check. The two §5 extensions are combined here
/// (the papers treat them one at a time); this is valid because both changes of variables are diagonal. Then v(t) = exp(−M(T − t))·v(T) and
/// δᵇ = (1/k)ln(v_n/v_{n+1}) + ξ/2 + δ̃, δᵃ = (1/k)ln(v_n/v_{n−1}) + ξ/2 + δ̃ (Theorem 1 and §5).
/// </summary>
/// <remarks>
/// With G = −M (tridiagonal Metzler: off-diagonals η e^(−kξ/2) ≥ 0), v(t) = exp(G(T − t))·v(T) is evaluated by
/// <see cref="TridiagonalMetzlerExponential"/> (<see cref="Exponential"/>), entrywise accurate. Its Perron root is
/// −λ₀, λ₀ the smallest eigenvalue of M, and its Perron vector is the ground eigenvector f⁰ of GLFT Theorem 2 (the
/// ergodic quotes use f⁰); f⁰ decays faster than a Gaussian in n, so its log-ratios ln(f_{n+1}/f_n) come from the
/// three-term recurrence with full relative accuracy (<see cref="TridiagonalPerronVector"/>), not from the
/// eigensolver's vector.
/// </remarks>
internal sealed class GlftGenerator
{
    public GlftGenerator(GlftParameters parameters, int levels, double horizon)
    {
        Levels = levels;
        var size = 2 * levels + 1;
        Diagonal = new double[size];
        LogTerminal = new double[size];
        OffDiagonal = parameters.Eta * Math.Exp(-0.5 * parameters.DepthDecay * parameters.AdverseSelectionPerFill);
        var beta = parameters.DepthDecay * parameters.Drift;
        var generator = new double[size];
        for (var i = 0; i < size; i++)
        {
            double n = i - levels;
            Diagonal[i] = parameters.InventoryRisk * n * n - beta * n;
            LogTerminal[i] = -0.5 * parameters.DepthDecay * parameters.AdverseSelectionPerFill * n * n;
            generator[i] = -Diagonal[i];
        }

        Exponential = new TridiagonalMetzlerExponential(generator, OffDiagonal, OffDiagonal, LogTerminal, horizon);
        LogGroundState = Exponential.LogPerronVector();
    }

    /// <summary>N = Q/Δ.</summary>
    public int Levels { get; }

    /// <summary>M[i,i], per time unit.</summary>
    public double[] Diagonal { get; }

    /// <summary>η e^(−kξ/2) ≥ 0, so that M[i,i±1] = −OffDiagonal.</summary>
    public double OffDiagonal { get; }

    /// <summary>ln v_i(T).</summary>
    public double[] LogTerminal { get; }

    /// <summary>ln f⁰_i up to an additive constant (f⁰ the ground eigenvector, positive).</summary>
    public double[] LogGroundState { get; }

    /// <summary>exp(−Mτ)·v(T), τ ≤ the horizon; not thread-safe (the model serialises its use).</summary>
    public TridiagonalMetzlerExponential Exponential { get; }
}
