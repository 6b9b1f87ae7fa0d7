using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Numerics;

/// <summary>
/// The logarithm of the Perron (right) eigenvector f &gt; 0 of a tridiagonal Metzler matrix G (G[i,i+1] = u &gt; 0,
/// G[i+1,i] = l &gt; 0), given its Perron root ρ and the index of the largest entry of f, with full relative accuracy
/// in every entry however small.
/// </summary>
/// <remarks>
/// An eigensolver's vector is accurate to ε relative to its largest entry only, useless in tails that decay faster
/// than a Gaussian. Row i of (G − ρ)f = 0 is a three-term recurrence, so the ratios follow from continued fractions run
/// from each boundary towards the peak: r_i = f_i/f_(i−1) = l/(ρ − G[i,i] − u·r_(i+1)) (r_n = 0) to the right of it and
/// q_i = f_i/f_(i+1) = u/(ρ − G[i,i] − l·q_(i−1)) (q_(−1) = 0) to the left. Each denominator is the ratio of the
/// characteristic polynomials at ρ of two nested trailing (leading) blocks that exclude the peak, whose Perron roots lie
/// strictly below ρ, so all are positive and no cancellation occurs.
/// </remarks>
internal static class TridiagonalPerronVector
{
    /// <summary>ln f_i up to an additive constant (0 at <paramref name="peak"/>).</summary>
    /// <param name="diagonal">G[i,i].</param>
    /// <param name="upper">u = G[i,i+1] &gt; 0.</param>
    /// <param name="lower">l = G[i+1,i] &gt; 0.</param>
    /// <param name="root">The Perron root ρ (largest eigenvalue) of G.</param>
    /// <param name="peak">Index of the largest entry of f.</param>
    /// <exception cref="MarketMakingException"><see cref="MarketMakingErrorKind.NumericalInstability"/> if a denominator is not positive (ρ or the peak inaccurate).</exception>
    public static double[] Logs(ReadOnlySpan<double> diagonal, double upper, double lower, double root, int peak)
    {
        var n = diagonal.Length;
        var logs = new double[n];
        var ratio = 0.0;
        for (var i = n - 1; i > peak; i--)
        {
            ratio = lower / Denominator(root - diagonal[i] - (upper * ratio));
            logs[i] = Math.Log(ratio);
        }

        for (var i = peak + 1; i < n; i++)
        {
            logs[i] += logs[i - 1];
        }

        ratio = 0.0;
        for (var i = 0; i < peak; i++)
        {
            ratio = upper / Denominator(root - diagonal[i] - (lower * ratio));
            logs[i] = Math.Log(ratio);
        }

        for (var i = peak - 1; i >= 0; i--)
        {
            logs[i] += logs[i + 1];
        }

        return logs;
    }

    private static double Denominator(double value)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            throw new MarketMakingException(
                MarketMakingErrorKind.NumericalInstability,
                $"Perron-vector recursion lost positivity (denominator {value})");
        }

        return value;
    }
}
