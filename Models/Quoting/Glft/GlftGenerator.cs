using System;
using Lean.MarketMaking.Models.Errors;
using MathNet.Numerics.LinearAlgebra;

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
/// M is eigendecomposed once (MathNet <c>Evd</c>, symmetric) for its smallest eigenvalue λ₀ and ground eigenvector
/// f⁰ (GLFT Theorem 2: the ergodic quotes use f⁰). Because f⁰ decays faster than a Gaussian in n, its tail entries are
/// far below the eigensolver's absolute accuracy, so the ergodic log-ratios ln(f_{n+1}/f_n) are recomputed with
/// full relative accuracy from the three-term recurrence (M − λ₀)f = 0 as continued fractions run from each
/// boundary towards the peak of f⁰ (every denominator is ≥ η e^(−kξ/2) there, so the recursion is stable).
/// </remarks>
internal sealed class GlftGenerator
{
    public GlftGenerator(GlftParameters parameters, int levels)
    {
        Levels = levels;
        var size = 2 * levels + 1;
        Diagonal = new double[size];
        LogTerminal = new double[size];
        OffDiagonal = parameters.Eta * Math.Exp(-0.5 * parameters.DepthDecay * parameters.AdverseSelectionPerFill);
        var beta = parameters.DepthDecay * parameters.Drift;
        for (var i = 0; i < size; i++)
        {
            double n = i - levels;
            Diagonal[i] = parameters.InventoryRisk * n * n - beta * n;
            LogTerminal[i] = -0.5 * parameters.DepthDecay * parameters.AdverseSelectionPerFill * n * n;
        }

        var m = Matrix<double>.Build.Dense(size, size);
        for (var i = 0; i < size; i++)
        {
            m[i, i] = Diagonal[i];
            if (i + 1 < size)
            {
                m[i, i + 1] = -OffDiagonal;
                m[i + 1, i] = -OffDiagonal;
            }
        }

        var evd = m.Evd(Symmetricity.Symmetric);
        var lowest = 0;
        for (var j = 1; j < size; j++)
        {
            if (evd.EigenValues[j].Real < evd.EigenValues[lowest].Real)
            {
                lowest = j;
            }
        }

        LowestEigenvalue = evd.EigenValues[lowest].Real;
        var peak = 0;
        for (var i = 1; i < size; i++)
        {
            if (Math.Abs(evd.EigenVectors[i, lowest]) > Math.Abs(evd.EigenVectors[peak, lowest]))
            {
                peak = i;
            }
        }

        LogGroundState = GroundStateLogs(peak);
    }

    /// <summary>N = Q/Δ.</summary>
    public int Levels { get; }

    /// <summary>M[i,i], per time unit.</summary>
    public double[] Diagonal { get; }

    /// <summary>η e^(−kξ/2) ≥ 0, so that M[i,i±1] = −OffDiagonal.</summary>
    public double OffDiagonal { get; }

    /// <summary>ln v_i(T).</summary>
    public double[] LogTerminal { get; }

    /// <summary>λ₀, the smallest eigenvalue of M.</summary>
    public double LowestEigenvalue { get; }

    /// <summary>ln f⁰_i up to an additive constant (f⁰ the ground eigenvector, positive).</summary>
    public double[] LogGroundState { get; }

    private double[] GroundStateLogs(int peak)
    {
        var size = Diagonal.Length;
        var e = OffDiagonal;
        var logs = new double[size];

        // Right of the peak: r_i = f_i / f_{i−1} = e / (M_ii − λ₀ − e·r_{i+1}), from the top boundary down.
        var ratio = 0.0;
        var right = new double[size];
        for (var i = size - 1; i > peak; i--)
        {
            ratio = e / Denominator(Diagonal[i] - LowestEigenvalue - e * ratio);
            right[i] = Math.Log(ratio);
        }

        for (var i = peak + 1; i < size; i++)
        {
            logs[i] = logs[i - 1] + right[i];
        }

        // Left of the peak: l_i = f_i / f_{i+1}, from the bottom boundary up.
        ratio = 0.0;
        var left = new double[size];
        for (var i = 0; i < peak; i++)
        {
            ratio = e / Denominator(Diagonal[i] - LowestEigenvalue - e * ratio);
            left[i] = Math.Log(ratio);
        }

        for (var i = peak - 1; i >= 0; i--)
        {
            logs[i] = logs[i + 1] + left[i];
        }

        return logs;
    }

    private static double Denominator(double value)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new MarketMakingException(
                MarketMakingErrorKind.NumericalInstability,
                $"ground-state recursion lost positivity (denominator {value})");
        }

        return value;
    }
}
