using System;

namespace Lean.MarketMaking.Models.Quoting.CarteaJaimungal;

/// <summary>
/// exp(𝐀τ)·z for a tridiagonal Metzler matrix 𝐀 (non-negative off-diagonals) and a positive z, computed with
/// entrywise relative accuracy: uniformisation exp(𝐀Δ) = e^(−cΔ)·Σ_m (cΔ)^m/m!·B^m with B = I + 𝐀/c ≥ 0 and cΔ ≤ ½,
/// and repeated squaring. Every operation adds or multiplies non-negative numbers, so no cancellation occurs and tiny
/// components keep their relative accuracy (unlike any spectral formula, whose error is relative to the largest
/// component). Scale factors are kept in logarithms, so nothing overflows.
/// </summary>
/// <remarks>
/// <para>Fast path (<see cref="LogApply(double, ReadOnlySpan{double}, Span{double})"/>): a table of the squarings
/// exp(𝐀·2^k·Δ₀), k = 0…K, built once on first use (the only allocation), so that a new τ = mΔ₀ + r costs one
/// vector series for r plus one matrix–vector product per binary digit of m: O(n²·log₂(cτ)).</para>
/// <para>Gauged path (<see cref="LogApply(double, ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double})"/>): for
/// components that differ by more than the double range, a diagonal gauge G = diag(e^(g_i)) (any positive G gives the
/// same exact answer, exp(𝐀τ) = G·exp(G⁻¹𝐀Gτ)·G⁻¹, and G⁻¹𝐀G is still Metzler) is applied and the whole computation
/// redone for that τ, O(n³·log₂(cτ)).</para>
/// Used by <see cref="InventorySpectrum"/> only when its spectral closed form would lose digits on some component.
/// Not thread-safe.
/// </remarks>
internal sealed class PositiveSeriesExponential
{
    private const double MaxStepRate = 0.5;
    private readonly int _n;
    private readonly double _horizon;
    private readonly double[] _diagonal;
    private readonly double _upper;
    private readonly double _lower;
    private readonly double[] _plainUpper;
    private readonly double[] _plainLower;
    private readonly double _plainRate;
    private readonly double[] _gaugedUpper;
    private readonly double[] _gaugedLower;
    private readonly double[] _sum;
    private readonly double[] _power;
    private readonly double[] _scratch;
    private readonly double[] _vector;
    private readonly double[] _vectorPower;
    private readonly double[] _vectorScratch;
    private double[][]? _levels;
    private double[]? _levelLogScales;

    /// <summary>Stores 𝐀 = tridiag(lower, diagonal, upper) for times-to-horizon up to <paramref name="horizon"/>.</summary>
    /// <param name="diagonal">𝐀[i, i].</param>
    /// <param name="upper">𝐀[i, i+1] ≥ 0.</param>
    /// <param name="lower">𝐀[i, i−1] ≥ 0.</param>
    /// <param name="horizon">Largest τ the fast path will be asked for.</param>
    public PositiveSeriesExponential(double[] diagonal, double upper, double lower, double horizon)
    {
        _n = diagonal.Length;
        _horizon = horizon;
        _diagonal = (double[])diagonal.Clone();
        _upper = upper;
        _lower = lower;
        _plainUpper = new double[_n];
        _plainLower = new double[_n];
        _gaugedUpper = new double[_n];
        _gaugedLower = new double[_n];
        _plainRate = Gauge(default, _plainUpper, _plainLower);
        _sum = new double[_n * _n];
        _power = new double[_n * _n];
        _scratch = new double[_n * _n];
        _vector = new double[_n];
        _vectorPower = new double[_n];
        _vectorScratch = new double[_n];
    }

