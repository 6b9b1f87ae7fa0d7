using System;
using SimdVector = System.Numerics.Vector;
using Simd = System.Numerics.Vector<double>;
using MathNet.Numerics.LinearAlgebra;

namespace Lean.MarketMaking.Models.Quoting.Glft;

/// <summary>
/// exp(−Gτ)·x for a symmetric tridiagonal G with positive diagonal and non-positive off-diagonal (here G = M − λ₀I,
/// which has smallest eigenvalue 0, so ‖exp(−Gτ)‖₂ = 1 and nothing overflows), computed with componentwise
/// <em>relative</em> accuracy.
/// </summary>
/// <remarks>
/// The spectral form V·diag(e^(−λτ))·Vᵀx is only accurate to ε·‖x‖ in absolute terms, and the GLFT vector v(t)
/// spans dozens of orders of magnitude between inventory 0 and ±Q (its ergodic shape decays faster than a
/// Gaussian: ~10⁻²⁴ at ±20 lots for hftbacktest's ETHUSDT fit), so spectral quotes near the bound would be noise.
/// Instead −G = B − cI with B ≥ 0 elementwise (uniformisation), so exp(−Gh) = e^(−ch)·Σ (Bh)^j/j! is a sum of
/// non-negative terms, and so are its binary powers P_m = exp(−G·2^m·h), precomputed once by squaring until
/// P_m² = P_m to 1e-13 (the ergodic projector; larger powers are the same matrix). For τ ≤ horizon,
/// τ = h·Σ 2^bit + r with r &lt; h, and exp(−Gτ)x = Π P_bit · exp(−Gr)x: only products and sums of non-negative
/// numbers, hence no cancellation and componentwise relative error of order (bits + n)·ε.
/// Cost per new τ: (number of set bits)·n² multiply-adds plus a few dozen tridiagonal products.
/// </remarks>
internal sealed class TridiagonalSemigroup
{
    private const double Negligible = 1e-290;
    private const int MaxTaylorTerms = 1000;
    private readonly double[] _bDiagonal;
    private readonly double _offDiagonal;
    private readonly double _c;
    private readonly double _step;
    private readonly double[][] _powers;

    /// <param name="diagonal">G[i,i] ≥ 0.</param>
    /// <param name="offDiagonal">−G[i,i±1] ≥ 0.</param>
    /// <param name="horizon">The largest τ that will be asked for.</param>
    public TridiagonalSemigroup(double[] diagonal, double offDiagonal, double horizon)
    {
        Size = diagonal.Length;
        _offDiagonal = offDiagonal;
        var c = 0.0;
        foreach (var d in diagonal)
        {
            c = Math.Max(c, d);
        }

        _c = c;
        _bDiagonal = new double[Size];
        for (var i = 0; i < Size; i++)
        {
            _bDiagonal[i] = c - diagonal[i];
        }

        // ‖B·h‖∞ ≤ (c + 2·offDiagonal)·h = ½, so the Taylor series below converges in ~20 terms.
        _step = 0.5 / (c + 2.0 * offDiagonal);
        var count = 1;
        while (count < 62 && Math.Pow(2, count) * _step <= horizon)
        {
            count++;
        }

        var powers = new double[count][];
        var first = new double[Size * Size];
        var column = new double[Size];
        var result = new double[Size];
        var scratch = new double[2 * Size];
        for (var col = 0; col < Size; col++)
        {
            Array.Clear(column);
            column[col] = 1.0;
            ApplyTaylor(column, _step, result, scratch);
            for (var row = 0; row < Size; row++)
            {
                first[row * Size + col] = result[row];
            }
        }

        powers[0] = Flush(first);
        var stored = 1;
        while (stored < count)
        {
            var previous = Matrix<double>.Build.DenseOfRowMajor(Size, Size, powers[stored - 1]);
            powers[stored] = Flush((previous * previous).ToRowMajorArray());
            stored++;

            // Once P² = P (to 1e-13) the semigroup has reached the projector onto the ground state: every larger
            // power is the same matrix, so stop squaring (bounds memory and set-up time by the mixing time).
            if (Converged(powers[stored - 2], powers[stored - 1]))
            {
                break;
            }
        }

        _powers = powers[..stored];
    }

