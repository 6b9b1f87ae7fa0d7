using System;
using System.Numerics;
using Lean.MarketMaking.Models.Errors;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.IntegralTransforms;

namespace Lean.MarketMaking.Models.Estimation.RoughVolatility;

/// <summary>
/// Exact simulation of fractional Brownian motion B^H on a regular grid by circulant embedding of the fractional
/// Gaussian noise covariance γ(k) = ½(|k+1|^{2H} − 2|k|^{2H} + |k−1|^{2H}) (Davies &amp; Harte 1987, "Tests for Hurst
/// effect", Biometrika 74(1); the algorithm as in Dieker 2004, "Simulation of fractional Brownian motion", §2.1.3,
/// and Wood &amp; Chan 1994). The circulant's eigenvalues are computed once with MathNet's FFT; each sample costs one FFT
/// of size 2m, m the smallest power of two ≥ the number of steps. The embedding of fGn is non-negative definite for
/// every H ∈ (0, 1) (see Dieker 2004), so the simulation is exact; the constructor checks the eigenvalues anyway.
/// </summary>
public sealed class FractionalBrownianMotion
{
    private readonly double[] _scales;
    private readonly Complex[] _buffer;

    /// <summary>Prepares the simulation of <paramref name="steps"/> increments with Hurst exponent <paramref name="hurst"/>.</summary>
    /// <param name="hurst">Hurst exponent H ∈ (0, 1).</param>
    /// <param name="steps">Number of grid steps, in [1, <see cref="MaxSteps"/>].</param>
    public FractionalBrownianMotion(double hurst, int steps)
    {
        Hurst = Guard.InRange(hurst, double.Epsilon, 1 - 1e-12, nameof(hurst));
        Steps = Guard.Positive(steps, nameof(steps));
        if (steps > MaxSteps)
        {
            // Beyond 2³⁰ the power-of-two search below would overflow and never end.
            throw Guard.Invalid(nameof(steps), $"must be <= {MaxSteps} (the embedding holds 2·2^⌈log₂ steps⌉ complex numbers twice), got {steps}");
        }

        var m = 1;
        while (m < steps)
        {
            m <<= 1;
        }

        var size = 2 * m;
        var row = new Complex[size];
        for (var k = 0; k <= m; k++)
        {
            row[k] = Autocovariance(hurst, k);
        }

        for (var k = m + 1; k < size; k++)
        {
            row[k] = row[size - k];
        }

        Fourier.Forward(row, FourierOptions.Matlab);
        _scales = new double[size];
        for (var k = 0; k < size; k++)
        {
            var eigenvalue = row[k].Real;
            if (eigenvalue < -1e-10)
            {
                throw new MarketMakingException(
                    MarketMakingErrorKind.NumericalInstability, $"circulant eigenvalue {k} is negative ({eigenvalue})", nameof(hurst));
            }

            _scales[k] = Math.Sqrt(Math.Max(0, eigenvalue) / size);
        }

        _buffer = new Complex[size];
    }

    /// <summary>Largest number of steps per sample, 2²⁴ (the FFT buffers then take 2 × 512 MB).</summary>
    public const int MaxSteps = 1 << 24;

    /// <summary>Hurst exponent H.</summary>
    public double Hurst { get; }

    /// <summary>Number of increments per sample.</summary>
    public int Steps { get; }

    /// <summary>Autocovariance γ(k) of unit-step fractional Gaussian noise.</summary>
    public static double Autocovariance(double hurst, int lag)
    {
        var h2 = 2 * hurst;
        double k = Math.Abs(lag);
        return 0.5 * (Math.Pow(k + 1, h2) - 2 * Math.Pow(k, h2) + Math.Pow(Math.Abs(k - 1), h2));
    }

    /// <summary>
    /// Fills <paramref name="increments"/> (length <see cref="Steps"/>) with fractional Gaussian noise of unit step:
    /// stationary, unit variance, autocovariance <see cref="Autocovariance"/>. Multiply by Δt^H for a step Δt.
    /// </summary>
    /// <param name="random">Source of randomness (seed it for reproducibility).</param>
    /// <param name="increments">Destination, of length <see cref="Steps"/>.</param>
    public void SampleIncrements(Random random, Span<double> increments)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (increments.Length != Steps)
        {
            throw Guard.Invalid(nameof(increments), $"length must be {Steps}, got {increments.Length}");
        }

        var size = _buffer.Length;
        var half = size / 2;
        _buffer[0] = new Complex(_scales[0] * Normal.Sample(random, 0, 1), 0);
        _buffer[half] = new Complex(_scales[half] * Normal.Sample(random, 0, 1), 0);
        for (var j = 1; j < half; j++)
        {
            var s = _scales[j] / Math.Sqrt(2);
            var w = new Complex(s * Normal.Sample(random, 0, 1), s * Normal.Sample(random, 0, 1));
            _buffer[j] = w;
            _buffer[size - j] = Complex.Conjugate(w);
        }

        Fourier.Forward(_buffer, FourierOptions.Matlab);
        for (var i = 0; i < increments.Length; i++)
        {
            increments[i] = _buffer[i].Real;
        }
    }

    /// <summary>
    /// Fills <paramref name="path"/> (length <see cref="Steps"/> + 1) with B^H at times 0, Δt, …, horizon, Δt = horizon/Steps,
    /// starting from B^H(0) = 0.
    /// </summary>
    /// <param name="random">Source of randomness (seed it for reproducibility).</param>
    /// <param name="horizon">Final time, &gt; 0, in the caller's time unit.</param>
    /// <param name="path">Destination, of length <see cref="Steps"/> + 1.</param>
    public void SamplePath(Random random, double horizon, Span<double> path)
    {
        Guard.Positive(horizon, nameof(horizon));
        if (path.Length != Steps + 1)
        {
            throw Guard.Invalid(nameof(path), $"length must be {Steps + 1}, got {path.Length}");
        }

        SampleIncrements(random, path[1..]);
        var scale = Math.Pow(horizon / Steps, Hurst);
        path[0] = 0;
        var sum = 0.0;
        for (var i = 1; i < path.Length; i++)
        {
            sum += scale * path[i];
            path[i] = sum;
        }
    }
}