    /// <summary>
    /// Fast path: writes ln(exp(𝐀τ)z)_i − C into <paramref name="logResult"/> given ln z, and returns the common
    /// constant C (kept apart so that the growth term λτ does not swamp the differences between components); −∞ marks a
    /// component more than ~1e-300 below the largest. Allocation-free after the first call.
    /// </summary>
    public double LogApply(double tau, ReadOnlySpan<double> logZ, Span<double> logResult)
    {
        EnsureLevels();
        var baseStep = MaxStepRate / _plainRate;
        var steps = (long)Math.Floor(tau / baseStep);
        var remainder = Math.Max(0, tau - (steps * baseStep)); // never negative: the series must stay positive
        var logScale = LoadVector(logZ, default);

        // Remainder first (vector series), then one stored squaring per binary digit of the step count.
        logScale += VectorSeries(_plainRate * remainder, _plainRate, _plainUpper, _plainLower);
        for (var k = 0; steps > 0; k++, steps >>= 1)
        {
            if ((steps & 1) != 0)
            {
                logScale += MultiplyVector(_levels![k]) + _levelLogScales![k];
            }
        }

        for (var i = 0; i < _n; i++)
        {
            logResult[i] = Math.Log(_vector[i]);
        }

        return logScale;
    }

    /// <summary>
    /// Gauged path: as <see cref="LogApply(double, ReadOnlySpan{double}, Span{double})"/> with the gauge g
    /// (ln G) applied, recomputing exp(G⁻¹𝐀Gτ) from scratch; the result is ln ω − C whatever the gauge.
    /// </summary>
    public double LogApply(double tau, ReadOnlySpan<double> logZ, ReadOnlySpan<double> gauge, Span<double> logResult)
    {
        var n = _n;
        var rate = Gauge(gauge, _gaugedUpper, _gaugedLower);
        var squarings = 0;
        var step = tau;
        while (rate * step > MaxStepRate)
        {
            step *= 0.5;
            squarings++;
        }

        var logScale = MatrixSeries(rate * step, rate, _gaugedUpper, _gaugedLower, _sum);
        for (var s = 0; s < squarings; s++)
        {
            logScale = (2 * logScale) + Square(_sum, _scratch);
            Array.Copy(_scratch, _sum, _sum.Length);
        }

        // exp(𝐀τ)z = G·exp(Âτ)·(G⁻¹z).
        logScale += LoadVector(logZ, gauge);
        logScale += MultiplyVector(_sum);
        for (var i = 0; i < n; i++)
        {
            logResult[i] = Math.Log(_vector[i]) + gauge[i];
        }

        return logScale;
    }

    // Â = G⁻¹𝐀G: Â[i, i±1] = 𝐀[i, i±1]·e^(g_(i±1) − g_i) (no gauge when empty); returns c ≥ max|Â_ii| + row sums,
    // which keeps B = I + Â/c ≥ 0.
    private double Gauge(ReadOnlySpan<double> gauge, double[] upper, double[] lower)
    {
        var n = _n;
        var rate = 0.0;
        for (var i = 0; i < n; i++)
        {
            upper[i] = i + 1 < n ? _upper * (gauge.IsEmpty ? 1 : Math.Exp(gauge[i + 1] - gauge[i])) : 0;
            lower[i] = i > 0 ? _lower * (gauge.IsEmpty ? 1 : Math.Exp(gauge[i - 1] - gauge[i])) : 0;
            rate = Math.Max(rate, Math.Abs(_diagonal[i]) + upper[i] + lower[i]);
        }

        return Math.Max(rate, 1e-300);
    }

    // Builds exp(𝐀·2^k·Δ₀) for 2^K·Δ₀ ≥ horizon, each normalised to a largest entry of 1 with its log scale.
    private void EnsureLevels()
    {
        if (_levels is not null)
        {
            return;
        }

        var count = 1;
        for (var covered = MaxStepRate / _plainRate; covered < _horizon; covered *= 2)
        {
            count++;
        }

        var levels = new double[count][];
        var scales = new double[count];
        levels[0] = new double[_n * _n];
        scales[0] = MatrixSeries(MaxStepRate, _plainRate, _plainUpper, _plainLower, levels[0]);
        for (var k = 1; k < count; k++)
        {
            levels[k] = new double[_n * _n];
            scales[k] = (2 * scales[k - 1]) + Square(levels[k - 1], levels[k]);
        }

        _levelLogScales = scales;
        _levels = levels;
    }