    /// <summary>Dimension n.</summary>
    public int Size { get; }

    /// <summary>
    /// Writes exp(−Gτ)·x, divided by its largest entry, into <paramref name="result"/> (x ≥ 0 of length n).
    /// <paramref name="scratch"/> needs 2n entries. Allocates nothing.
    /// </summary>
    public void Apply(double tau, ReadOnlySpan<double> x, Span<double> result, Span<double> scratch)
    {
        var multiples = Math.Min(Math.Floor(tau / _step), Math.Pow(2, _powers.Length) - 1);
        var remainder = Math.Max(0.0, tau - multiples * _step);
        ApplyTaylor(x, remainder, result, scratch);
        Normalise(result);
        var bits = (long)multiples;
        var last = _powers.Length - 1;
        for (var m = 0; m < last; m++)
        {
            if ((bits & (1L << m)) != 0)
            {
                Multiply(_powers[m], result, scratch[..Size]);
            }
        }

        // Bits at or above the last stored power: that power is either the top bit or already idempotent.
        if ((bits >> last) != 0)
        {
            Multiply(_powers[last], result, scratch[..Size]);
        }
    }

    private void Multiply(double[] power, Span<double> vector, Span<double> buffer)
    {
        var matrix = power.AsSpan();
        for (var row = 0; row < Size; row++)
        {
            buffer[row] = Dot(matrix.Slice(row * Size, Size), vector);
        }

        buffer.CopyTo(vector);
        Normalise(vector);
    }

    private static bool Converged(double[] previous, double[] next)
    {
        for (var i = 0; i < next.Length; i++)
        {
            if (Math.Abs(next[i] - previous[i]) > 1e-13 * Math.Max(next[i], previous[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// result = e^(−c·t)·Σ_j (B t)^j x / j!, all terms non-negative. Summed until every component has converged
    /// relative to itself (a component first reached at order j is not converged at order j), so far-from-diagonal
    /// entries, which dominate the tails of v when the terminal condition is steep, are accurate too.
    /// </summary>
    private void ApplyTaylor(ReadOnlySpan<double> x, double t, Span<double> result, Span<double> scratch)
    {
        var term = scratch[..Size];
        var next = scratch.Slice(Size, Size);
        x.CopyTo(term);
        x.CopyTo(result);
        for (var j = 1; j <= MaxTaylorTerms; j++)
        {
            var scale = t / j;
            var converged = true;
            for (var i = 0; i < Size; i++)
            {
                var s = _bDiagonal[i] * term[i];
                if (i > 0)
                {
                    s += _offDiagonal * term[i - 1];
                }

                if (i + 1 < Size)
                {
                    s += _offDiagonal * term[i + 1];
                }

                s *= scale;
                if (s < Negligible)
                {
                    s = 0.0;
                }

                next[i] = s;
                result[i] += s;
                converged &= s <= 1e-17 * result[i];
            }

            next.CopyTo(term);
            if (converged)
            {
                break;
            }
        }

        var damping = Math.Exp(-_c * t);
        for (var i = 0; i < Size; i++)
        {
            result[i] *= damping;
        }
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var width = Simd.Count;
        var accumulator = Simd.Zero;
        var i = 0;
        for (; i <= a.Length - width; i += width)
        {
            accumulator += new Simd(a.Slice(i, width)) * new Simd(b.Slice(i, width));
        }

        var sum = SimdVector.Sum(accumulator);
        for (; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static void Normalise(Span<double> v)
    {
        var largest = 0.0;
        foreach (var value in v)
        {
            largest = Math.Max(largest, value);
        }

        var inverse = 1.0 / largest;
        for (var i = 0; i < v.Length; i++)
        {
            v[i] *= inverse;
        }
    }

    private static double[] Flush(double[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i] < Negligible)
            {
                values[i] = 0.0;
            }
        }

        return values;
    }
}
