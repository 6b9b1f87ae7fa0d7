using System;

namespace Lean.MarketMaking.Models.LinearAlgebra;

/// <summary>
/// The outcome of <see cref="NearestCorrelationMatrix.Compute"/>: the nearest correlation matrix X to the input A, its
/// Frobenius distance ‖A − X‖_F (to the symmetric part of A), and the iterations it took.
/// </summary>
public sealed class NearestCorrelationResult
{
    private readonly double[,] _values;

    internal NearestCorrelationResult(double[,] values, double frobeniusDistance, int iterations, double minimumEigenvalue)
    {
        _values = values;
        FrobeniusDistance = frobeniusDistance;
        Iterations = iterations;
        MinimumEigenvalue = minimumEigenvalue;
    }

    /// <summary>Dimension n.</summary>
    public int Dimension => _values.GetLength(0);

    /// <summary>‖A_sym − X‖_F: how far the input was moved (0 when it was already a valid correlation matrix).</summary>
    public double FrobeniusDistance { get; }

    /// <summary>Alternating-projection iterations performed (0 when the input was already a valid correlation matrix).</summary>
    public int Iterations { get; }

    /// <summary>The smallest eigenvalue of X (≥ δ up to rounding; may be 0 for δ = 0).</summary>
    public double MinimumEigenvalue { get; }

    /// <summary>Entry X[i, j].</summary>
    public double this[int i, int j] => _values[i, j];

    /// <summary>A copy of X.</summary>
    public double[,] ToArray() => (double[,])_values.Clone();

    /// <summary>X as a validated <see cref="CorrelationMatrix"/> (requires a positive definite X, i.e. δ &gt; 0 in practice).</summary>
    /// <exception cref="Errors.MarketMakingException">CorrelationMatrixNotPositiveDefinite when X is singular.</exception>
    public CorrelationMatrix ToCorrelationMatrix() => new(_values);

    /// <inheritdoc />
    public override string ToString() => $"nearest correlation n={Dimension}, distance={FrobeniusDistance}, iterations={Iterations}";

    internal static double Frobenius(double[,] a, double[,] b)
    {
        var sum = 0.0;
        var n = a.GetLength(0);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var d = a[i, j] - b[i, j];
                sum += d * d;
            }
        }

        return Math.Sqrt(sum);
    }
}
