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
    private readonly double[,]? _riskAversionMatrix;

    /// <summary>Validates and copies the parameters.</summary>
    /// <param name="covariance">Covariance Σ of the mid-price increments, n×n, price² per time unit; symmetric positive definite.</param>
    /// <param name="intensityScale">Aⁱ &gt; 0: fill rate of a quote at the mid, trades per time unit, length n.</param>
    /// <param name="intensityDecay">kⁱ &gt; 0: decay of the fill rate with the depth, per price unit, length n.</param>
    /// <param name="orderSize">zⁱ &gt; 0: size of every trade in asset i, in units of the asset, length n.</param>
    /// <param name="riskAversion">γ &gt; 0: CARA risk aversion (Model A) or running-penalty weight (Model B), per unit of wealth.</param>
    /// <param name="horizon">T &gt; 0, in time units (ignored by the ergodic regime).</param>
    /// <param name="objective">Model A (CARA, ξ = γ) or Model B (risk-neutral with penalty, ξ = 0).</param>
    /// <param name="crossAssetRiskAversion">
    /// R: the inventory penalty matrix that replaces γΣ in the value function's Riccati equation (the design's
    /// <c>cross_asset_risk_aversion</c>), n×n, symmetric positive semi-definite, price⁻¹·(price² per time unit) like γΣ;
    /// null (default) for R = γΣ. See <see cref="MultiAssetGlftModel"/> for where it enters.
    /// </param>
    /// <param name="covariancePolicy">
    /// What to do with a Σ that is not positive definite: reject it (default) or repair its correlation to the nearest
    /// positive definite one (<see cref="CorrelationRepair"/>, Higham 2002), keeping the variances; the distance moved is
    /// <see cref="CovarianceRepairDistance"/>.
    /// </param>
    /// <exception cref="ArgumentNullException">An array is null.</exception>
    /// <exception cref="MarketMakingException">
    /// <see cref="MarketMakingErrorKind.InvalidParameters"/> for a dimension mismatch or a non-finite or non-positive value
    /// (naming the parameter, with the index), or an R that is not symmetric positive semi-definite;
    /// <see cref="MarketMakingErrorKind.CorrelationMatrixNotPositiveDefinite"/> when Σ is not symmetric positive definite
    /// and the policy is <see cref="NonPositiveDefinitePolicy.Reject"/>, or has a variance ≤ 0.
    /// </exception>
    public MultiAssetGlftParameters(
        double[,] covariance,
        double[] intensityScale,
        double[] intensityDecay,
        double[] orderSize,
        double riskAversion,
        double horizon,
        GlftObjective objective = GlftObjective.Cara,
        double[,]? crossAssetRiskAversion = null,
        NonPositiveDefinitePolicy covariancePolicy = NonPositiveDefinitePolicy.Reject)
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
        var repaired = CorrelationRepair.Covariance(covariance, Guard.Defined(covariancePolicy, nameof(covariancePolicy)));
        _covariance = repaired.ToArray();
        CovarianceRepairDistance = repaired.FrobeniusDistance;
        if (crossAssetRiskAversion is not null)
        {
            _riskAversionMatrix = PositiveSemiDefinite.Require(crossAssetRiskAversion, n, nameof(crossAssetRiskAversion));
        }
    }

    /// <summary>
    /// Convenience constructor for n assets that share Aⁱ = <paramref name="intensityScale"/>,
    /// kⁱ = <paramref name="intensityDecay"/> and zⁱ = <paramref name="orderSize"/>.
    /// </summary>
    /// <inheritdoc cref="MultiAssetGlftParameters(double[,], double[], double[], double[], double, double, GlftObjective, double[,], NonPositiveDefinitePolicy)"/>
    public static MultiAssetGlftParameters WithCommonLiquidity(
        double[,] covariance,
        double intensityScale,
        double intensityDecay,
        double orderSize,
        double riskAversion,
        double horizon,
        GlftObjective objective = GlftObjective.Cara,
        double[,]? crossAssetRiskAversion = null,
        NonPositiveDefinitePolicy covariancePolicy = NonPositiveDefinitePolicy.Reject)
    {
        ArgumentNullException.ThrowIfNull(covariance);
        var n = covariance.GetLength(0);
        return new MultiAssetGlftParameters(
            covariance, Filled(n, intensityScale), Filled(n, intensityDecay), Filled(n, orderSize), riskAversion, horizon, objective,
            crossAssetRiskAversion, covariancePolicy);
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
    /// <param name="row">Asset index i, in [0, n).</param>
    /// <param name="column">Asset index j, in [0, n).</param>
    /// <exception cref="MarketMakingException">InvalidParameters naming the index that is out of range.</exception>
    public double Covariance(int row, int column) => _covariance[Asset(row, nameof(row)), Asset(column, nameof(column))];

    /// <summary>
    /// Rᵢⱼ: the inventory penalty matrix of the Riccati equation A′ = 2A·D₊·A − ½R, price⁻¹·(price² per time unit):
    /// the given cross-asset risk aversion, or γΣᵢⱼ by default.
    /// </summary>
    /// <inheritdoc cref="Covariance" path="/param"/>
    /// <inheritdoc cref="Covariance" path="/exception"/>
    public double RiskAversionMatrix(int row, int column)
    {
        var i = Asset(row, nameof(row));
        var j = Asset(column, nameof(column));
        return _riskAversionMatrix is null ? RiskAversion * _covariance[i, j] : _riskAversionMatrix[i, j];
    }

    /// <summary>Whether a cross-asset risk-aversion matrix was given (otherwise R = γΣ).</summary>
    public bool HasCrossAssetRiskAversion => _riskAversionMatrix is not null;

    /// <summary>‖Σ_given − Σ‖_F (price² per time unit) moved by the repair policy; 0 when Σ was positive definite.</summary>
    public double CovarianceRepairDistance { get; }

    private int Asset(int index, string name) =>
        (uint)index < (uint)AssetCount ? index : throw Guard.Invalid(name, $"must be an asset index in [0, {AssetCount - 1}], got {index}");

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
}
