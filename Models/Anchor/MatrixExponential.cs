using System;
using MathNet.Numerics.LinearAlgebra;

namespace Lean.MarketMaking.Models.Anchor;

/// <summary>
/// exp(M) of a small dense matrix by scaling and squaring with a Taylor series (Moler &amp; Van Loan 2003, "Nineteen
/// dubious ways to compute the exponential of a matrix, twenty-five years later", SIAM Review 45(1), method 3):
/// M is scaled by 2^(−s) so that ‖M‖∞·2^(−s) ≤ ½, the series is summed to machine precision and squared s times.
/// For the (2D+1)×(2D+1) forecast matrices here (D = 4), not for stiff or large matrices.
/// </summary>
internal static class MatrixExponential
{
    /// <summary>exp(<paramref name="m"/>).</summary>
    public static Matrix<double> Of(Matrix<double> m)
    {
        var norm = m.InfinityNorm();
        var squarings = norm > 0.5 ? (int)Math.Ceiling(Math.Log2(norm / 0.5)) : 0;
        var scaled = m / Math.Pow(2, squarings);
        var result = Matrix<double>.Build.DenseIdentity(m.RowCount);
        var term = result.Clone();
        for (var k = 1; k <= 30; k++)
        {
            term = term * scaled / k;
            result += term;
            if (term.InfinityNorm() <= 1e-17 * result.InfinityNorm())
            {
                break;
            }
        }

        for (var s = 0; s < squarings; s++)
        {
            result *= result;
        }

        return result;
    }
}
