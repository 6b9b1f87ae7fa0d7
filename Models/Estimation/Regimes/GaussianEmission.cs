using System;
using System.Collections.Generic;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Lean.MarketMaking.Models.Estimation.Regimes;

/// <summary>
/// The emission law of one hidden regime: a d-variate normal N(μ, Σ) with regime-dependent mean vector,
/// volatilities and correlations (Hamilton 1989, "A new approach to the economic analysis of nonstationary time
/// series", Econometrica 57; Rabiner 1989, "A tutorial on hidden Markov models", Proc. IEEE 77, §IV.B, one mixture component).
/// d = 1 is the univariate case. Immutable; Σ is validated symmetric positive definite by a MathNet Cholesky
/// factorisation Σ = L·Lᵀ, whose factor is kept for log-densities.
/// </summary>
public sealed class GaussianEmission
{
    private const double SymmetryTolerance = 1e-12;
    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2.0 * Math.PI);

    private readonly double[] _mean;
    private readonly double[,] _covariance;

    /// <summary>Validates and copies a mean vector and covariance matrix (observation units, squared for Σ).</summary>
    /// <param name="mean">Mean vector μ, length d ≥ 1.</param>
    /// <param name="covariance">Covariance Σ, d×d, symmetric positive definite.</param>
    /// <exception cref="MarketMakingException">
    /// <see cref="MarketMakingErrorKind.InvalidParameters"/> for mismatched dimensions or non-finite entries;
    /// <see cref="MarketMakingErrorKind.CorrelationMatrixNotPositiveDefinite"/> when Σ is asymmetric or not positive definite.
    /// </exception>
    public GaussianEmission(double[] mean, double[,] covariance)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(covariance);
        var d = mean.Length;
        if (d == 0 || covariance.GetLength(0) != d || covariance.GetLength(1) != d)
        {
            throw Guard.Invalid(nameof(covariance), $"must be {d}x{d} to match the mean, got {covariance.GetLength(0)}x{covariance.GetLength(1)}");
        }

        Guard.AllFinite(mean, nameof(mean));
        _mean = (double[])mean.Clone();
        _covariance = (double[,])covariance.Clone();
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++)
            {
                Guard.Finite(_covariance[i, j], $"{nameof(covariance)}[{i},{j}]");
                if (Math.Abs(_covariance[i, j] - _covariance[j, i]) > SymmetryTolerance * Math.Max(1.0, Math.Abs(_covariance[i, j])))
                {
                    throw NotPositiveDefinite($"is not symmetric at [{i},{j}]");
                }
            }
        }

        CholeskyFactor = Factorise(_covariance);
        var logDeterminantHalf = 0.0;
        for (var i = 0; i < d; i++)
        {
            logDeterminantHalf += Math.Log(CholeskyFactor[i * d + i]);
        }

        LogNormaliser = -logDeterminantHalf - d * HalfLogTwoPi;
    }

    /// <summary>Dimension d of an observation.</summary>
    public int Dimension => _mean.Length;

    /// <summary>The mean vector μ (observation units).</summary>
    public IReadOnlyList<double> Mean => _mean;

    /// <summary>Covariance entry Σ[i, j] (observation units squared).</summary>
    /// <exception cref="MarketMakingException">InvalidParameters naming the index that is not in [0, d).</exception>
    public double Covariance(int i, int j) => _covariance[Component(i, nameof(i)), Component(j, nameof(j))];

    /// <summary>Volatility √Σ[i, i] of component <paramref name="i"/> (observation units, per observation).</summary>
    /// <exception cref="MarketMakingException">InvalidParameters when <paramref name="i"/> is not in [0, d).</exception>
    public double Volatility(int i) => Math.Sqrt(Covariance(i, i));

    private int Component(int index, string name) =>
        (uint)index < (uint)_mean.Length ? index : throw Guard.Invalid(name, $"must be a component in [0, {_mean.Length - 1}], got {index}");

    /// <summary>The regime's correlation matrix Σ[i,j]/(σᵢσⱼ).</summary>
    public CorrelationMatrix Correlation()
    {
        var d = Dimension;
        var rho = new double[d, d];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++)
            {
                rho[i, j] = i == j ? 1.0 : _covariance[i, j] / (Volatility(i) * Volatility(j));
            }
        }

        return new CorrelationMatrix(rho);
    }

    /// <summary>A univariate regime N(<paramref name="mean"/>, <paramref name="volatility"/>²).</summary>
    public static GaussianEmission Univariate(double mean, double volatility)
    {
        Guard.Positive(volatility, nameof(volatility));
        return new GaussianEmission(new[] { Guard.Finite(mean, nameof(mean)) }, new[,] { { volatility * volatility } });
    }

    /// <summary>A multivariate regime from its means, volatilities and correlation: Σ = diag(σ)·ρ·diag(σ).</summary>
    public static GaussianEmission FromVolatilities(double[] mean, double[] volatilities, CorrelationMatrix correlation)
    {
        ArgumentNullException.ThrowIfNull(volatilities);
        ArgumentNullException.ThrowIfNull(correlation);
        var d = volatilities.Length;
        if (correlation.Dimension != d)
        {
            throw Guard.Invalid(nameof(correlation), $"must be {d}x{d}, got {correlation.Dimension}");
        }

        var covariance = new double[d, d];
        for (var i = 0; i < d; i++)
        {
            Guard.Positive(volatilities[i], $"{nameof(volatilities)}[{i}]");
        }

        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++)
            {
                covariance[i, j] = volatilities[i] * volatilities[j] * correlation[i, j];
            }
        }

        return new GaussianEmission(mean, covariance);
    }

    /// <summary>Lower Cholesky factor L of Σ, row-major d×d.</summary>
    internal double[] CholeskyFactor { get; }

    /// <summary>−½ ln det Σ − (d/2) ln 2π.</summary>
    internal double LogNormaliser { get; }

    /// <summary>
    /// ln N(x; μ, Σ) = LogNormaliser − ½‖L⁻¹(x − μ)‖² by forward substitution; allocation-free.
    /// </summary>
    /// <param name="x">One observation, length d.</param>
    /// <param name="scratch">Work space of length ≥ d.</param>
    internal double LogDensity(ReadOnlySpan<double> x, Span<double> scratch)
    {
        var d = _mean.Length;
        var l = CholeskyFactor;
        var quadratic = 0.0;
        for (var i = 0; i < d; i++)
        {
            var s = x[i] - _mean[i];
            var row = i * d;
            for (var j = 0; j < i; j++)
            {
                s -= l[row + j] * scratch[j];
            }

            var z = s / l[row + i];
            scratch[i] = z;
            quadratic += z * z;
        }

        return LogNormaliser - 0.5 * quadratic;
    }

    private static double[] Factorise(double[,] covariance)
    {
        var d = covariance.GetLength(0);
        try
        {
            var factor = Matrix<double>.Build.DenseOfArray(covariance).Cholesky().Factor;
            var flat = new double[d * d];
            for (var i = 0; i < d; i++)
            {
                for (var j = 0; j <= i; j++)
                {
                    flat[i * d + j] = factor[i, j];
                }

                if (!(flat[i * d + i] > 0) || !double.IsFinite(flat[i * d + i]))
                {
                    throw NotPositiveDefinite("is not positive definite");
                }
            }

            return flat;
        }
        catch (ArgumentException e)
        {
            // MathNet's Cholesky reports a non-positive pivot as an ArgumentException.
            throw new MarketMakingException(MarketMakingErrorKind.CorrelationMatrixNotPositiveDefinite, "is not positive definite", "covariance", e);
        }
    }

    private static MarketMakingException NotPositiveDefinite(string why) =>
        new(MarketMakingErrorKind.CorrelationMatrixNotPositiveDefinite, why, "covariance");
}
