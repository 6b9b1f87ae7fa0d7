using System;
using Lean.MarketMaking.Models.Errors;
using MathNet.Numerics.Distributions;

namespace Lean.MarketMaking.Models.Risk;

/// <summary>
/// Parametric (variance–covariance, "delta-normal") value at risk of exposures e (currency) with normal period returns of
/// mean zero and covariance Σ per period (Jorion 2007, "Value at Risk", 3rd ed., ch. 10; J.P. Morgan/Reuters 1996,
/// RiskMetrics Technical Document): the h-period loss is N(0, h·σ²) with σ² = eᵀΣe (square-root-of-time scaling: returns independent across
/// periods), so VaR_α = z_α·σ·√h and ES_α = σ·√h·φ(z_α)/(1 − α). Euler allocation (Tasche 1999, "Risk contributions and
/// performance measurement"; Jorion ch. 7): marginal VaRᵢ = ∂VaR/∂eᵢ = z_α·√h·(Σe)ᵢ/σ and component VaRᵢ = eᵢ·marginalᵢ,
/// which sum to VaR because VaR is homogeneous of degree one in e. O(n²), allocation-free.
/// </summary>
public static class NormalValueAtRisk
{
    /// <summary>φ(z_α)/(1 − α): ES of a standard normal loss at confidence α.</summary>
    public static double ExpectedShortfallFactor(ValueAtRiskParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return Normal.PDF(0, 1, parameters.NormalQuantile) / parameters.TailProbability;
    }

    /// <summary>VaR = z_α·√(h·σ²) of a zero-mean normal P&amp;L of variance σ² per period (≥ 0), currency.</summary>
    public static double FromVariance(double variancePerPeriod, ValueAtRiskParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters.NormalQuantile * Math.Sqrt(Math.Max(variancePerPeriod, 0.0) * parameters.HorizonPeriods);
    }

    /// <summary>
    /// The largest P&amp;L variance per period whose VaR is within <paramref name="limit"/> (currency, &gt; 0):
    /// (L/(z_α·√h))², for α &gt; 0.5 (z_α &gt; 0).
    /// </summary>
    public static double VarianceLimit(double limit, ValueAtRiskParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var sigma = limit / (parameters.NormalQuantile * Math.Sqrt(parameters.HorizonPeriods));
        return sigma * sigma;
    }

    /// <summary>Computes VaR, ES and the per-asset marginal and component VaR.</summary>
    /// <param name="exposures">e, n position values qᵢ·pᵢ in currency (signed).</param>
    /// <param name="covariance">Σ, n × n row-major covariance of the period simple returns (symmetric PSD).</param>
    /// <param name="parameters">Confidence and horizon.</param>
    /// <param name="marginal">Destination (n) for ∂VaR/∂eᵢ, currency of VaR per currency of exposure.</param>
    /// <param name="components">Destination (n) for eᵢ·∂VaR/∂eᵢ, currency; they sum to VaR.</param>
    /// <exception cref="MarketMakingException">
    /// InvalidParameters for mismatched lengths or non-finite input; CorrelationMatrixNotPositiveDefinite when eᵀΣe &lt; 0.
    /// </exception>
    public static ValueAtRiskEstimate Compute(
        ReadOnlySpan<double> exposures,
        ReadOnlySpan<double> covariance,
        ValueAtRiskParameters parameters,
        Span<double> marginal,
        Span<double> components) =>
        Compute(exposures, covariance, parameters, marginal, components, Span<double>.Empty);

    /// <summary>
    /// <see cref="Compute(ReadOnlySpan{double}, ReadOnlySpan{double}, ValueAtRiskParameters, Span{double}, Span{double})"/>,
    /// and the Euler components of ES (Tasche 2002): ES = σ·φ(z)/(1 − α) is homogeneous in e like VaR, so component
    /// ESᵢ = component VaRᵢ·ES/VaR; they sum to ES.
    /// </summary>
    /// <param name="exposures">e, n position values in currency (signed).</param>
    /// <param name="covariance">Σ, n × n row-major covariance of the period simple returns.</param>
    /// <param name="parameters">Confidence and horizon.</param>
    /// <param name="marginal">Destination (n) for ∂VaR/∂eᵢ.</param>
    /// <param name="components">Destination (n) for eᵢ·∂VaR/∂eᵢ; they sum to VaR.</param>
    /// <param name="expectedShortfallComponents">Destination (n) for the ES components, currency; empty: not computed.</param>
    public static ValueAtRiskEstimate Compute(
        ReadOnlySpan<double> exposures,
        ReadOnlySpan<double> covariance,
        ValueAtRiskParameters parameters,
        Span<double> marginal,
        Span<double> components,
        Span<double> expectedShortfallComponents)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var n = exposures.Length;
        CheckInputs(exposures, covariance, marginal, components);
        var variance = 0.0;
        for (var i = 0; i < n; i++)
        {
            var row = covariance.Slice(i * n, n);
            var product = 0.0;
            for (var j = 0; j < n; j++)
            {
                product += row[j] * exposures[j];
            }

            marginal[i] = product;
            variance += exposures[i] * product;
        }

        if (variance < 0)
        {
            throw new MarketMakingException(
                MarketMakingErrorKind.CorrelationMatrixNotPositiveDefinite, $"e'Σe = {variance} < 0: Σ is not positive semi-definite", nameof(covariance));
        }

        var sigma = Math.Sqrt(variance * parameters.HorizonPeriods);
        var z = parameters.NormalQuantile;
        var scale = sigma > 0 ? z * parameters.HorizonPeriods / sigma : 0;
        for (var i = 0; i < n; i++)
        {
            // ∂(z·√(h·eᵀΣe))/∂eᵢ = z·h·(Σe)ᵢ/√(h·eᵀΣe)
            marginal[i] *= scale;
            components[i] = exposures[i] * marginal[i];
        }

        var expectedShortfall = sigma * ExpectedShortfallFactor(parameters);
        if (!expectedShortfallComponents.IsEmpty)
        {
            if (expectedShortfallComponents.Length != n)
            {
                throw Guard.Invalid(nameof(expectedShortfallComponents), $"must hold {n} entries (or none)");
            }

            var ratio = sigma > 0 ? expectedShortfall / (z * sigma) : 0;
            for (var i = 0; i < n; i++)
            {
                expectedShortfallComponents[i] = components[i] * ratio;
            }
        }

        return new ValueAtRiskEstimate(z * sigma, expectedShortfall);
    }

    private static void CheckInputs(ReadOnlySpan<double> exposures, ReadOnlySpan<double> covariance, Span<double> marginal, Span<double> components)
    {
        var n = exposures.Length;
        if (n == 0)
        {
            throw Guard.Invalid(nameof(exposures), "must hold at least one asset");
        }

        Guard.AllFinite(exposures, nameof(exposures));
        if (covariance.Length != n * n)
        {
            throw Guard.Invalid(nameof(covariance), $"must be {n} x {n} ({n * n} entries), got {covariance.Length}");
        }

        Guard.AllFinite(covariance, nameof(covariance));
        if (marginal.Length != n || components.Length != n)
        {
            throw Guard.Invalid(marginal.Length != n ? nameof(marginal) : nameof(components), $"must hold {n} entries");
        }
    }
}
