using System;
using Lean.MarketMaking.Models.Errors;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;

namespace Lean.MarketMaking.Models.Quoting.CarteaJaimungal;

/// <summary>
/// The closed form ω(t) = exp(𝐀(T−t))·z of Cartea, Jaimungal &amp; Penalva (2015) §10.2 for one tridiagonal 𝐀,
/// evaluated through a single eigen-decomposition and cached for the last time-to-horizon.
/// </summary>
/// <remarks>
/// Rows are labelled q = q̄ … −q̄ (row i holds q = q̄ − i). 𝐀 has diagonal κ(μq − φq²), super-diagonal a = 𝐀[q, q−1]
/// (buy market orders, the ask fills and q falls) and sub-diagonal b = 𝐀[q, q+1] (sell market orders). With
/// D = diag(d_i), d_i = (a/b)^(i/2), the matrix S = D𝐀D⁻¹ is symmetric with off-diagonals √(ab), so
/// exp(𝐀τ) = D⁻¹·V·exp(Λτ)·Vᵀ·D with S = VΛVᵀ (MathNet symmetric EVD, computed once). To stay finite for any τ
/// the code factors out e^(λ_max·τ), the largest entry of D·z, and the d_i themselves, working in logarithms:
/// κh_i = ln ω_i = [λ_max·τ + m] − ln d_i + ln Σ_k V_ik·e^((λ_k−λ_max)τ)·c̃_k, with c̃ = Vᵀ·e^(ln(Dz) − m).
/// The bracket is common to every q and cancels from the depths, so it is kept apart (<see cref="Offset"/>).
/// The spectral sum has an error relative to the largest component, so a component whose value is small next to the
/// best state's (extreme inventories under heavy penalties, or a large tilt (a/b)^(q̄) from very unequal order flow)
/// loses digits to cancellation and to the eigenvectors' own errors (of order nε relative to their largest entry).
/// Each component's error is bounded; if any would lose more than nine significant digits, the whole vector at that τ
/// is recomputed by <see cref="PositiveSeriesExponential"/>, which has entrywise relative accuracy, re-gauged when some
/// component lies below the double range of the largest. Only a component that stays unrepresentable after that (ω far
/// below e^(−690) of the best, which needs absurd penalties) comes out NaN.
/// Not thread-safe: the owning model serialises calls.
/// </remarks>
internal sealed class InventorySpectrum
{
    private const double RelativeTolerance = 1e-9;
    private const int MaxGaugePasses = 4;
    private const double MaxGaugeSlope = 40;
    private const double UnitRoundOff = 1.1102230246251565e-16; // 2^-53
    private readonly int _n;
    private readonly double _kappa;
    private readonly double[] _eigenvalues;
    private readonly double[] _vectors; // row-major V[i * n + k]
    private readonly double[] _logScale; // ln d_i
    private readonly double[] _logTerminal; // ln z_i = −ακq_i²
    private readonly PositiveSeriesExponential _fallback;
    private readonly double[] _gauge;
    private readonly double[] _coefficients; // c̃_k
    private readonly double _coefficientScale; // m
    private readonly double _inputNorm; // ‖e^(ln(Dz) − m)‖₂
    private readonly double _maxEigenvalue;
    private readonly double[] _weights;
    private readonly double[] _relative;
    private double _cachedTau = double.NaN;

    /// <summary>Builds 𝐀 from its coefficients and eigen-decomposes its symmetrised form.</summary>
    /// <param name="maxInventory">q̄ in lots.</param>
    /// <param name="kappa">κ per price unit.</param>
    /// <param name="runningPenalty">Effective running penalty φ.</param>
    /// <param name="terminalPenalty">α.</param>
    /// <param name="drift">Total drift μ of the mid, price per time unit.</param>
    /// <param name="logSuper">ln a, a = 𝐀[q, q−1].</param>
    /// <param name="logSub">ln b, b = 𝐀[q, q+1].</param>
    /// <param name="horizon">T: the largest time-to-horizon that will be evaluated.</param>
    public InventorySpectrum(
        int maxInventory, double kappa, double runningPenalty, double terminalPenalty, double drift, double logSuper, double logSub, double horizon)
    {
        _n = (2 * maxInventory) + 1;
        _kappa = kappa;
        Drift = drift;

        var n = _n;
        var offDiagonal = Math.Exp(0.5 * (logSuper + logSub));
        var s = Matrix<double>.Build.Dense(n, n);
        _logScale = new double[n];
        _logTerminal = new double[n];
        var diagonal = new double[n];
        var halfLogRatio = 0.5 * (logSuper - logSub);
        for (var i = 0; i < n; i++)
        {
            double q = maxInventory - i;
            diagonal[i] = kappa * ((drift * q) - (runningPenalty * q * q));
            _logTerminal[i] = -terminalPenalty * kappa * q * q;
            s[i, i] = diagonal[i];
            if (i + 1 < n)
            {
                s[i, i + 1] = offDiagonal;
                s[i + 1, i] = offDiagonal;
            }

            _logScale[i] = i * halfLogRatio;
        }

        _fallback = new PositiveSeriesExponential(diagonal, Math.Exp(logSuper), Math.Exp(logSub), horizon);
        var evd = s.Evd(Symmetricity.Symmetric);
        _eigenvalues = new double[n];
        _vectors = new double[n * n];
        _maxEigenvalue = double.NegativeInfinity;
        for (var k = 0; k < n; k++)
        {
            _eigenvalues[k] = evd.EigenValues[k].Real;
            _maxEigenvalue = Math.Max(_maxEigenvalue, _eigenvalues[k]);
            for (var i = 0; i < n; i++)
            {
                _vectors[(i * n) + k] = evd.EigenVectors[i, k];
            }
        }

        // ln(D z)_j = ln d_j − ακq_j², scaled by its maximum m so that the largest entry is 1.
        var logInput = new double[n];
        _coefficientScale = double.NegativeInfinity;
        for (var j = 0; j < n; j++)
        {
            logInput[j] = _logScale[j] + _logTerminal[j];
            _coefficientScale = Math.Max(_coefficientScale, logInput[j]);
        }

        _coefficients = new double[n];
        var norm2 = 0.0;
        for (var j = 0; j < n; j++)
        {
            var x = Math.Exp(logInput[j] - _coefficientScale);
            norm2 += x * x;
            for (var k = 0; k < n; k++)
            {
                _coefficients[k] += _vectors[(j * n) + k] * x;
            }
        }

        _inputNorm = Math.Sqrt(norm2);
        _weights = new double[n];
        _relative = new double[n];
        _gauge = new double[n];
        if (!double.IsFinite(_maxEigenvalue) || !double.IsFinite(_coefficientScale))
        {
            throw new MarketMakingException(MarketMakingErrorKind.NumericalInstability, "the inventory matrix has no finite spectrum");
        }
    }

