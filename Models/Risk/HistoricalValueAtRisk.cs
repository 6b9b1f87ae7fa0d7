using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Risk;

/// <summary>
/// Historical-simulation value at risk (Jorion 2007, "Value at Risk", 3rd ed., ch. 10), optionally age-weighted
/// (Boudoukh, Richardson &amp; Whitelaw 1998, <see cref="ScenarioWeights"/>): the scenarios are the history's own returns,
/// applied to today's exposures. Horizon h &gt; 1: the scenarios are the T − h + 1 overlapping h-period windows, each the
/// sum of its h period returns (the P&amp;L of exposures held constant in currency over the window, no square-root-of-time
/// scaling); a window's age weight is that of its last period. Quantile, ES and Euler components: <see cref="ScenarioValueAtRisk"/>.
/// </summary>
public sealed class HistoricalValueAtRisk
{
    private readonly ScenarioValueAtRisk _scenarios = new();
    private double[] _windows = Array.Empty<double>();
    private double[] _weights = Array.Empty<double>();

    /// <summary>Creates the calculator.</summary>
    /// <param name="decay">λ ∈ (0, 1]: the weight of a scenario relative to the next newer one (1 = equal weights).</param>
    /// <exception cref="MarketMakingException">InvalidParameters for λ outside (0, 1].</exception>
    public HistoricalValueAtRisk(double decay = 1)
    {
        Decay = ScenarioWeights.CheckDecay(decay, nameof(decay));
    }

    /// <summary>Age-weight decay λ (1 = equal weights).</summary>
    public double Decay { get; }

    /// <summary>Computes VaR, ES and the per-asset marginal and component VaR of <paramref name="exposures"/>.</summary>
    /// <param name="exposures">e, n position values in currency (signed).</param>
    /// <param name="history">T periods of the n assets' simple returns.</param>
    /// <param name="parameters">Confidence and horizon.</param>
    /// <param name="marginal">Destination (n) for ∂VaR/∂eᵢ.</param>
    /// <param name="components">Destination (n) for eᵢ·∂VaR/∂eᵢ; they sum to VaR.</param>
    /// <exception cref="MarketMakingException">
    /// InvalidParameters for mismatched lengths, non-finite exposures, or fewer windows than
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
        var scenarios = HorizonScenarios.Windows(history.Values, history.Assets, parameters.HorizonPeriods, ref _windows);
        var weights = ReadOnlySpan<double>.Empty;
        if (Decay < 1)
        {
            var count = scenarios.Length / history.Assets;
            if (_weights.Length < count)
            {
                _weights = new double[count];
            }

            ScenarioWeights.Fill(_weights.AsSpan(0, count), Decay);
            weights = _weights.AsSpan(0, count);
        }

        return _scenarios.ComputeChecked(exposures, scenarios, weights, parameters.Confidence, marginal, components, expectedShortfallComponents);
    }
}
