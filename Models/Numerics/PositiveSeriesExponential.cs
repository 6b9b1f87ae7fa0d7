using System;
using Lean.MarketMaking.Models.Errors;
using Simd = System.Numerics.Vector<double>;
using SimdVector = System.Numerics.Vector;

namespace Lean.MarketMaking.Models.Numerics;

/// <summary>
/// exp(Gτ)·x for a tridiagonal Metzler matrix G (G[i,i+1] = u &gt; 0, G[i+1,i] = l &gt; 0, any diagonal) and a positive
/// x, both fixed at construction, with <em>entrywise relative</em> accuracy, in logarithms: the answer is ln(exp(Gτ)x)_i − C and the common
/// constant C, so nothing over- or underflows.
/// </summary>
/// <remarks>
/// <para>Uniformisation: with s = −min_i G[i,i], B = G + sI ≥ 0 elementwise and exp(Gt) = e^(−st)·Σ_j (Bt)^j/j!, a sum of
/// non-negative terms. Every operation below adds or multiplies non-negative numbers, so nothing cancels and each
/// component — however small next to the largest — keeps a relative error of order (number of products)·n·ε, unlike
/// any spectral formula, whose error is relative to the largest component. The series is run for t ≤ Δ₀ with
/// ‖BΔ₀‖∞ = ½, and summed until every component's term is below 1e-17 of its own partial sum (a component first
/// reached at order j is not converged at order j, so entries far from the diagonal are accurate too).</para>
/// <para>Frame: the computation runs on the symmetric S = DGD⁻¹, D = diag((u/l)^(i/2)) (off-diagonals √(ul)), with
/// exp(Gτ)x = D⁻¹·exp(Sτ)·Dx — S is still Metzler, and its powers are balanced (a symmetric positive matrix has
/// P_ij ≤ √(P_ii·P_jj)), where those of G carry the tilt (u/l)^((i−j)/2) in both corners.</para>
/// <para>Fast path: the binary powers P_k = exp(S·2^k·Δ₀), each stored normalised to a largest entry of 1 with its log
/// scale, are built once on first use (the only allocation) by squaring, until 2^k·Δ₀ covers the horizon or until
/// the normalised power stops changing (to 1e-13 entrywise): it is then the rank-one Perron projector up to scale,
/// N² = e^σN, every larger power is the same matrix with log scale L_j = 2^(j−K)(L_K + σ) − σ, and applying it twice
/// only multiplies by e^σ. A new τ = mΔ₀ + r then costs one vector series for r and one n² product per binary digit
/// of m (SIMD dot products), O(n²·log₂(τ/Δ₀)), allocation-free.</para>
/// <para>Gauge: a component below 1e-280 of the largest is not representable next to it. Then a diagonal gauge
/// Γ = diag(e^(g_i)) (D⁻¹ is one) is fitted to the components obtained (any positive Γ gives the same exact answer,
/// exp(Gτ) = Γ·exp(Γ⁻¹GΓτ)·Γ⁻¹, and Γ⁻¹GΓ is still tridiagonal Metzler with off-diagonals u·e^(g_(i+1)−g_i),
/// l·e^(g_(i−1)−g_i)) and exp(Γ⁻¹GΓτ) is recomputed for that τ by scaling and squaring, O(n³·log₂(τ/Δ₀)), up to
/// four times. The gauge continues the second difference of ln(exp(Gτ)x) outwards, never bending upwards, with
/// slopes capped at 40 nats per index so that Γ⁻¹GΓ stays moderately stiff; components below ~e^(−40·n) of the largest
/// stay out of reach and come out NaN. Γ⁻¹x must stay within the double range too, so a start vector whose shape differs
/// from the result's by more than ~e^645 (e.g. x = 𝟙 against a result spanning e^(−800)) also leaves NaN.</para>
/// <para>Entries below 1e-300 of the largest are flushed to zero (no subnormal arithmetic); their contribution is
/// below 1e-18·n relative to any reported component. Not thread-safe: callers serialise.</para>
/// </remarks>
internal sealed class PositiveSeriesExponential
{
    private const double Negligible = 1e-300;
    private const double Resolvable = 1e-280;
    private const double ConvergedTerm = 1e-17;
    private const double IdempotentTolerance = 1e-13;
    private const int MaxLevels = 62;
    private const int MaxGaugePasses = 4;
    private const double MaxGaugeSlope = 40;

