using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Volatility;

namespace Lean.MarketMaking.Models.Risk;

/// <summary>
/// Filtered historical simulation (Hull &amp; White 1998, "Incorporating volatility updating into the historical
/// simulation method for value-at-risk", J. Risk 1(1), eq. (1); Barone-Adesi, Giannopoulos &amp; Vosper 1999, "VaR
/// without correlations for portfolios of derivative securities", J. Futures Markets 19(5)): each past return is
/// standardised by the volatility forecast at its date and rescaled by today's, r*ₜᵢ = rₜᵢ·σ̂ᵢ(now)/σ̂ᵢ(t), so the
/// scenarios keep the history's shapes and cross-sectional dependence at the current volatility level. σ̂ᵢ(t) is the EWMA
/// (<see cref="EwmaCovarianceEstimator"/>, half-life in periods, per-period variance of the log returns ln(1 + r)) of the
/// returns before period t; σ̂ᵢ(now) includes the last one. The first period only seeds the estimator, so T − 1 filtered
/// returns remain; a return whose σ̂ is still 0 (only zero returns before it) is kept unscaled. The filtered returns then go
/// through historical simulation with equal weights and overlapping h-period windows (<see cref="HistoricalValueAtRisk"/>).
/// </summary>
public sealed class FilteredHistoricalValueAtRisk
{
    private readonly ScenarioValueAtRisk _scenarios = new();
    private EwmaCovarianceEstimator? _volatility;
    private double[] _prices = Array.Empty<double>();
    private double[] _filtered = Array.Empty<double>();
    private double[] _windows = Array.Empty<double>();

    /// <summary>Creates the calculator.</summary>
    /// <param name="volatilityHalfLifePeriods">Half-life of the EWMA volatility in periods, &gt; 0 (RiskMetrics' daily λ = 0.94 is ≈ 11.2).</param>
    /// <exception cref="MarketMakingException">InvalidParameters for a non-positive half-life.</exception>
    public FilteredHistoricalValueAtRisk(double volatilityHalfLifePeriods)
    {
        VolatilityHalfLifePeriods = Guard.Positive(volatilityHalfLifePeriods, nameof(volatilityHalfLifePeriods));
    }

    /// <summary>Half-life of the EWMA volatility, periods.</summary>
    public double VolatilityHalfLifePeriods { get; }

    /// <summary>Computes VaR, ES and the per-asset marginal and component VaR of <paramref name="exposures"/>.</summary>
    /// <inheritdoc cref="HistoricalValueAtRisk.Compute" path="/param"/>
    /// <exception cref="MarketMakingException">
    /// InvalidParameters for mismatched lengths, non-finite exposures, or fewer filtered windows than
    /// <see cref="ScenarioValueAtRisk.MinimumScenarios"/>.
    /// </exception>
    public ValueAtRiskEstimate Compute(
        ReadOnlySpan<double> exposures,
        ReturnHistory history,
        ValueAtRiskParameters parameters,
        Span<double> marginal,
        Span<double> components)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(parameters);
        history.CheckExposures(exposures, nameof(exposures));
        var filtered = Filter(history);
        var scenarios = HorizonScenarios.Windows(filtered, history.Assets, parameters.HorizonPeriods, ref _windows);
        return _scenarios.Compute(exposures, scenarios, ReadOnlySpan<double>.Empty, parameters.Confidence, marginal, components);
    }

    /// <summary>The T − 1 filtered returns r*ₜᵢ (periods 1 … T − 1), row-major.</summary>
    private ReadOnlySpan<double> Filter(ReturnHistory history)
    {
        var n = history.Assets;
        var periods = history.Periods;
        if (periods < 2)
        {
            throw Guard.Invalid("returns", $"filtered historical simulation needs at least 2 periods, got {periods}");
        }

        if (_volatility is null || _volatility.Dimension != n)
        {
            _volatility = new EwmaCovarianceEstimator(n, VolatilityHalfLifePeriods);
            _prices = new double[n];
        }

        if (_filtered.Length < (periods - 1) * n)
        {
            _filtered = new double[(periods - 1) * n];
        }

        // Price index levels from the returns; the estimator sees only their log differences, one period = one time unit.
        _volatility.Reset();
        Array.Fill(_prices, 1.0);
        _volatility.Update(0, _prices);
        for (var t = 0; t < periods; t++)
        {
            var row = history.Row(t);
            if (t > 0)
            {
                var target = _filtered.AsSpan((t - 1) * n, n);
                for (var i = 0; i < n; i++)
                {
                    target[i] = row[i] / Math.Sqrt(_volatility.Covariance(i, i)); // σ̂ᵢ(t), zero-guarded below
                }
            }

            for (var i = 0; i < n; i++)
            {
                _prices[i] *= 1 + row[i];
            }

            _volatility.Update(t + 1, _prices);
        }

        var filtered = _filtered.AsSpan(0, (periods - 1) * n);
        for (var i = 0; i < n; i++)
        {
            var now = Math.Sqrt(_volatility.Covariance(i, i));
            for (var t = 1; t < periods; t++)
            {
                ref var value = ref filtered[((t - 1) * n) + i];
                value = double.IsFinite(value) ? value * now : history.Row(t)[i];
            }
        }

        return filtered;
    }
}