    // destination = e^(−x)·Σ_m x^m/m!·B^m normalised to a largest entry of 1; returns the log scale. Enough terms for
    // every entry's leading path (distance ≤ n − 1) plus 20 more, or until the weights underflow.
    private double MatrixSeries(double x, double rate, double[] upper, double[] lower, double[] destination)
    {
        var n = _n;
        Array.Clear(_power);
        Array.Clear(destination);
        for (var i = 0; i < n; i++)
        {
            _power[(i * n) + i] = 1;
            destination[(i * n) + i] = 1;
        }

        var weight = 1.0;
        var power = _power;
        var scratch = _scratch;
        for (var m = 1; m < n + 20 && weight > 0; m++)
        {
            weight *= x / m;
            MultiplyByB(rate, upper, lower, power, scratch, n);
            (power, scratch) = (scratch, power);
            for (var k = 0; k < destination.Length; k++)
            {
                destination[k] += weight * power[k];
            }
        }

        return Normalise(destination) - x;
    }

    // _vector ← e^(−x)·Σ_m x^m/m!·B^m·_vector, normalised; returns the log scale.
    private double VectorSeries(double x, double rate, double[] upper, double[] lower)
    {
        Array.Copy(_vector, _vectorPower, _n);
        var weight = 1.0;
        var power = _vectorPower;
        var scratch = _vectorScratch;
        for (var m = 1; m < _n + 20 && weight > 0; m++)
        {
            weight *= x / m;
            MultiplyByB(rate, upper, lower, power, scratch, 1);
            (power, scratch) = (scratch, power);
            for (var i = 0; i < _n; i++)
            {
                _vector[i] += weight * power[i];
            }
        }

        return Normalise(_vector) - x;
    }

    // _vector ← e^(ln z − g − max), returns the max.
    private double LoadVector(ReadOnlySpan<double> logZ, ReadOnlySpan<double> gauge)
    {
        var max = double.NegativeInfinity;
        for (var j = 0; j < _n; j++)
        {
            max = Math.Max(max, logZ[j] - (gauge.IsEmpty ? 0 : gauge[j]));
        }

        for (var j = 0; j < _n; j++)
        {
            _vector[j] = Math.Exp(logZ[j] - (gauge.IsEmpty ? 0 : gauge[j]) - max);
        }

        return max;
    }

    // _vector ← matrix·_vector, normalised; returns the log scale.
    private double MultiplyVector(double[] matrix)
    {
        var n = _n;
        for (var i = 0; i < n; i++)
        {
            var acc = 0.0;
            var row = i * n;
            for (var j = 0; j < n; j++)
            {
                acc += matrix[row + j] * _vector[j];
            }

            _vectorScratch[i] = acc;
        }

        Array.Copy(_vectorScratch, _vector, n);
        return Normalise(_vector);
    }

    // destination = B·source for 'columns' columns stored row-major, B = I + Â/c tridiagonal.
    private void MultiplyByB(double rate, double[] upper, double[] lower, double[] source, double[] destination, int columns)
    {
        var n = _n;
        var inverseRate = 1 / rate;
        for (var i = 0; i < n; i++)
        {
            var d = 1 + (_diagonal[i] * inverseRate);
            var up = upper[i] * inverseRate;
            var low = lower[i] * inverseRate;
            var row = i * columns;
            for (var j = 0; j < columns; j++)
            {
                var v = d * source[row + j];
                if (i > 0)
                {
                    v += low * source[row - columns + j];
                }

                if (i + 1 < n)
                {
                    v += up * source[row + columns + j];
                }

                destination[row + j] = v;
            }
        }
    }

    // destination = source² normalised to a largest entry of 1; returns ln of the largest entry before normalising.
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

        return Normalise(destination);
    }

    // Divides by the largest entry; returns its logarithm.
    private static double Normalise(double[] values)
    {
        var max = 0.0;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        var inverse = 1 / max;
        for (var k = 0; k < values.Length; k++)
        {
            values[k] *= inverse;
        }

        return Math.Log(max);
    }
}
