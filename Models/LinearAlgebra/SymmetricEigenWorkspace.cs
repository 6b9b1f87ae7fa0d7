using System;
using System.Numerics;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace Lean.MarketMaking.Models.LinearAlgebra;

/// <summary>
/// Reusable buffers for repeated symmetric eigendecompositions of one order n through MathNet's linear-algebra provider
/// (the routine behind <c>Matrix.Evd(Symmetricity.Symmetric)</c>, without its per-call matrix and vector objects).
/// </summary>
internal sealed class SymmetricEigenWorkspace
{
    private readonly double[] _blockDiagonal;

    /// <summary>Allocates the buffers for order <paramref name="order"/>.</summary>
    public SymmetricEigenWorkspace(int order)
    {
        Order = order;
        Vectors = new double[order * order];
        Values = new Complex[order];
        _blockDiagonal = new double[order * order];
    }

    /// <summary>n.</summary>
    public int Order { get; }

    /// <summary>The eigenvectors of the last decomposition, column-major (column m at m·n).</summary>
    public double[] Vectors { get; }

    /// <summary>The eigenvalues of the last decomposition (real parts; ascending).</summary>
    public Complex[] Values { get; }

    /// <summary>The smallest eigenvalue of the last decomposition.</summary>
    public double Smallest
    {
        get
        {
            var smallest = double.PositiveInfinity;
            foreach (var value in Values)
            {
                smallest = Math.Min(smallest, value.Real);
            }

            return smallest;
        }
    }

    /// <summary>Decomposes the symmetric n×n <paramref name="matrix"/> (row- or column-major; left unchanged).</summary>
    public void Decompose(double[] matrix) =>
        LinearAlgebraControl.Provider.EigenDecomp(true, Order, matrix, Vectors, Values, _blockDiagonal);
}