    private readonly int _n;
    private readonly double _horizon;
    private readonly double[] _diagonal;
    private readonly double _upper;
    private readonly double _lower;
    private readonly double[] _logStart;
    private readonly double[] _start; // e^(ln x − g⁰ − m), the start vector in the symmetrised frame, normalised
    private readonly double _startScale; // m
    private readonly double[] _symmetrising; // g⁰_i = −i·½ln(u/l)
    private readonly double[] _plainUpper;
    private readonly double[] _plainLower;
    private readonly double _plainShift;
    private readonly double _step;
    private readonly double[] _vector;
    private readonly double[] _term;
    private readonly double[] _next;
    private readonly double[] _gauge;
    private double[][]? _levels;
    private double[]? _levelLogScales;
    private double _idempotentLogScale = double.NaN; // σ once the last level is idempotent, NaN otherwise
    private double[]? _gaugedUpper;
    private double[]? _gaugedLower;
    private double[]? _matrix;
    private double[]? _matrixScratch;

    /// <summary>Stores G = tridiag(l, diagonal, u) and x for times up to <paramref name="horizon"/>.</summary>
    /// <param name="diagonal">G[i,i], per time unit; n ≥ 2 entries.</param>
    /// <param name="upper">u = G[i,i+1] &gt; 0, per time unit.</param>
    /// <param name="lower">l = G[i+1,i] &gt; 0, per time unit.</param>
    /// <param name="logStart">ln x_i, n finite entries.</param>
    /// <param name="horizon">The largest τ that will be asked for, time units.</param>
    public PositiveSeriesExponential(
        ReadOnlySpan<double> diagonal, double upper, double lower, ReadOnlySpan<double> logStart, double horizon)
    {
        _n = diagonal.Length;
        _horizon = horizon;
        _diagonal = diagonal.ToArray();
        _upper = upper;
        _lower = lower;
        _symmetrising = new double[_n];
        var halfLogRatio = 0.5 * (Math.Log(upper) - Math.Log(lower));
        for (var i = 0; i < _n; i++)
        {
            _symmetrising[i] = -i * halfLogRatio;
        }

        _plainUpper = new double[_n];
        _plainLower = new double[_n];
        var rate = Gauge(_symmetrising, _plainUpper, _plainLower, out _plainShift);
        _step = 0.5 / rate;
        _vector = new double[_n];
        _term = new double[_n];
        _next = new double[_n];
        _gauge = new double[_n];
        _logStart = logStart.ToArray();
        _startScale = Load(_symmetrising);
        _start = (double[])_vector.Clone();
    }

    /// <summary>√(u·l): the off-diagonal of the symmetrised S = DGD⁻¹.</summary>
    public double SymmetricOffDiagonal => _plainUpper[0];

    /// <summary>ln d_i = i·½ln(u/l), D = diag(d_i) the symmetrising similarity S = DGD⁻¹.</summary>
    public double LogSymmetriser(int i) => -_symmetrising[i];

    /// <summary>Dx/e^m, the start vector in the symmetrised frame with its largest entry 1.</summary>
    public ReadOnlySpan<double> SymmetrisedStart => _start;

    /// <summary>m = max_i ln(Dx)_i.</summary>
    public double SymmetrisedStartLogScale => _startScale;

