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
