using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.LinearAlgebra;
using Lean.MarketMaking.Models.Quoting.Glft;

namespace Lean.MarketMaking.Models.Quoting.MultiAsset;

/// <summary>
/// Immutable, validated parameters of the multi-asset market-making model of Guéant (2017), "Optimal market
/// making", Applied Mathematical Finance 24(2) (its multi-asset extension), in the closed-form approximation of Bergault, Evangelista,
/// Guéant &amp; Vieira (2021), "Closed-form approximations in multi-asset market making", Applied Mathematical
/// Finance 28(2) (arXiv:1810.04383), with symmetric exponential intensities Λ^{i,b}(δ) = Λ^{i,a}(δ) = Aⁱ·e^(−kⁱδ).
/// </summary>
/// <remarks>
/// Units: one time unit is shared by the covariance (price² per time unit), the intensities (trades per time unit),
/// the horizon and the model time; kⁱ is per price unit; zⁱ is in units of asset i; γ is per unit of wealth.
/// </remarks>
public sealed class MultiAssetGlftParameters
{
    private readonly double[,] _covariance;
    private readonly double[] _intensityScale;
    private readonly double[] _intensityDecay;
    private readonly double[] _orderSize;

    /// <summary>Validates and copies the parameters.</summary>
    /// <param name="covariance">Covariance Σ of the mid-price increments, n×n, price² per time unit; symmetric positive definite.</param>
    /// <param name="intensityScale">Aⁱ &gt; 0: fill rate of a quote at the mid, trades per time unit, length n.</param>
    /// <param name="intensityDecay">kⁱ &gt; 0: decay of the fill rate with the depth, per price unit, length n.</param>
    /// <param name="orderSize">zⁱ &gt; 0: size of every trade in asset i, in units of the asset, length n.</param>
    /// <param name="riskAversion">γ &gt; 0: CARA risk aversion (Model A) or running-penalty weight (Model B), per unit of wealth.</param>
    /// <param name="horizon">T &gt; 0, in time units (ignored by the ergodic regime).</param>
    /// <param name="objective">Model A (CARA, ξ = γ) or Model B (risk-neutral with penalty, ξ = 0).</param>
    /// <exception cref="ArgumentNullException">An array is null.</exception>
    /// <exception cref="MarketMakingException">
    /// <see cref="MarketMakingErrorKind.InvalidParameters"/> for a dimension mismatch or a non-finite or non-positive value
    /// (naming the parameter, with the index); <see cref="MarketMakingErrorKind.CorrelationMatrixNotPositiveDefinite"/>
    /// when Σ is not symmetric positive definite.
    /// </exception>
    public MultiAssetGlftParameters(
        double[,] covariance,
        double[] intensityScale,
        double[] intensityDecay,
        double[] orderSize,
        double riskAversion,
        double horizon,
        GlftObjective objective = GlftObjective.Cara)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        ArgumentNullException.ThrowIfNull(intensityScale);
        ArgumentNullException.ThrowIfNull(intensityDecay);
        ArgumentNullException.ThrowIfNull(orderSize);
        var n = covariance.GetLength(0);
        if (n == 0 || covariance.GetLength(1) != n)
        {
            throw Guard.Invalid(nameof(covariance), $"must be a non-empty square matrix, got {covariance.GetLength(0)}x{covariance.GetLength(1)}");
        }