    /// <summary>
    /// Writes ln(exp(Gτ)x)_i − C into <paramref name="logResult"/> and returns C; NaN marks a component
    /// that stays out of reach of the gauge (see the remarks). 0 ≤ τ ≤ horizon. Allocation-free after the first call
    /// and after the first call that needs the gauge.
    /// </summary>
    public double LogApply(double tau, Span<double> logResult)
    {
        var offset = LogApplyPlain(tau, logResult);
        _symmetrising.CopyTo(_gauge, 0);
        if (RefitGauge(logResult))
        {
            return offset;
        }

        for (var pass = 0; pass < MaxGaugePasses; pass++)
        {
            offset = LogApplyGauged(tau, logResult);
            if (RefitGauge(logResult))
            {
                break;
            }
        }

        return offset;
    }

    private double LogApplyPlain(double tau, Span<double> logResult)
    {
        var (levels, logScales) = EnsureLevels();
        var steps = (long)Math.Floor(tau / _step);
        var remainder = Math.Max(0.0, tau - (steps * _step)); // never negative: the series must stay positive
        Array.Copy(_start, _vector, _n);
        var logScale = _startScale;
        Taylor(_plainUpper, _plainLower, _plainShift, remainder, _vector);
        logScale += Normalise(_vector) - (_plainShift * remainder);

        // One stored power per binary digit of the step count; beyond the last stored (idempotent) power the matrix
        // is the same, so it is applied once and every further digit only adds its scale.
        var last = levels.Length - 1;
        var projected = false;
        for (var k = 0; steps != 0; k++, steps >>= 1)
        {
            if ((steps & 1) == 0)
            {
                continue;
            }

            if (k < last || double.IsNaN(_idempotentLogScale))
            {
                logScale += logScales[k] + Multiply(levels[k]);
            }
            else
            {
                var sigma = _idempotentLogScale;
                logScale += (Math.ScaleB(logScales[last] + sigma, k - last) - sigma)
                            + (projected ? sigma : Multiply(levels[last]));
                projected = true;
            }
        }

        for (var i = 0; i < _n; i++)
        {
            logResult[i] = _vector[i] >= Resolvable ? Math.Log(_vector[i]) + _symmetrising[i] : double.NaN;
        }

        return logScale;
    }

    // As LogApplyPlain with the gauge _gauge instead of the symmetrising one, recomputed for this τ.
    private double LogApplyGauged(double tau, Span<double> logResult)
    {
        var n = _n;
        _gaugedUpper ??= new double[n];
        _gaugedLower ??= new double[n];
        _matrix ??= new double[n * n];
        _matrixScratch ??= new double[n * n];
        var rate = Gauge(_gauge, _gaugedUpper, _gaugedLower, out var shift);
        var squarings = 0;
        var step = tau;
        while (rate * step > 0.5)
        {
            step *= 0.5;
            squarings++;
        }

        var logScale = SeriesMatrix(_gaugedUpper, _gaugedLower, shift, step, _matrix);
        for (var s = 0; s < squarings; s++)
        {
            logScale = (2 * logScale) + Square(_matrix, _matrixScratch);
            (_matrix, _matrixScratch) = (_matrixScratch, _matrix);
        }

        logScale += Load(_gauge);
        logScale += Multiply(_matrix);
        for (var i = 0; i < n; i++)
        {
            logResult[i] = _vector[i] >= Resolvable ? Math.Log(_vector[i]) + _gauge[i] : double.NaN;
        }

        return logScale;
    }

    // Off-diagonals of Γ⁻¹GΓ into upper/lower; the uniformisation shift s = −min G[i,i]; returns ‖Γ⁻¹GΓ + sI‖∞ > 0.
    private double Gauge(double[] gauge, double[] upper, double[] lower, out double shift)
    {
        var n = _n;
        shift = double.NegativeInfinity;
        foreach (var d in _diagonal)
        {
            shift = Math.Max(shift, -d);
        }

        var rate = 0.0;
        for (var i = 0; i < n; i++)
        {
            upper[i] = i + 1 < n ? _upper * Math.Exp(gauge[i + 1] - gauge[i]) : 0;
            lower[i] = i > 0 ? _lower * Math.Exp(gauge[i - 1] - gauge[i]) : 0;
            rate = Math.Max(rate, _diagonal[i] + shift + upper[i] + lower[i]);
        }

        if (!double.IsFinite(rate) || !double.IsFinite(shift))
        {
            throw new MarketMakingException(
                MarketMakingErrorKind.NumericalInstability, $"the generator has no finite uniformisation rate ({rate})");
        }

        return rate;
    }

