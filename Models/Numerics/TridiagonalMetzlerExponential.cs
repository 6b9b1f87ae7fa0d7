using System;
using System.Linq;
using Lean.MarketMaking.Models.Errors;
using MathNet.Numerics.LinearAlgebra;

namespace Lean.MarketMaking.Models.Numerics;

/// <summary>
/// ω(τ) = exp(Gτ)·x for one tridiagonal Metzler generator G (G[i,i+1] = u &gt; 0, G[i+1,i] = l &gt; 0, any diagonal)
/// and one positive start vector x, for 0 ≤ τ ≤ horizon, with every component ω_i accurate relative to itself, in
/// logarithms; plus the τ → ∞ direction of ω (the Perron vector of G). The engine behind the exact GLFT model
/// (v(t) = exp(−M(T − t))·v(T), G = −M) and the Cartea–Jaimungal model (ω(t) = exp(𝐀(T − t))·z, G = 𝐀).
/// </summary>
/// <remarks>
/// <para>Spectral path: with D = diag((u/l)^(i/2)), S = DGD⁻¹ is symmetric with off-diagonals √(ul); it is
/// eigendecomposed once (MathNet symmetric EVD, S = VΛVᵀ), so exp(Gτ)x = D⁻¹V·e^(Λτ)·Vᵀ·Dx. Factoring out
/// e^(λ_max·τ) and the largest entry e^m of Dx, ln ω_i = [λ_max·τ + m] − ln d_i + ln Σ_k V_ik·e^((λ_k−λ_max)τ)·c̃_k
/// with c̃ = Vᵀ·e^(ln(Dx) − m): O(n²) per τ, or O(n·r) once only r modes have weights e^((λ_k−λ_max)τ) above the
/// underflow (the others add exactly 0). That sum is accurate relative to the largest component only (its round-off
/// and the eigenvectors' own errors, of order nε relative to their largest entry), so each component's error is
/// bounded by 8nε·Σ_k (|V_ik| + 1)·e^((λ_k−λ_max)τ)·(|c̃_k| + ‖e^(ln(Dx) − m)‖₂).</para>
/// <para>Positive-series path: when that bound exceeds 1e-9 of some component (a vector spanning many orders of
/// magnitude, e.g. the GLFT value function at ±Q, or a large tilt (u/l)^(n/2)), the whole vector at that τ is computed
/// by <see cref="PositiveSeriesExponential"/> instead, exact entrywise (uniformisation, squarings, and a gauge for
/// components beyond the double range of the largest).</para>
/// <para>The last τ is cached: a repeated τ costs O(1); nothing allocates after the first call that needs the
/// positive series. Not thread-safe: callers serialise.</para>
/// </remarks>
internal sealed class TridiagonalMetzlerExponential
{
    private const double RelativeTolerance = 1e-9;
    private const double UnitRoundOff = 1.1102230246251565e-16; // 2^-53
    private readonly int _n;
    private readonly double[] _diagonal;
    private readonly double _upper;
    private readonly double _lower;
    private readonly double[] _logStart;
    private readonly double[] _logScale; // ln d_i
    private readonly double[] _eigenvalues;
    private readonly double[] _vectors; // row-major V[i * n + k]
    private readonly double[] _coefficients; // c̃_k
    private readonly double _coefficientScale; // m
    private readonly double _inputNorm; // ‖e^(ln(Dx) − m)‖₂
    private readonly int _perronPeak;
    private readonly PositiveSeriesExponential _series;
    private readonly double[] _weights;
    private readonly double[] _values;
    private double _cachedTau = double.NaN;
    private double[]? _logPerron; // ln f, for the stationary response
    private double[]? _work; // the response's work vectors

