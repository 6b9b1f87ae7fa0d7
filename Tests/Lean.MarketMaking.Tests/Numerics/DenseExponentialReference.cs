using System;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Lean.MarketMaking.Tests.Numerics;

/// <summary>
/// ln(exp(Gτ)x) for a small tridiagonal G straight from MathNet's dense, unsymmetrised eigendecomposition
/// G = V·Λ·V⁻¹ (no similarity scaling, no series): ω = V·e^(Λτ)·V⁻¹x, with e^(λ_max·τ) and max x factored out so it
/// stays finite. Accurate to ~ε·cond(V) relative to the largest component: only for well-conditioned G and vectors of
/// moderate dynamic range.
/// </summary>
internal static class DenseExponentialReference
{
    /// <summary>The dense tridiagonal matrix with <paramref name="diagonal"/> and constant off-diagonals.</summary>
    public static Matrix<double> Generator(double[] diagonal, double upper, double lower)
    {
        var n = diagonal.Length;
        var g = Matrix<double>.Build.Dense(n, n);
        for (var i = 0; i < n; i++)
        {
            g[i, i] = diagonal[i];
            if (i + 1 < n)
            {
                g[i, i + 1] = upper;
                g[i + 1, i] = lower;
            }
        }

        return g;
    }

    public static double[] LogApply(double[] diagonal, double upper, double lower, double[] logX, double tau)
    {
        var n = diagonal.Length;
        var g = Generator(diagonal, upper, lower);
        var evd = g.Evd(Symmetricity.Asymmetric);
        var lambdaMax = double.NegativeInfinity;
        for (var k = 0; k < n; k++)
        {
            lambdaMax = Math.Max(lambdaMax, evd.EigenValues[k].Real);
        }

        var scale = double.NegativeInfinity;
        foreach (var l in logX)
        {
            scale = Math.Max(scale, l);
        }

        var x = Vector<double>.Build.Dense(n, i => Math.Exp(logX[i] - scale));
        var c = evd.EigenVectors.Solve(x);
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var k = 0; k < n; k++)
            {
                sum += evd.EigenVectors[i, k] * Math.Exp((evd.EigenValues[k].Real - lambdaMax) * tau) * c[k];
            }

            result[i] = Math.Log(sum) + (lambdaMax * tau) + scale;
        }

        return result;
    }
}
