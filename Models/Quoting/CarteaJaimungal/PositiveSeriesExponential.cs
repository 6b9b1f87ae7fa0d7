using System;

namespace Lean.MarketMaking.Models.Quoting.CarteaJaimungal;

/// <summary>
/// exp(𝐀τ)·z for a tridiagonal Metzler matrix 𝐀 (non-negative off-diagonals) and a positive z, computed with
/// entrywise relative accuracy: uniformisation exp(𝐀Δ) = e^(−cΔ)·Σ_m (cΔ)^m/m!·B^m with B = I + 𝐀/c ≥ 0 and cΔ ≤ ½,
/// followed by repeated squaring up to τ = 2^s·Δ. Every operation adds or multiplies non-negative numbers, so no
/// cancellation occurs and tiny components keep their relative accuracy (unlike any spectral formula, whose error is
/// relative to the largest component). Scale factors are kept in logarithms, so nothing overflows, and a diagonal
/// gauge G = diag(e^(g_i)) (any positive G gives the same exact answer, exp(𝐀τ) = G·exp(G⁻¹𝐀Gτ)·G⁻¹, and G⁻¹𝐀G is still
/// Metzler) lets components that differ by far more than the double range be resolved when g approximates ln ω.
/// </summary>
/// <remarks>
/// Used by <see cref="InventorySpectrum"/> only when its spectral closed form would lose digits on some component. Cost
/// O(n³·log₂(cτ)) per call; allocation-free (buffers are allocated once). Not thread-safe.
/// </remarks>
internal sealed class PositiveSeriesExponential
{
    private readonly int _n;
    private readonly double[] _diagonal;
    private readonly double _upper;
    private readonly double _lower;
    private readonly double[] _gaugedUpper;
    private readonly double[] _gaugedLower;
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
        _gaugedUpper = new double[_n];
        _gaugedLower = new double[_n];
        _sum = new double[_n * _n];
        _power = new double[_n * _n];
        _scratch = new double[_n * _n];
        _vector = new double[_n];
    }

    /// <summary>
    /// Writes ln(exp(𝐀τ)z)_i − C into <paramref name="logResult"/> given ln z and a gauge g, and returns the common
    /// constant C (kept apart so that the large growth term λτ does not swamp the differences between components);
    /// −∞ marks a component more than ~1e-300 below the largest after the gauge is removed.
    /// </summary>
    public double LogApply(double tau, ReadOnlySpan<double> logZ, ReadOnlySpan<double> gauge, Span<double> logResult)
    {
        var n = _n;

        // Â = G⁻¹𝐀G: Â[i, i±1] = 𝐀[i, i±1]·e^(g_(i±1) − g_i); c ≥ max|Â_ii| + row sums keeps B = I + Â/c ≥ 0.
        var rate = 0.0;
        for (var i = 0; i < n; i++)
        {
            _gaugedUpper[i] = i + 1 < n ? _upper * Math.Exp(gauge[i + 1] - gauge[i]) : 0;
            _gaugedLower[i] = i > 0 ? _lower * Math.Exp(gauge[i - 1] - gauge[i]) : 0;
            rate = Math.Max(rate, Math.Abs(_diagonal[i]) + _gaugedUpper[i] + _gaugedLower[i]);
        }

        rate = Math.Max(rate, 1e-300); // any c ≥ max|Â_ii| will do; keep it positive
        var squarings = 0;
        var step = tau;
        while (rate * step > 0.5)
        {
            step *= 0.5;
            squarings++;
        }

        var x = rate * step;
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
            MultiplyByB(rate, power, scratch);
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

        // exp(𝐀τ)z = G·exp(Âτ)·(G⁻¹z).
        var maxLogZ = double.NegativeInfinity;
        for (var j = 0; j < n; j++)
        {
            maxLogZ = Math.Max(maxLogZ, logZ[j] - gauge[j]);
        }

        for (var j = 0; j < n; j++)
        {
            _vector[j] = Math.Exp(logZ[j] - gauge[j] - maxLogZ);
        }

        for (var i = 0; i < n; i++)
        {
            var acc = 0.0;
            for (var j = 0; j < n; j++)
            {
                acc += _sum[(i * n) + j] * _vector[j];
            }

            logResult[i] = Math.Log(acc) + gauge[i];
        }

        return maxLogZ + logScale;
    }

    // destination = B·source, B = I + Â/c tridiagonal.
    private void MultiplyByB(double rate, double[] source, double[] destination)
    {
        var n = _n;
        var inverseRate = 1 / rate;
        for (var i = 0; i < n; i++)
        {
            var d = 1 + (_diagonal[i] * inverseRate);
            var up = _gaugedUpper[i] * inverseRate;
            var low = _gaugedLower[i] * inverseRate;
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