    // The normalised powers P_k = exp(G·2^k·Δ₀) and their log scales, built on first use.
    private (double[][] Levels, double[] LogScales) EnsureLevels()
    {
        if (_levels is not null)
        {
            return (_levels, _levelLogScales!);
        }

        var count = 1;
        while (Math.ScaleB(_step, count) <= _horizon)
        {
            if (++count > MaxLevels)
            {
                throw new MarketMakingException(
                    MarketMakingErrorKind.NumericalInstability,
                    $"horizon {_horizon} spans more than 2^{MaxLevels} uniformisation steps of {_step}");
            }
        }

        var n = _n;
        var levels = new double[count][];
        var scales = new double[count];
        levels[0] = new double[n * n];
        scales[0] = SeriesMatrix(_plainUpper, _plainLower, _plainShift, _step, levels[0]);
        var stored = 1;
        while (stored < count)
        {
            levels[stored] = new double[n * n];
            scales[stored] = (2 * scales[stored - 1]) + Square(levels[stored - 1], levels[stored]);
            stored++;
            if (Idempotent(levels[stored - 2], levels[stored - 1]))
            {
                _idempotentLogScale = scales[stored - 1] - (2 * scales[stored - 2]);
                break;
            }
        }

        _levelLogScales = scales[..stored];
        _levels = levels[..stored];
        return (_levels, _levelLogScales);
    }

    private static bool Idempotent(double[] previous, double[] next)
    {
        for (var i = 0; i < next.Length; i++)
        {
            if (Math.Abs(next[i] - previous[i]) > IdempotentTolerance * Math.Max(next[i], previous[i]))
            {
                return false;
            }
        }

        return true;
    }

    // destination (row-major) = exp(Ĝt) normalised to a largest entry of 1, column by column; returns its log scale.
    private double SeriesMatrix(double[] upper, double[] lower, double shift, double t, double[] destination)
    {
        var n = _n;
        for (var col = 0; col < n; col++)
        {
            Array.Clear(_vector);
            _vector[col] = 1.0;
            Taylor(upper, lower, shift, t, _vector);
            for (var row = 0; row < n; row++)
            {
                destination[(row * n) + col] = _vector[row];
            }
        }

        return Normalise(destination) - (shift * t);
    }

    // v ← Σ_j ((Ĝ + sI)t)^j v / j! (without the factor e^(−st)); ‖(Ĝ + sI)t‖∞ ≤ ½ and max v ≤ 1, so no overflow.
    private void Taylor(double[] upper, double[] lower, double shift, double t, double[] v)
    {
        var n = _n;
        var term = _term;
        var next = _next;
        Array.Copy(v, term, n);

        // Every component converges within ~16 terms of the first one that reaches it, so n + 40 is never the limit.
        for (var j = 1; j <= n + 40; j++)
        {
            var scale = t / j;
            var converged = true;
            for (var i = 0; i < n; i++)
            {
                var s = (_diagonal[i] + shift) * term[i];
                if (i > 0)
                {
                    s += lower[i] * term[i - 1];
                }

                if (i + 1 < n)
                {
                    s += upper[i] * term[i + 1];
                }

                s *= scale;
                if (s < Negligible)
                {
                    s = 0.0;
                }

                next[i] = s;
                v[i] += s;
                converged &= s <= ConvergedTerm * v[i];
            }

            (term, next) = (next, term);
            if (converged)
            {
                break;
            }
        }
    }