    /// <summary>Stores G and x and eigendecomposes the symmetrised G.</summary>
    /// <param name="diagonal">G[i,i], per time unit (n ≥ 2 entries).</param>
    /// <param name="upper">u = G[i,i+1] &gt; 0, per time unit.</param>
    /// <param name="lower">l = G[i+1,i] &gt; 0, per time unit.</param>
    /// <param name="logStart">ln x_i (finite).</param>
    /// <param name="horizon">The largest τ that will be asked for, time units.</param>
    /// <exception cref="MarketMakingException">
    /// <see cref="MarketMakingErrorKind.NumericalInstability"/> if the off-diagonals are not positive and finite or the
    /// symmetrised matrix has no finite spectrum.
    /// </exception>
    public TridiagonalMetzlerExponential(
        ReadOnlySpan<double> diagonal, double upper, double lower, ReadOnlySpan<double> logStart, double horizon)
    {
        var n = diagonal.Length;
        if (n < 2 || logStart.Length != n)
        {
            throw new ArgumentException($"need n ≥ 2 diagonal entries and as many start values, got {n} and {logStart.Length}");
        }

        if (!(upper > 0 && lower > 0 && double.IsFinite(upper) && double.IsFinite(lower)))
        {
            throw new MarketMakingException(
                MarketMakingErrorKind.NumericalInstability,
                $"the generator's off-diagonals must be positive and finite, got {upper} and {lower}");
        }

        _n = n;
        _diagonal = diagonal.ToArray();
        _upper = upper;
        _lower = lower;
        _logStart = logStart.ToArray();
        Horizon = Guard.Positive(horizon, nameof(horizon));
        _series = new PositiveSeriesExponential(diagonal, upper, lower, logStart, horizon);
        _logScale = new double[n];
        var offDiagonal = _series.SymmetricOffDiagonal;
        var s = Matrix<double>.Build.Dense(n, n);
        for (var i = 0; i < n; i++)
        {
            s[i, i] = diagonal[i];
            if (i + 1 < n)
            {
                s[i, i + 1] = offDiagonal;
                s[i + 1, i] = offDiagonal;
            }

            _logScale[i] = _series.LogSymmetriser(i);
        }

        // Eigenpairs in descending order, so that the modes still alive at time τ are a prefix.
        var evd = s.Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, n).OrderByDescending(k => evd.EigenValues[k].Real).ToArray();
        _eigenvalues = new double[n];
        _vectors = new double[n * n];
        for (var k = 0; k < n; k++)
        {
            _eigenvalues[k] = evd.EigenValues[order[k]].Real;
            for (var i = 0; i < n; i++)
            {
                _vectors[(i * n) + k] = evd.EigenVectors[i, order[k]];
            }
        }

        PerronRoot = _eigenvalues[0];
        for (var i = 1; i < n; i++)
        {
            if (PerronLog(i) > PerronLog(_perronPeak))
            {
                _perronPeak = i;
            }
        }

        // c̃ = Vᵀ·e^(ln(Dx) − m), the start vector in the symmetrised frame scaled to a largest entry of 1.
        var start = _series.SymmetrisedStart;
        _coefficientScale = _series.SymmetrisedStartLogScale;
        _coefficients = new double[n];
        var norm2 = 0.0;
        for (var j = 0; j < n; j++)
        {
            norm2 += start[j] * start[j];
            for (var k = 0; k < n; k++)
            {
                _coefficients[k] += _vectors[(j * n) + k] * start[j];
            }
        }

        _inputNorm = Math.Sqrt(norm2);
        if (!double.IsFinite(PerronRoot) || !double.IsFinite(_coefficientScale))
        {
            throw new MarketMakingException(MarketMakingErrorKind.NumericalInstability, "the generator has no finite spectrum");
        }

