using System;
using Lean.MarketMaking.Models.Errors;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Lean.MarketMaking.Models.LinearAlgebra;

/// <summary>
/// Validation of a symmetric positive semi-definite matrix (a covariance that may be singular, a penalty matrix): finite,
/// square, symmetric to 1e-12 relative to its largest entry, smallest eigenvalue ≥ −1e-12·largest |eigenvalue| (rounding),
/// by a MathNet symmetric eigendecomposition.
/// </summary>
public static class PositiveSemiDefinite
{
    /// <summary>Checks <paramref name="matrix"/> and returns a copy of it.</summary>
    /// <param name="matrix">The matrix to check.</param>
    /// <param name="dimension">Required dimension n.</param>
    /// <param name="name">Parameter name for errors.</param>
    /// <exception cref="MarketMakingException">InvalidParameters naming <paramref name="name"/> (with the index for a non-finite entry).</exception>
    public static double[,] Require(double[,] matrix, int dimension, string name)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var n = dimension;
        if (matrix.GetLength(0) != n || matrix.GetLength(1) != n)
        {
            throw Guard.Invalid(name, $"must be {n}x{n}, got {matrix.GetLength(0)}x{matrix.GetLength(1)}");
        }

        var copy = (double[,])matrix.Clone();
        var largest = 0.0;
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                largest = Math.Max(largest, Math.Abs(Guard.Finite(copy[i, j], $"{name}[{i},{j}]")));
            }
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (Math.Abs(copy[i, j] - copy[j, i]) > 1e-12 * largest)
                {
                    throw Guard.Invalid(name, $"must be symmetric, [{i},{j}] = {copy[i, j]} but [{j},{i}] = {copy[j, i]}");
                }
            }
        }

        var top = 0.0;
        var bottom = double.PositiveInfinity;
        foreach (var e in Matrix<double>.Build.DenseOfArray(copy).Evd(Symmetricity.Symmetric).EigenValues)
        {
            top = Math.Max(top, Math.Abs(e.Real));
            bottom = Math.Min(bottom, e.Real);
        }

        if (bottom < -1e-12 * top)
        {
            throw Guard.Invalid(name, $"must be positive semi-definite, has the eigenvalue {bottom}");
        }

        return copy;
    }
}