    // _vector ← e^(ln x − g − max), returns max.
    private double Load(double[] gauge)
    {
        var max = double.NegativeInfinity;
        for (var i = 0; i < _n; i++)
        {
            max = Math.Max(max, _logStart[i] - gauge[i]);
        }

        for (var i = 0; i < _n; i++)
        {
            _vector[i] = Math.Exp(_logStart[i] - gauge[i] - max);
        }

        return max;
    }

    // _vector ← matrix·_vector, normalised; returns the log scale.
    private double Multiply(double[] matrix)
    {
        var n = _n;
        var rows = matrix.AsSpan();
        for (var i = 0; i < n; i++)
        {
            _next[i] = Dot(rows.Slice(i * n, n), _vector);
        }

        Array.Copy(_next, _vector, n);
        return Normalise(_vector);
    }

    // destination = source² normalised to a largest entry of 1; returns the log of the largest entry before.
    private double Square(double[] source, double[] destination)
    {
        var n = _n;
        Array.Clear(destination);
        for (var i = 0; i < n; i++)
        {
            var row = destination.AsSpan(i * n, n);
            for (var k = 0; k < n; k++)
            {
                var a = source[(i * n) + k];
                if (a != 0)
                {
                    AddScaled(a, source.AsSpan(k * n, n), row);
                }
            }
        }

        return Normalise(destination);
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

    // destination += a·source.
    private static void AddScaled(double a, ReadOnlySpan<double> source, Span<double> destination)
    {
        var width = Simd.Count;
        var factor = new Simd(a);
        var i = 0;
        for (; i <= source.Length - width; i += width)
        {
            (new Simd(destination.Slice(i, width)) + (factor * new Simd(source.Slice(i, width)))).CopyTo(destination.Slice(i, width));
        }

        for (; i < source.Length; i++)
        {
            destination[i] += a * source[i];
        }
    }

    // Divides by the largest entry, flushes entries below Negligible to zero; returns the log of the largest entry.
    private static double Normalise(Span<double> values)
    {
        var max = 0.0;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        var inverse = 1 / max;
        for (var k = 0; k < values.Length; k++)
        {
            var v = values[k] * inverse;
            values[k] = v < Negligible ? 0.0 : v;
        }

        return Math.Log(max);
    }

    // Copies the finite components of logResult into the gauge and extrapolates the others; true if all were finite.
    private bool RefitGauge(ReadOnlySpan<double> logResult)
    {
        var n = _n;
        var first = -1;
        var last = -1;
        for (var i = 0; i < n; i++)
        {
            if (double.IsFinite(logResult[i]))
            {
                first = first < 0 ? i : first;
                last = i;
            }
        }

        if (first < 0 || (first == 0 && last == n - 1))
        {
            return first == 0;
        }

        for (var i = first; i <= last; i++)
        {
            _gauge[i] = logResult[i];
        }

        Extrapolate(first, last, -1);
        Extrapolate(last, first, +1);
        for (var i = 1; i < n; i++)
        {
            _gauge[i] = Math.Clamp(_gauge[i], _gauge[i - 1] - MaxGaugeSlope, _gauge[i - 1] + MaxGaugeSlope);
        }

        return false;
    }

    // Continues the gauge from index 'from' in direction 'step' with a constant, non-positive second difference.
    private void Extrapolate(int from, int towards, int step)
    {
        var difference = 0.0;
        var curvature = 0.0;
        var inner = from - step;
        if ((step > 0 ? inner >= towards : inner <= towards) && inner >= 0 && inner < _n)
        {
            difference = _gauge[from] - _gauge[inner];
            var innermost = inner - step;
            if ((step > 0 ? innermost >= towards : innermost <= towards) && innermost >= 0 && innermost < _n)
            {
                curvature = difference - (_gauge[inner] - _gauge[innermost]);
            }
        }

        curvature = Math.Min(curvature, 0);
        for (var i = from + step; i >= 0 && i < _n; i += step)
        {
            difference += curvature;
            _gauge[i] = _gauge[i - step] + difference;
        }
    }
}
