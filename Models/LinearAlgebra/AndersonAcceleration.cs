using System;

namespace Lean.MarketMaking.Models.LinearAlgebra;

/// <summary>
/// Anderson acceleration AA(m) of a fixed-point iteration x ← g(x): Walker &amp; Ni (2011), "Anderson acceleration for
/// fixed-point iterations", SIAM J. Numer. Anal. 49(4), 1715–1735, §1 (the form Higham &amp; Strabić 2016, "Anderson
/// acceleration of the alternating projections method for computing the nearest correlation matrix", Numer. Algorithms
/// 72, 1021–1042, apply to the nearest correlation matrix).
/// </summary>
/// <remarks>
/// With fₖ = g(xₖ) − xₖ and mₖ = min(m, k): γ = argmin ‖fₖ − ΔFₖγ‖₂ over the last mₖ differences ΔFₖ = [Δfₖ₋ₘₖ … Δfₖ₋₁]
/// (Δfᵢ = fᵢ₊₁ − fᵢ), then xₖ₊₁ = g(xₖ) − ΔGₖγ with the matching differences of g. The least-squares problem is solved by a
/// modified Gram–Schmidt QR of ΔFₖ, recomputed each step (m is small); a difference that is numerically dependent on the
/// earlier ones (its Gram–Schmidt remainder below 1e-12 of its norm) is left out of that step's solve. With m = 0, or
/// on the first step, xₖ₊₁ = g(xₖ). All buffers are allocated once, at construction.
/// </remarks>
internal sealed class AndersonAcceleration
{
    private readonly int _history;
    private readonly double[][] _deltaF;
    private readonly double[][] _deltaG;
    private readonly double[][] _q;
    private readonly double[] _r;
    private readonly double[] _gamma;
    private readonly bool[] _used;
    private readonly double[] _previousF;
    private readonly double[] _previousG;
    private readonly double[] _f;
    private int _stored;
    private int _newest = -1;
    private bool _hasPrevious;

    /// <summary>Allocates the history for vectors of <paramref name="length"/> entries and depth <paramref name="history"/> (m ≥ 0).</summary>
    public AndersonAcceleration(int length, int history)
    {
        _history = history;
        _deltaF = Columns(history, length);
        _deltaG = Columns(history, length);
        _q = Columns(history, length);
        _r = new double[history * history];
        _gamma = new double[history];
        _used = new bool[history];
        _previousF = new double[length];
        _previousG = new double[length];
        _f = new double[length];
    }

    /// <summary>Replaces <paramref name="x"/> (xₖ) by xₖ₊₁, given <paramref name="g"/> = g(xₖ).</summary>
    public void Step(double[] x, double[] g)
    {
        if (_history == 0)
        {
            Array.Copy(g, x, x.Length);
            return;
        }

        for (var i = 0; i < x.Length; i++)
        {
            _f[i] = g[i] - x[i];
        }

        if (_hasPrevious)
        {
            _newest = (_newest + 1) % _history;
            var df = _deltaF[_newest];
            var dg = _deltaG[_newest];
            for (var i = 0; i < x.Length; i++)
            {
                df[i] = _f[i] - _previousF[i];
                dg[i] = g[i] - _previousG[i];
            }

            _stored = Math.Min(_stored + 1, _history);
        }

        Array.Copy(_f, _previousF, x.Length);
        Array.Copy(g, _previousG, x.Length);
        _hasPrevious = true;
        Array.Copy(g, x, x.Length);
        if (_stored == 0)
        {
            return;
        }

        SolveLeastSquares();
        for (var c = 0; c < _stored; c++)
        {
            if (!_used[c] || _gamma[c] == 0)
            {
                continue;
            }

            var dg = _deltaG[c];
            var gamma = _gamma[c];
            for (var i = 0; i < x.Length; i++)
            {
                x[i] -= gamma * dg[i];
            }
        }
    }

    /// <summary>γ = argmin ‖f − ΔF·γ‖₂ by modified Gram–Schmidt (dependent columns get γ = 0).</summary>
    private void SolveLeastSquares()
    {
        var m = _stored;
        for (var c = 0; c < m; c++)
        {
            var q = _q[c];
            Array.Copy(_deltaF[c], q, q.Length);
            var norm = Norm(q);
            for (var p = 0; p < c; p++)
            {
                _r[(p * _history) + c] = 0;
                if (!_used[p])
                {
                    continue;
                }

                var projection = Dot(_q[p], q);
                _r[(p * _history) + c] = projection;
                Subtract(q, projection, _q[p]);
            }

            var remainder = Norm(q);
            _used[c] = remainder > 1e-12 * norm;
            _r[(c * _history) + c] = remainder;
            if (_used[c])
            {
                Scale(q, 1.0 / remainder);
            }
        }

        // back substitution R·γ = Qᵀf over the used columns
        for (var c = m - 1; c >= 0; c--)
        {
            if (!_used[c])
            {
                _gamma[c] = 0;
                continue;
            }

            var sum = Dot(_q[c], _f);
            for (var p = c + 1; p < m; p++)
            {
                if (_used[p])
                {
                    sum -= _r[(c * _history) + p] * _gamma[p];
                }
            }

            _gamma[c] = sum / _r[(c * _history) + c];
        }
    }

    private static double[][] Columns(int count, int length)
    {
        var columns = new double[count][];
        for (var c = 0; c < count; c++)
        {
            columns[c] = new double[length];
        }

        return columns;
    }

    private static double Dot(double[] a, double[] b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static double Norm(double[] a) => Math.Sqrt(Dot(a, a));

    private static void Subtract(double[] target, double factor, double[] source)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] -= factor * source[i];
        }
    }

    private static void Scale(double[] target, double factor)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] *= factor;
        }
    }
}
