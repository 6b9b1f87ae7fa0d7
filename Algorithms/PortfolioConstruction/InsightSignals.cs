using System;
using System.Collections.Generic;
using Lean.MarketMaking.Models.Errors;
using QuantConnect;
using QuantConnect.Algorithm.Framework.Alphas;

namespace Lean.MarketMaking.Algorithms.PortfolioConstruction;

/// <summary>
/// Turns active price insights into the drift and adverse-selection inputs of a quoting model.
/// Each insight with a magnitude m (predicted fractional change of the price over its period P) and direction
/// d ∈ {−1, 0, +1} predicts a price move of d·|m|·mid over P, i.e. a drift μ = d·|m|·mid / (P / time unit) in price
/// per model time unit, a short-term view whose decay time is the insight's period (the |μ|-weighted mean period when
/// several views are active), so that a model integrating the drift over its horizon counts the predicted move once
/// (<see cref="Lean.MarketMaking.Models.Quoting.MarketSnapshot.ExpectedDriftMove"/>). Only the latest active insight of each source model counts for a symbol (alphas re-emit every
/// step and overlapping insights of one source must not add up); the views of different source models add.
/// The adverse-selection premium is κ·Σ|m|·mid (price units): a strong directional view in either direction means
/// informed flow, so both sides widen. Insights without a finite magnitude, non-price insights and expired insights
/// are ignored.
/// <para>Order-flow toxicity: insights of a <see cref="Alpha.FlowToxicityAlphaModel"/> are not drift views; the latest
/// unexpired one per symbol gives the toxicity score (its confidence) and the informed side (its direction), see
/// <see cref="Toxicity"/>.</para>
/// </summary>
public sealed class InsightSignals
{
    private readonly Dictionary<Symbol, Dictionary<string, Insight>> _latest = new();
    private readonly Dictionary<Symbol, Insight> _toxicity = new();

    /// <summary>Creates the aggregator.</summary>
    /// <param name="adverseSelectionWeight">κ ≥ 0: adverse-selection premium per unit of predicted fractional move (0 disables it).</param>
    public InsightSignals(double adverseSelectionWeight = 0)
    {
        AdverseSelectionWeight = Guard.NonNegative(adverseSelectionWeight, nameof(adverseSelectionWeight));
    }

    /// <summary>κ: adverse-selection premium per unit of predicted fractional move.</summary>
    public double AdverseSelectionWeight { get; }

    /// <summary>Records newly emitted insights; a newer insight of the same source model replaces the older one.</summary>
    public void Add(IEnumerable<Insight> insights)
    {
        foreach (var insight in insights)
        {
            if (Alpha.FlowToxicityAlphaModel.IsToxicityInsight(insight))
            {
                if (insight.Confidence is { } score && double.IsFinite(score)
                    && (!_toxicity.TryGetValue(insight.Symbol, out var last) || last.GeneratedTimeUtc <= insight.GeneratedTimeUtc))
                {
                    _toxicity[insight.Symbol] = insight;
                }

                continue;
            }

            if (insight.Type != InsightType.Price || insight.Magnitude is not { } magnitude || !double.IsFinite(magnitude))
            {
                continue;
            }

            if (!_latest.TryGetValue(insight.Symbol, out var bySource))
            {
                bySource = new Dictionary<string, Insight>();
                _latest[insight.Symbol] = bySource;
            }

            var source = insight.SourceModel ?? string.Empty;
            if (!bySource.TryGetValue(source, out var previous) || previous.GeneratedTimeUtc <= insight.GeneratedTimeUtc)
            {
                bySource[source] = insight;
            }
        }
    }

    /// <summary>Forgets a symbol's insights (security removed).</summary>
    public void Remove(Symbol symbol)
    {
        _latest.Remove(symbol);
        _toxicity.Remove(symbol);
    }

    /// <summary>
    /// The order-flow toxicity of <paramref name="symbol"/>: the latest unexpired toxicity insight's confidence (clamped to
    /// [0, 1]) and direction (+1 informed buyers, −1 informed sellers, 0 unknown); (0, 0) when there is none.
    /// </summary>
    /// <param name="symbol">Security.</param>
    /// <param name="utcNow">Algorithm UTC time, to drop an expired insight.</param>
    public (double Score, int InformedSide) Toxicity(Symbol symbol, DateTime utcNow)
    {
        if (!_toxicity.TryGetValue(symbol, out var insight))
        {
            return (0, 0);
        }

        if (insight.IsExpired(utcNow))
        {
            _toxicity.Remove(symbol);
            return (0, 0);
        }

        return (Math.Clamp(insight.Confidence!.Value, 0, 1), (int)insight.Direction);
    }

    /// <summary>
    /// Drift (price per model time unit), its decay time (model time units; +∞ when there is no view) and the
    /// adverse-selection premium (price units) for <paramref name="symbol"/>.
    /// </summary>
    /// <param name="symbol">Security.</param>
    /// <param name="utcNow">Algorithm UTC time, to drop expired insights.</param>
    /// <param name="mid">Current mid price.</param>
    /// <param name="timeUnit">Length of one model time unit.</param>
    public (double Drift, double DriftDecayTime, double AdverseSelection) Evaluate(Symbol symbol, DateTime utcNow, double mid, TimeSpan timeUnit)
    {
        if (!_latest.TryGetValue(symbol, out var bySource))
        {
            return (0, double.PositiveInfinity, 0);
        }

        double drift = 0, absoluteMove = 0, absoluteDrift = 0, weightedPeriods = 0;
        List<string>? expired = null;
        foreach (var (source, insight) in bySource)
        {
            if (insight.IsExpired(utcNow))
            {
                (expired ??= new List<string>()).Add(source);
                continue;
            }

            var move = Math.Abs(insight.Magnitude!.Value);
            var periods = insight.Period.Ticks / (double)timeUnit.Ticks;
            if (periods > 0)
            {
                var viewDrift = (int)insight.Direction * move * mid / periods;
                drift += viewDrift;
                absoluteDrift += Math.Abs(viewDrift);
                weightedPeriods += Math.Abs(viewDrift) * periods;
            }

            if (insight.Direction != InsightDirection.Flat)
            {
                absoluteMove += move;
            }
        }

        if (expired != null)
        {
            foreach (var source in expired)
            {
                bySource.Remove(source);
            }
        }

        var decayTime = absoluteDrift > 0 ? weightedPeriods / absoluteDrift : double.PositiveInfinity;
        return (drift, decayTime, AdverseSelectionWeight * absoluteMove * mid);
    }
}
