using System;
using Lean.MarketMaking.Models.Errors;
using MathNet.Numerics.LinearAlgebra;

namespace Lean.MarketMaking.Models.LinearAlgebra;

/// <summary>
/// An immutable, validated correlation matrix: square, symmetric, unit diagonal, entries in [−1, 1],
/// and positive definite (checked by a Cholesky factorisation). Holds its own copy of the data.
/// </summary>
public sealed class CorrelationMatrix
{
    private const double SymmetryTolerance = 1e-12;
    private readonly double[,] _values;

    /// <summary>Validates and copies <paramref name="values"/>.</summary>
    /// <exception cref="MarketMakingException">
    /// <see cref="MarketMakingErrorKind.InvalidParameters"/> for a non-square or non-finite input;
    /// <see cref="MarketMakingErrorKind.CorrelationMatrixNotPositiveDefinite"/> when it is not symmetric,
    /// has a non-unit diagonal or an entry outside [−1, 1], or is not positive definite.
    /// </exception>
    public CorrelationMatrix(double[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var n = values.GetLength(0);
        if (n == 0 || values.GetLength(1) != n)
        {
            throw Guard.Invalid(nameof(values), $"must be a non-empty square matrix, got {values.GetLength(0)}x{values.GetLength(1)}");
        }

        _values = (double[,])values.Clone();
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var v = _values[i, j];
                Guard.Finite(v, $"{nameof(values)}[{i},{j}]");
                if (Math.Abs(v - _values[j, i]) > SymmetryTolerance)
                {
                    throw NotPd($"is not symmetric at [{i},{j}]: {v} vs {_values[j, i]}");
                }

                if (i == j && Math.Abs(v - 1.0) > SymmetryTolerance)
                {
                    throw NotPd($"diagonal [{i},{i}] must be 1, got {v}");
                }

                if (Math.Abs(v) > 1.0)
                {
                    throw NotPd($"entry [{i},{j}] = {v} is outside [-1, 1]");
                }
            }
        }

        try
        {
            var cholesky = Matrix<double>.Build.DenseOfArray(_values).Cholesky();
            if (!(cholesky.Determinant > 0) || !double.IsFinite(cholesky.Determinant))
            {
                throw NotPd("is not positive definite");
            }
        }
        catch (ArgumentException e)
        {
            // MathNet's Cholesky reports a non-positive pivot as an ArgumentException.
            throw new MarketMakingException(MarketMakingErrorKind.CorrelationMatrixNotPositiveDefinite, "is not positive definite", "values", e);
        }
    }

    /// <summary>Dimension n.</summary>
    public int Dimension => _values.GetLength(0);

    /// <summary>Correlation between assets <paramref name="i"/> and <paramref name="j"/>.</summary>
    /// <param name="i">Row, in [0, n).</param>
    /// <param name="j">Column, in [0, n).</param>
    /// <exception cref="MarketMakingException">InvalidParameters naming the index that is out of range.</exception>
    public double this[int i, int j] => _values[Index(i, nameof(i)), Index(j, nameof(j))];

    /// <summary>The n×n identity correlation (independent assets).</summary>
    public static CorrelationMatrix Identity(int dimension)
    {
        Guard.Positive(dimension, nameof(dimension));
        var m = new double[dimension, dimension];
        for (var i = 0; i < dimension; i++)
        {
            m[i, i] = 1.0;
        }

        return new CorrelationMatrix(m);
    }

    /// <summary>A fresh MathNet copy of the matrix.</summary>
    public Matrix<double> ToMatrix() => Matrix<double>.Build.DenseOfArray(_values);

    private int Index(int index, string name) =>
        (uint)index < (uint)Dimension ? index : throw Guard.Invalid(name, $"must be in [0, {Dimension - 1}], got {index}");

    private static MarketMakingException NotPd(string why) =>
        new(MarketMakingErrorKind.CorrelationMatrixNotPositiveDefinite, why, "values");
}