    /// <summary>The total drift μ this spectrum was built for, price per time unit.</summary>
    public double Drift { get; }

    /// <summary>Whether the last evaluation needed <see cref="PositiveSeriesExponential"/> (diagnostics and tests).</summary>
    public bool UsedPositiveSeries { get; private set; }

    /// <summary>(λ_max·τ + m)/κ for the last evaluated τ: add it to <see cref="ValueAt"/> to get h itself.</summary>
    public double Offset { get; private set; }

    /// <summary>
    /// h(t, q) − <see cref="Offset"/> for every row i (q = q̄ − i) at time-to-horizon <paramref name="tau"/>;
    /// NaN marks a component that is not representable in double precision. Allocation-free; repeated
    /// calls with the same τ return the cached values.
    /// </summary>
    public ReadOnlySpan<double> ValueAt(double tau)
    {
        if (tau.Equals(_cachedTau))
        {
            return _relative;
        }

        var n = _n;
        if (tau == 0)
        {
            // exp(𝐀·0)z = z exactly: h(T, q) = −αq².
            for (var i = 0; i < n; i++)
            {
                _relative[i] = _logTerminal[i] / _kappa;
            }

            Offset = 0;
            UsedPositiveSeries = false;
        }
        else
        {
            for (var k = 0; k < n; k++)
            {
                _weights[k] = Math.Exp((_eigenvalues[k] - _maxEigenvalue) * tau);
            }

            var resolved = true;
            var roundOff = 8.0 * n * UnitRoundOff;
            for (var i = 0; i < n; i++)
            {
                var row = i * n;
                var sum = 0.0;
                var magnitude = 0.0;
                for (var k = 0; k < n; k++)
                {
                    var v = _vectors[row + k];
                    var w = _weights[k];
                    sum += v * w * _coefficients[k];
                    // |V_ik| + 1: the computed eigenvectors carry errors of order nε relative to their largest entry.
                    magnitude += (Math.Abs(v) + 1) * w * (Math.Abs(_coefficients[k]) + _inputNorm);
                }

                if (sum > 0 && roundOff * magnitude <= RelativeTolerance * sum)
                {
                    _relative[i] = (Math.Log(sum) - _logScale[i]) / _kappa;
                }
                else
                {
                    resolved = false;
                    break;
                }
            }

            Offset = ((_maxEigenvalue * tau) + _coefficientScale) / _kappa;
            UsedPositiveSeries = !resolved;
            if (!resolved)
            {
                Offset = PositiveSeries(tau) / _kappa;
                for (var i = 0; i < n; i++)
                {
                    _relative[i] = double.IsFinite(_relative[i]) ? _relative[i] / _kappa : double.NaN;
                }
            }
        }

        _cachedTau = tau;
        return _relative;
    }

    // ln ω − C into _relative via the positive series, returning C. The first pass is ungauged; while some component
    // underflows, the gauge is re-fitted to the components obtained, continuing their second difference outwards (h is
    // close to quadratic in q at the edges), with slopes capped so that the gauged rates stay moderate (a steep gauge
    // makes G⁻¹𝐀G stiff and the series slow). A few passes cover values down to ~e^(−MaxGaugeSlope·2q̄) of the best one.
    private double PositiveSeries(double tau)
    {
        var offset = _fallback.LogApply(tau, _logTerminal, _relative);
        Array.Clear(_gauge);
        if (RefitGauge())
        {
            return offset;
        }

        for (var pass = 0; pass < MaxGaugePasses; pass++)
        {
            offset = _fallback.LogApply(tau, _logTerminal, _gauge, _relative);
            if (RefitGauge())
            {
                break;
            }
        }

        return offset;
    }

    // Copies the finite components of _relative into _gauge and extrapolates the others; true if all were finite.
    private bool RefitGauge()
    {
        var n = _n;
        var first = -1;
        var last = -1;
        for (var i = 0; i < n; i++)
        {
            if (double.IsFinite(_relative[i]))
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
            _gauge[i] = _relative[i];
        }

        Extrapolate(first, last, -1);
        Extrapolate(last, first, +1);
        for (var i = 1; i < n; i++)
        {
            _gauge[i] = Math.Clamp(_gauge[i], _gauge[i - 1] - MaxGaugeSlope, _gauge[i - 1] + MaxGaugeSlope);
        }

        return false;
    }

    // Continues _gauge from index 'from' in direction 'step' with a constant second difference.
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

        curvature = Math.Min(curvature, 0); // the value function is concave: never bend the gauge upwards
        for (var i = from + step; i >= 0 && i < _n; i += step)
        {
            difference += curvature;
            _gauge[i] = _gauge[i - step] + difference;
        }
    }
}
