using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Lean.MarketMaking.Models.Errors;
using MathNet.Numerics.LinearAlgebra;

namespace Lean.MarketMaking.Models.Estimation.Hawkes;

/// <summary>
/// Parameters of a D-dimensional linear Hawkes process with the exponential kernel
/// φᵢⱼ(t) = αᵢⱼ·β·e^(−βt) (Hawkes 1971, "Spectra of some self-exciting and mutually exciting point processes",
/// Biometrika 58(1); in the normalised form of Bacry, Mastromatteo &amp; Muzy 2015, "Hawkes processes in finance",
/// Market Microstructure and Liquidity 1(1)): the intensity of node i is
/// λᵢ(t) = μᵢ + Σⱼ Σ_{t_k^j &lt; t} αᵢⱼ·β·e^(−β(t − t_k^j)).
/// Row i of α is the receiving node, column j the exciting one; αᵢⱼ = ∫φᵢⱼ is the branching ratio (mean number of
/// type-i children of one type-j event). Immutable and validated.
/// </summary>
public sealed class HawkesParameters
{
    private readonly double[] _alpha;

    /// <summary>Validates and copies the parameters.</summary>
    /// <param name="mu">Baseline intensities μᵢ, events per time unit, each &gt; 0 (length D ≥ 1).</param>
    /// <param name="alpha">Branching ratios αᵢⱼ (D×D, each ≥ 0); row i receives, column j excites.</param>
    /// <param name="beta">Kernel decay rate β, per time unit, &gt; 0 (shared by every pair).</param>
    /// <exception cref="MarketMakingException"><see cref="MarketMakingErrorKind.InvalidParameters"/> naming the offending value.</exception>
    public HawkesParameters(IReadOnlyList<double> mu, double[,] alpha, double beta)
    {
        ArgumentNullException.ThrowIfNull(mu);
        ArgumentNullException.ThrowIfNull(alpha);
        var d = mu.Count;
        if (d == 0)
        {
            throw Guard.Invalid(nameof(mu), "must hold one baseline intensity per dimension");
        }

        for (var i = 0; i < d; i++)
        {
            Guard.Positive(mu[i], $"{nameof(mu)}[{i}]");
        }

        if (alpha.GetLength(0) != d || alpha.GetLength(1) != d)
        {
            throw Guard.Invalid(nameof(alpha), $"must be {d}x{d}, got {alpha.GetLength(0)}x{alpha.GetLength(1)}");
        }

        _alpha = new double[d * d];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++)
            {
                _alpha[(i * d) + j] = Guard.NonNegative(alpha[i, j], $"{nameof(alpha)}[{i},{j}]");
            }
        }

        Mu = mu.ToImmutableArray();
        Beta = Guard.Positive(beta, nameof(beta));
        SpectralRadius = Matrix<double>.Build.DenseOfArray(alpha).Evd().EigenValues.Max(e => e.Magnitude);
    }

    /// <summary>A one-dimensional process: λ(t) = μ + Σ α·β·e^(−β(t − t_k)).</summary>
    /// <param name="mu">Baseline intensity, events per time unit, &gt; 0.</param>
    /// <param name="alpha">Branching ratio, ≥ 0.</param>
    /// <param name="beta">Decay rate per time unit, &gt; 0.</param>
    public static HawkesParameters Univariate(double mu, double alpha, double beta) =>
        new(new[] { mu }, new[,] { { alpha } }, beta);

    /// <summary>Number of nodes (event types) D.</summary>
    public int Dimension => Mu.Length;

    /// <summary>Baseline intensities μᵢ, events per time unit.</summary>
    public ImmutableArray<double> Mu { get; }

    /// <summary>Kernel decay rate β, per time unit; the kernel's mean lag is 1/β time units.</summary>
    public double Beta { get; }

    /// <summary>Spectral radius of α (largest eigenvalue modulus, MathNet EVD): the process is stationary iff it is &lt; 1.</summary>
    public double SpectralRadius { get; }

    /// <summary>True when <see cref="SpectralRadius"/> &lt; 1, i.e. the process has a stationary version with finite mean intensity.</summary>
    public bool IsStationary => SpectralRadius < 1.0;

    /// <summary>Number of free parameters, D + D² + 1, in the flat layout of <see cref="AlphaIndex"/> and <see cref="BetaIndex"/>.</summary>
    public int ParameterCount => Dimension + (Dimension * Dimension) + 1;

    /// <summary>Position of β in flat parameter vectors (gradients, standard errors): after μ (indices 0…D−1) and α (row-major).</summary>
    public int BetaIndex => Dimension + (Dimension * Dimension);

    /// <summary>Row-major α, for the likelihood kernel.</summary>
    internal ReadOnlySpan<double> AlphaSpan => _alpha;

    /// <summary>Branching ratio from node <paramref name="source"/> to node <paramref name="receiving"/>.</summary>
    /// <param name="receiving">Row i: the node whose intensity is raised.</param>
    /// <param name="source">Column j: the node whose events excite.</param>
    /// <exception cref="MarketMakingException">InvalidParameters naming the index that is not in [0, D).</exception>
    public double Alpha(int receiving, int source) =>
        _alpha[(Node(receiving, nameof(receiving)) * Dimension) + Node(source, nameof(source))];

    private int Node(int index, string name) =>
        (uint)index < (uint)Dimension ? index : throw Guard.Invalid(name, $"must be in [0, {Dimension - 1}], got {index}");

    /// <summary>A copy of α as a D×D array (row = receiving node).</summary>
    public double[,] AlphaToArray()
    {
        var d = Dimension;
        var a = new double[d, d];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++)
            {
                a[i, j] = _alpha[(i * d) + j];
            }
        }

        return a;
    }

    /// <summary>Position of αᵢⱼ in flat parameter vectors: D + i·D + j.</summary>
    /// <param name="receiving">Row i.</param>
    /// <param name="source">Column j.</param>
    public int AlphaIndex(int receiving, int source) => Dimension + (receiving * Dimension) + source;

    /// <summary>
    /// Mean intensity of the stationary process, Λ = (I − α)⁻¹·μ events per time unit
    /// (Hawkes 1971; Bacry, Mastromatteo &amp; Muzy 2015: E[λ] = μ + α·E[λ] in the stationary regime).
    /// </summary>
    /// <exception cref="MarketMakingException"><see cref="MarketMakingErrorKind.InvalidParameters"/> when the process is not stationary.</exception>
    public ImmutableArray<double> StationaryIntensity()
    {
        if (!IsStationary)
        {
            throw Guard.Invalid("alpha", $"the process is not stationary (spectral radius {SpectralRadius} >= 1)");
        }

        var build = Matrix<double>.Build;
        var lambda = (build.DenseIdentity(Dimension) - build.DenseOfArray(AlphaToArray())).Solve(Vector<double>.Build.DenseOfEnumerable(Mu));
        return lambda.ToArray().ToImmutableArray();
    }
}