        _intensityScale = PositiveVector(intensityScale, n, nameof(intensityScale));
        _intensityDecay = PositiveVector(intensityDecay, n, nameof(intensityDecay));
        _orderSize = PositiveVector(orderSize, n, nameof(orderSize));
        RiskAversion = Guard.Positive(riskAversion, nameof(riskAversion));
        Horizon = Guard.Positive(horizon, nameof(horizon));
        Objective = Guard.Defined(objective, nameof(objective));
        _covariance = (double[,])covariance.Clone();
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                Guard.Finite(_covariance[i, j], $"{nameof(covariance)}[{i},{j}]");
            }
        }

        RequirePositiveDefinite(_covariance);
    }

    /// <summary>
    /// Convenience constructor for n assets that share Aⁱ = <paramref name="intensityScale"/>,
    /// kⁱ = <paramref name="intensityDecay"/> and zⁱ = <paramref name="orderSize"/>.
    /// </summary>
    /// <inheritdoc cref="MultiAssetGlftParameters(double[,], double[], double[], double[], double, double, GlftObjective)"/>
    public static MultiAssetGlftParameters WithCommonLiquidity(
        double[,] covariance,
        double intensityScale,
        double intensityDecay,
        double orderSize,
        double riskAversion,
        double horizon,
        GlftObjective objective = GlftObjective.Cara)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        var n = covariance.GetLength(0);
        return new MultiAssetGlftParameters(
            covariance, Filled(n, intensityScale), Filled(n, intensityDecay), Filled(n, orderSize), riskAversion, horizon, objective);
    }

    /// <summary>Number of assets n.</summary>
    public int AssetCount => _orderSize.Length;

    /// <summary>Aⁱ, trades per time unit.</summary>
    public ReadOnlySpan<double> IntensityScale => _intensityScale;

    /// <summary>kⁱ, per price unit.</summary>
    public ReadOnlySpan<double> IntensityDecay => _intensityDecay;

    /// <summary>zⁱ, units of asset i per trade.</summary>
    public ReadOnlySpan<double> OrderSize => _orderSize;

    /// <summary>Risk aversion γ, per unit of wealth.</summary>
    public double RiskAversion { get; }

    /// <summary>Horizon T in time units.</summary>
    public double Horizon { get; }

    /// <summary>Model A (CARA) or Model B (risk-neutral with running penalty).</summary>
    public GlftObjective Objective { get; }

    /// <summary>ξ of the Hamiltonian: γ for <see cref="GlftObjective.Cara"/>, 0 for <see cref="GlftObjective.RiskNeutral"/>.</summary>
    public double Xi => Objective.UtilityExponent(RiskAversion);

    /// <summary>Σᵢⱼ, price² per time unit.</summary>
    public double Covariance(int row, int column) => _covariance[row, column];

    private static double[] PositiveVector(double[] values, int n, string name)
    {
        if (values.Length != n)
        {
            throw Guard.Invalid(name, $"must have one entry per asset ({n}), got {values.Length}");
        }

        for (var i = 0; i < n; i++)
        {
            Guard.Positive(values[i], $"{name}[{i}]");
        }

        return (double[])values.Clone();
    }

    private static double[] Filled(int n, double value)
    {
        var a = new double[n];
        Array.Fill(a, value);
        return a;
    }

    /// <summary>
    /// Σ is symmetric positive definite iff its variances are positive and its correlation matrix is;
    /// <see cref="CorrelationMatrix"/> checks the latter (symmetry, range and a MathNet Cholesky factorisation).
    /// </summary>
    private static void RequirePositiveDefinite(double[,] covariance)
    {
        var n = covariance.GetLength(0);
        var correlation = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            if (!(covariance[i, i] > 0))
            {
                throw new MarketMakingException(
                    MarketMakingErrorKind.CorrelationMatrixNotPositiveDefinite,
                    $"variance [{i},{i}] must be > 0, got {covariance[i, i]}",
                    nameof(covariance));
            }
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                correlation[i, j] = i == j ? 1.0 : covariance[i, j] / Math.Sqrt(covariance[i, i] * covariance[j, j]);
            }
        }

        try
        {
            _ = new CorrelationMatrix(correlation);
        }
        catch (MarketMakingException e) when (e.Kind == MarketMakingErrorKind.CorrelationMatrixNotPositiveDefinite)
        {
            throw new MarketMakingException(
                MarketMakingErrorKind.CorrelationMatrixNotPositiveDefinite,
                $"is not symmetric positive definite ({e.Message})",
                nameof(covariance),
                e);
        }
    }
}