        _weights = new double[n];
        _values = new double[n];
    }

    /// <summary>The largest τ supported, time units.</summary>
    public double Horizon { get; }

    /// <summary>The Perron root of G (its largest eigenvalue, real and simple), per time unit.</summary>
    public double PerronRoot { get; }

    /// <summary>Whether the last <see cref="LogApply"/> needed the positive series (diagnostics and tests).</summary>
    public bool UsedPositiveSeries { get; private set; }

    /// <summary>The constant C of the last <see cref="LogApply"/>: ln ω_i = value_i + C.</summary>
    public double LogOffset { get; private set; }

    /// <summary>
    /// ln ω_i(τ) − <see cref="LogOffset"/> for every i, 0 ≤ τ ≤ <see cref="Horizon"/>; NaN marks a component that is
    /// not representable next to the largest one even after gauging (far below e^(−600) of it). The span is valid until
    /// the next call; repeated calls with the same τ return it without recomputation.
    /// </summary>
    public ReadOnlySpan<double> LogApply(double tau)
    {
        if (tau.Equals(_cachedTau))
        {
            return _values;
        }

        if (!(tau >= 0 && tau <= Horizon))
        {
            throw new ArgumentOutOfRangeException(nameof(tau), tau, $"must lie in [0, {Horizon}]");
        }

        if (tau == 0)
        {
            _logStart.CopyTo(_values, 0); // exp(G·0)x = x exactly
            LogOffset = 0;
            UsedPositiveSeries = false;
        }
        else if (Spectral(tau))
        {
            LogOffset = (PerronRoot * tau) + _coefficientScale;
            UsedPositiveSeries = false;
        }
        else
        {
            LogOffset = _series.LogApply(tau, _values);
            UsedPositiveSeries = true;
        }

        _cachedTau = tau;
        return _values;
    }

    /// <summary>
    /// ln f_i up to an additive constant, f the Perron (right) eigenvector of G — the direction of ω(τ) as τ → ∞ —
    /// with full relative accuracy in every entry (<see cref="TridiagonalPerronVector"/>). Allocates the result.
    /// </summary>
    public double[] LogPerronVector() => TridiagonalPerronVector.Logs(_diagonal, _upper, _lower, PerronRoot, _perronPeak);

    /// <summary>
    /// The first-order relative response R_i = δω_i/ω_i of ω(τ) = exp(Gτ)·x to the perturbation
    /// G → G + ε·e^(−ρ(τ − s))·diag(d) at time-to-go s (ε now, at τ, decaying as s decreases towards 0), per unit of ε.
    /// By Duhamel's formula δω(τ) = ε∫₀^τ e^(−ρu)·exp(Gu)·diag(d)·ω(τ − u) du, and R solves R′ = L(s)R + e^(−ρ(τ − s))d,
    /// R(0) = 0, with L(s) the generator G_ij·ω_j(s)/ω_i(s) (i ≠ j), rows summing to zero.
    /// <list type="bullet">
    /// <item>Finite τ: [δω; e^(−ρ(τ − s))ω] solves the block system d/ds [z; y] = [[G, diag(d − d_min)], [0, G + ρI]]·[z; y]
    /// (plus the exact response ∫e^(−ρu)du·d_min to the constant part), a Metzler system, integrated by uniformisation
    /// from s₀ = max(0, τ − 25/ρ) (earlier, the view's weight is below e^(−25) ≈ 1e-11) with y(s₀) = ω(s₀) from
    /// <see cref="LogApply"/>: every term is non-negative, so each R_i is accurate relative to itself even where ω_i is
    /// 10⁻²⁰⁰ of the largest entry. O(n·c·min(τ, 25/ρ)) with c = max|G_ii| + u + l + ρ + 1: stiff generators and
    /// long views make it slow (hftbacktest's GLFT fit with Q = 20 lots, c ≈ 52/s, and a 20 s view: ≈ 0.1 s).</item>
    /// <item>τ = +∞ (the ergodic limit, ω ∝ Perron vector f): R = (ρI − L)⁻¹d with L_ij = G_ij·f_j/f_i, a tridiagonal
    /// M-matrix whose rows exceed their off-diagonals by exactly ρ, solved by the Thomas algorithm in O(n).</item>
    /// </list>
    /// Allocates its work vectors on the first call. Not thread-safe; it moves the <see cref="LogApply"/> cache.
    /// </summary>
    /// <param name="tau">Time-to-go τ ≥ 0 (≤ <see cref="Horizon"/>, or +∞).</param>
    /// <param name="decayRate">ρ &gt; 0, per time unit.</param>
    /// <param name="perturbation">d, one entry per state.</param>
    /// <param name="destination">R, one entry per state, in time units per unit of ε·d.</param>
    public void DecayingDiagonalResponse(double tau, double decayRate, ReadOnlySpan<double> perturbation, Span<double> destination)
    {
        if (!(decayRate > 0) || !double.IsFinite(decayRate))
        {
            throw new ArgumentOutOfRangeException(nameof(decayRate), decayRate, "must be positive and finite");
        }

        if (double.IsPositiveInfinity(tau))
        {
            StationaryResponse(decayRate, perturbation, destination);
        }
        else
        {
            SeriesResponse(tau, decayRate, perturbation, destination);
        }
    }

    private void StationaryResponse(double rho, ReadOnlySpan<double> d, Span<double> destination)
    {
        var n = _n;
        var logF = _logPerron ??= LogPerronVector();
        var work = _work ??= new double[4 * n];
        var c = work.AsSpan(0, n); // modified super-diagonal
        var r = work.AsSpan(n, n); // modified right-hand side

        // Row i: (ρ + a_i + b_i)R_i − a_i R_{i+1} − b_i R_{i−1} = d_i, a_i = u·f_{i+1}/f_i, b_i = l·f_{i−1}/f_i.
        for (var i = 0; i < n; i++)
        {
            var a = i + 1 < n ? _upper * Math.Exp(logF[i + 1] - logF[i]) : 0.0;
            var b = i > 0 ? _lower * Math.Exp(logF[i - 1] - logF[i]) : 0.0;
            var pivot = rho + a + b - (i > 0 ? b * c[i - 1] : 0.0);
            c[i] = a / pivot;
            r[i] = (d[i] + (i > 0 ? b * r[i - 1] : 0.0)) / pivot;
        }

        destination[n - 1] = r[n - 1];
        for (var i = n - 2; i >= 0; i--)
        {
            destination[i] = r[i] + c[i] * destination[i + 1];
        }
    }

    private void SeriesResponse(double tau, double rho, ReadOnlySpan<double> d, Span<double> destination)
    {
        var n = _n;
        if (!(tau >= 0 && tau <= Horizon))
        {
            throw new ArgumentOutOfRangeException(nameof(tau), tau, $"must lie in [0, {Horizon}]");
        }

        var window = Math.Min(tau, 25.0 / rho);
        var dMin = double.PositiveInfinity;
        var dMax = double.NegativeInfinity;
        var diagonalMax = 0.0;
        for (var i = 0; i < n; i++)
        {
            dMin = Math.Min(dMin, d[i]);
            dMax = Math.Max(dMax, d[i]);
            diagonalMax = Math.Max(diagonalMax, Math.Abs(_diagonal[i]));
        }

        // The constant part d_min of d: its response is exactly ∫₀^window e^(−ρu) du.
        var constant = dMin * -double.ExpM1(-rho * window) / rho;
        var spread = dMax - dMin;
        if (!(spread > 0) || window == 0)
        {
            destination.Fill(constant);
            return;
        }

        var work = _work ??= new double[4 * n];
        var y = work.AsSpan(0, n);
        var z = work.AsSpan(n, n);
        var vy = work.AsSpan(2 * n, n);
        var vz = work.AsSpan(3 * n, n);
        var start = LogApply(tau - window);
        var peak = double.NegativeInfinity;
        foreach (var value in start)
        {
            peak = double.IsNaN(value) ? peak : Math.Max(peak, value);
        }

        for (var i = 0; i < n; i++)
        {
            y[i] = double.IsNaN(start[i]) ? 0.0 : Math.Exp(start[i] - peak);
            z[i] = 0.0;
        }

        // Uniformisation of the block generator with the coupling scaled to (d − d_min)/spread ∈ [0, 1]:
        // Â = I + Ĝ/c ≥ 0 entrywise and ‖Â‖∞ ≤ 2.
        var rate = diagonalMax + _upper + _lower + rho + 1.0;
        var steps = (int)Math.Ceiling(rate * window / 16.0);
        var step = window / steps;
        var mean = rate * step;
        for (var s = 0; s < steps; s++)
        {
            y.CopyTo(vy);
            z.CopyTo(vz);
            var weight = Math.Exp(-mean);
            for (var i = 0; i < n; i++)
            {
                y[i] *= weight;
                z[i] *= weight;
            }

            for (var m = 1; ; m++)
            {
                // (vz, vy) ← Â·(vz, vy), in place with the previous entry kept aside.
                double previousY = 0, previousZ = 0, largest = 0;
                for (var i = 0; i < n; i++)
                {
                    var oldY = vy[i];
                    var oldZ = vz[i];
                    var upY = i + 1 < n ? vy[i + 1] : 0.0;
                    var upZ = i + 1 < n ? vz[i + 1] : 0.0;
                    vy[i] = oldY + (((_diagonal[i] + rho) * oldY) + (_upper * upY) + (_lower * previousY)) / rate;
                    vz[i] = oldZ + ((_diagonal[i] * oldZ) + (_upper * upZ) + (_lower * previousZ) + ((d[i] - dMin) / spread * oldY)) / rate;
                    previousY = oldY;
                    previousZ = oldZ;
                    largest = Math.Max(largest, Math.Max(vy[i], vz[i]));
                }

                weight *= mean / m;
                var total = 0.0;
                for (var i = 0; i < n; i++)
                {
                    y[i] += weight * vy[i];
                    z[i] += weight * vz[i];
                    total = Math.Max(total, Math.Max(y[i], z[i]));
                }

                if (m > 2 * mean && weight * largest <= 1e-18 * total)
                {
                    break;
                }
            }

            var scale = 0.0;
            for (var i = 0; i < n; i++)
            {
                scale = Math.Max(scale, y[i]);
            }

            for (var i = 0; i < n; i++)
            {
                y[i] /= scale;
                z[i] /= scale;
            }
        }

        for (var i = 0; i < n; i++)
        {
            destination[i] = y[i] > 0 ? constant + (spread * z[i] / y[i]) : double.NaN;
        }
    }

    // ln|f_i| + const for the eigensolver's Perron vector f = D⁻¹·V[:, 0].
    private double PerronLog(int i) => Math.Log(Math.Abs(_vectors[i * _n])) - _logScale[i];

    // The spectral sum into _values (ln ω − C); false, leaving _values partly written, if some component's error bound
    // exceeds RelativeTolerance.
    private bool Spectral(double tau)
    {
        var n = _n;
        var alive = 0; // modes whose weight e^((λ_k − λ_max)τ) has not underflowed: the rest add exactly 0
        while (alive < n && (_weights[alive] = Math.Exp((_eigenvalues[alive] - PerronRoot) * tau)) > 0)
        {
            alive++;
        }

        var roundOff = 8.0 * n * UnitRoundOff;
        for (var i = 0; i < n; i++)
        {
            var row = i * n;
            var sum = 0.0;
            var magnitude = 0.0;
            for (var k = 0; k < alive; k++)
            {
                var v = _vectors[row + k];
                var w = _weights[k];
                sum += v * w * _coefficients[k];

                // |V_ik| + 1: the computed eigenvectors carry errors of order nε relative to their largest entry.
                magnitude += (Math.Abs(v) + 1) * w * (Math.Abs(_coefficients[k]) + _inputNorm);
            }

            if (!(sum > 0 && roundOff * magnitude <= RelativeTolerance * sum))
            {
                return false;
            }

            _values[i] = Math.Log(sum) - _logScale[i];
        }

        return true;
    }
}
