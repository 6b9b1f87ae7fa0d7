using System;

namespace Lean.MarketMaking.Models.Anchor;

/// <summary>
/// exp(M) of a small dense matrix by scaling and squaring with a Taylor series (Moler &amp; Van Loan 2003, "Nineteen
/// dubious ways to compute the exponential of a matrix, twenty-five years later", SIAM Review 45(1), method 3):
/// M is scaled by 2^(−s) so that ‖M‖∞·2^(−s) ≤ ½, the series is summed to machine precision and squared s times.
/// Plain arrays (a 9×9 product is under a microsecond; MathNet's dispatch cost milliseconds here). For the
/// (2D+1)×(2D+1) forecast matrices of <see cref="ClosedFormEventCountForecaster"/> (D = 4), not for stiff or large ones.
/// </summary>
internal static class MatrixExponential
{
    /// <summary>exp(<paramref name="m"/>) for a square <paramref name="m"/>.</summary>
    public static double[,] Of(double[,] m)
    {
        var n = m.GetLength(0);
        var norm = InfinityNorm(m);
        var squarings = norm > 0.5 ? (int)Math.Ceiling(Math.Log2(norm / 0.5)) : 0;
        var scale = Math.Pow(2, -squarings);
        var result = new double[n, n];
        var term = new double[n, n];
        var next = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            result[i, i] = 1;
            term[i, i] = 1;
        }

        for (var k = 1; k <= 30; k++)
        {
            Multiply(term, m, next, scale / k);
            (term, next) = (next, term);
            Add(result, term);
            if (InfinityNorm(term) <= 1e-17 * InfinityNorm(result))
            {
                break;
            }
        }

        for (var s = 0; s < squarings; s++)
        {
            Multiply(result, result, next, 1.0);
            (result, next) = (next, result);
        }

        return result;
    }

    private static void Multiply(double[,] a, double[,] b, double[,] destination, double factor)
    {
        var n = a.GetLength(0);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = 0.0;
                for (var k = 0; k < n; k++)
                {
                    sum += a[i, k] * b[k, j];
                }

                destination[i, j] = factor * sum;
            }
        }
    }

    private static void Add(double[,] target, double[,] term)
    {
        var n = target.GetLength(0);
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                target[i, j] += term[i, j];
            }
        }
    }

    private static double InfinityNorm(double[,] m)
    {
        var n = m.GetLength(0);
        var max = 0.0;
        for (var i = 0; i < n; i++)
        {
            var row = 0.0;
            for (var j = 0; j < n; j++)
            {
                row += Math.Abs(m[i, j]);
            }

            max = Math.Max(max, row);
        }

        return max;
    }
}
