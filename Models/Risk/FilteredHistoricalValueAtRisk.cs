using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Risk;

/// <summary>
/// Filtered historical simulation (Hull &amp; White 1998, "Incorporating volatility updating into the historical
/// simulation method for value-at-risk", J. Risk 1(1); Barone-Adesi, Giannopoulos &amp; Vosper 1999, "VaR
/// without correlations for portfolios of derivative securities", J. Futures Markets 19(5)): each past return is
/// standardised by the volatility forecast at its date and rescaled by today's, r*ₜᵢ = rₜᵢ·σ̂ᵢ(now)/σ̂ᵢ(t), so the
/// scenarios keep the history's shapes and cross-sectional dependence at the current volatility level. σ̂ᵢ(t) is the
/// RiskMetrics EWMA of the returns before period t (J.P. Morgan/Reuters 1996, Technical Document §5.2.1),
/// σ̂²(t + 1) = λσ̂²(t) + (1 − λ)rₜ², λ = 2^(−1/half-life), seeded with the whole history's mean square r² (the seed's
/// weight has halved after one half-life); σ̂ᵢ(now) = σ̂ᵢ(T) includes the last return. A seed is what
/// <see cref="Estimation.Volatility.EwmaCovarianceEstimator"/> does not have (its weights are normalised from the first
/// return, so the first returns would be standardised by one or two squared returns), hence the recursion here. An asset
/// whose returns are all zero keeps zero scenarios. The filtered returns then go through historical simulation with
/// equal weights and overlapping h-period windows (<see cref="HistoricalValueAtRisk"/>).
/// </summary>
public sealed class FilteredHistoricalValueAtRisk
{
    private readonly ScenarioValueAtRisk _scenarios = new();
    private double[] _variances = Array.Empty<double>();
    private double[] _filtered = Array.Empty<double>();
    private double[] _windows = Array.Empty<double>();

    /// <summary>Creates the calculator.</summary>
    /// <param name="volatilityHalfLifePeriods">Half-life of the EWMA variance in periods, &gt; 0 (RiskMetrics' daily λ = 0.94 is ≈ 11.2).</param>
    /// <exception cref="MarketMakingException">InvalidParameters for a non-positive half-life.</exception>
    public FilteredHistoricalValueAtRisk(double volatilityHalfLifePeriods)
    {
        VolatilityHalfLifePeriods = Guard.Positive(volatilityHalfLifePeriods, nameof(volatilityHalfLifePeriods));
        Decay = Math.Pow(2, -1 / volatilityHalfLifePeriods);
    }

    /// <summary>λ = 2^(−1/half-life): the EWMA's weight of a period's variance estimate carried into the next.</summary>
    public double Decay { get; }

    /// <summary>Half-life of the EWMA volatility, periods.</summary>
    public double VolatilityHalfLifePeriods { get; }

    /// <summary>Computes VaR, ES and the per-asset marginal and component VaR of <paramref name="exposures"/>.</summary>
    /// <inheritdoc cref="HistoricalValueAtRisk.Compute(ReadOnlySpan{double}, ReturnHistory, ValueAtRiskParameters, Span{double}, Span{double})" path="/param"/>
    /// <exception cref="MarketMakingException">
    /// InvalidParameters for mismatched lengths, non-finite exposures, or fewer filtered windows than
    /// <see cref="ScenarioValueAtRisk.MinimumScenarios"/>.
    /// </exception>
    public ValueAtRiskEstimate Compute(
        ReadOnlySpan<double> exposures,
        ReturnHistory history,
        ValueAtRiskParameters parameters,
        Span<double> marginal,
        Span<double> components) =>
        Compute(exposures, history, parameters, marginal, components, Span<double>.Empty);

    /// <summary>
    /// <see cref="Compute(ReadOnlySpan{double}, ReturnHistory, ValueAtRiskParameters, Span{double}, Span{double})"/>, and the Euler components of ES, which sum to ES
    /// (<see cref="ScenarioValueAtRisk.Compute(ReadOnlySpan{double}, ReadOnlySpan{double}, ReadOnlySpan{double}, double, Span{double}, Span{double}, Span{double})"/>).
    /// </summary>
    /// <param name="exposures">e, n position values in currency (signed).</param>
    /// <param name="history">T periods of the n assets' simple returns.</param>
    /// <param name="parameters">Confidence and horizon.</param>
    /// <param name="marginal">Destination (n) for ∂VaR/∂eᵢ.</param>
    /// <param name="components">Destination (n) for eᵢ·∂VaR/∂eᵢ; they sum to VaR.</param>
    /// <param name="expectedShortfallComponents">Destination (n) for the ES components, currency; empty: not computed.</param>
    public ValueAtRiskEstimate Compute(
        ReadOnlySpan<double> exposures,
        ReturnHistory history,
        ValueAtRiskParameters parameters,
        Span<double> marginal,
        Span<double> components,
        Span<double> expectedShortfallComponents)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(parameters);
        history.CheckExposures(exposures, nameof(exposures));
        var filtered = Filter(history);
        var scenarios = HorizonScenarios.Windows(filtered, history.Assets, parameters.HorizonPeriods, ref _windows);
        return _scenarios.ComputeChecked(exposures, scenarios, ReadOnlySpan<double>.Empty, parameters.Confidence, marginal, components, expectedShortfallComponents);
    }

    /// <summary>The T filtered returns r*ₜᵢ, row-major.</summary>
    private ReadOnlySpan<double> Filter(ReturnHistory history)
    {
        var n = history.Assets;
        var periods = history.Periods;
        if (_variances.Length != n)
        {
            _variances = new double[n];
        }

        if (_filtered.Length < periods * n)
        {
            _filtered = new double[periods * n];
        }

        // Seed: the equally weighted mean square of each asset's returns.
        _variances.AsSpan().Clear();
        for (var t = 0; t < periods; t++)
        {
            var row = history.Row(t);
            for (var i = 0; i < n; i++)
            {
                _variances[i] += row[i] * row[i] / periods;
            }
        }

        var filtered = _filtered.AsSpan(0, periods * n);
        var decay = Decay;
        for (var t = 0; t < periods; t++)
        {
            var row = history.Row(t);
            for (var i = 0; i < n; i++)
            {
                // σ̂ᵢ(t) is the variance before period t's return; 0 only if every return is 0.
                filtered[(t * n) + i] = _variances[i] > 0 ? row[i] / Math.Sqrt(_variances[i]) : 0;
                _variances[i] = (decay * _variances[i]) + ((1 - decay) * row[i] * row[i]);
            }
        }

        for (var i = 0; i < n; i++)
        {
            var now = Math.Sqrt(_variances[i]);
            for (var t = 0; t < periods; t++)
            {
                filtered[(t * n) + i] *= now;
            }
        }

        return filtered;
    }
}
