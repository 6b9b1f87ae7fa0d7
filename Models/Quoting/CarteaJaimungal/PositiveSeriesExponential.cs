using System;

namespace Lean.MarketMaking.Models.Quoting.CarteaJaimungal;

/// <summary>
/// exp(𝐀τ)·z for a tridiagonal Metzler matrix 𝐀 (non-negative off-diagonals) and a positive z, computed with
/// entrywise relative accuracy: uniformisation exp(𝐀Δ) = e^(−cΔ)·Σ_m (cΔ)^m/m!·B^m with B = I + 𝐀/c ≥ 0 and cΔ ≤ ½,
/// followed by repeated squaring up to τ = 2^s·Δ. Every operation adds or multiplies non-negative numbers, so no
/// cancellation occurs and tiny components keep their relative accuracy (unlike any spectral formula, whose error is
/// relative to the largest component). Scale factors are kept in logarithms, so nothing overflows.
/// </summary>
/// <remarks>
/// Used by <see cref="InventorySpectrum"/> only when its eigen closed form cannot resolve some component. Cost
/// O(n³·log₂(cτ)) per call; allocation-free (buffers are allocated once). Not thread-safe.
/// </remarks>
internal sealed class PositiveSeriesExponential
{
    private readonly int _n;
    private readonly double[] _diagonal;
    private readonly double _upper;
    private readonly double _lower;
    private readonly double _rate;
    private readonly double[] _sum;
    private readonly double[] _power;
    private readonly double[] _scratch;
    private readonly double[] _vector;

    /// <summary>Stores 𝐀 = tridiag(lower, diagonal, upper).</summary>
    /// <param name="diagonal">𝐀[i, i].</param>
    /// <param name="upper">𝐀[i, i+1] ≥ 0.</param>
    /// <param name="lower">𝐀[i, i−1] ≥ 0.</param>
    public PositiveSeriesExponential(double[] diagonal, double upper, double lower)
    {
        _n = diagonal.Length;
        _diagonal = (double[])diagonal.Clone();
        _upper = upper;
        _lower = lower;
        var maxAbsDiagonal = 0.0;
        foreach (var d in diagonal)
        {
            maxAbsDiagonal = Math.Max(maxAbsDiagonal, Math.Abs(d));
        }

        // c ≥ max|𝐀_ii| makes the diagonal of B = I + 𝐀/c non-negative; adding the off-diagonals keeps c > 0.
        _rate = maxAbsDiagonal + upper + lower;
        _sum = new double[_n * _n];
        _power = new double[_n * _n];
        _scratch = new double[_n * _n];
        _vector = new double[_n];
    }

    /// <summary>
    /// Writes ln(exp(𝐀τ)z)_i − C into <paramref name="logResult"/> given ln z and returns the common constant C (kept
    /// apart so that the large growth term λτ does not swamp the differences between components); −∞ marks a
    /// component that underflows (more than ~1e-300 below the largest).
    /// </summary>
    public double LogApply(double tau, ReadOnlySpan<double> logZ, Span<double> logResult)
    {
        var n = _n;
        var squarings = 0;
        var step = tau;
        while (_rate * step > 0.5)
        {
            step *= 0.5;
            squarings++;
        }

        var x = _rate * step;
        Array.Clear(_power);
        Array.Clear(_sum);
        for (var i = 0; i < n; i++)
        {
            _power[(i * n) + i] = 1;
            _sum[(i * n) + i] = 1;
        }

        // Σ_m x^m/m!·B^m: enough terms for every entry's leading path (distance ≤ n − 1) plus 20 more, or until the
        // weights underflow.
        var weight = 1.0;
        var power = _power;
        var scratch = _scratch;
        for (var m = 1; m < n + 20 && weight > 0; m++)
        {
            weight *= x / m;
            MultiplyByB(power, scratch);
            (power, scratch) = (scratch, power);
            for (var k = 0; k < _sum.Length; k++)
            {
                _sum[k] += weight * power[k];
            }
        }

        // e^(−x) is folded into the log scale; squarings renormalise by the largest entry.
        var logScale = -x;
        for (var s = 0; s < squarings; s++)
        {
            var max = Square(_sum, scratch);
            var inverse = 1 / max;
            for (var k = 0; k < _sum.Length; k++)
            {
                _sum[k] = scratch[k] * inverse;
            }

            logScale = (2 * logScale) + Math.Log(max);
        }

        var maxLogZ = double.NegativeInfinity;
        foreach (var v in logZ)
        {
            maxLogZ = Math.Max(maxLogZ, v);
        }

        for (var j = 0; j < n; j++)
        {
            _vector[j] = Math.Exp(logZ[j] - maxLogZ);
        }

        for (var i = 0; i < n; i++)
        {
            var acc = 0.0;
            for (var j = 0; j < n; j++)
            {
                acc += _sum[(i * n) + j] * _vector[j];
            }

            logResult[i] = Math.Log(acc);
        }

        return maxLogZ + logScale;
    }

    // destination = B·source, B = I + 𝐀/c tridiagonal.
    private void MultiplyByB(double[] source, double[] destination)
    {
        var n = _n;
        var up = _upper / _rate;
        var low = _lower / _rate;
        for (var i = 0; i < n; i++)
        {
            var d = 1 + (_diagonal[i] / _rate);
            var row = i * n;
            for (var j = 0; j < n; j++)
            {
                var v = d * source[row + j];
                if (i > 0)
                {
                    v += low * source[row - n + j];
                }

                if (i + 1 < n)
                {
                    v += up * source[row + n + j];
                }

                destination[row + j] = v;
            }
        }
    }

    // destination = source², returns its largest entry.
    private double Square(double[] source, double[] destination)
    {
        var n = _n;
        Array.Clear(destination);
        for (var i = 0; i < n; i++)
        {
            var row = i * n;
            for (var k = 0; k < n; k++)
            {
                var a = source[row + k];
                if (a == 0)
                {
                    continue;
                }

                var other = k * n;
                for (var j = 0; j < n; j++)
                {
                    destination[row + j] += a * source[other + j];
                }
            }
        }

        var max = 0.0;
        foreach (var v in destination)
        {
            max = Math.Max(max, v);
        }

        return max;
    }
}
