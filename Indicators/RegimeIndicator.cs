using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Regimes;
using QuantConnect.Indicators;

namespace Lean.MarketMaking.Indicators;

/// <summary>
/// Filtered volatility regime of a price series: the forward recursion of a fitted univariate Gaussian hidden Markov
/// model (Hamilton 1989, Econometrica 57; Rabiner 1989, Proc. IEEE 77, eqs. 19–20), through
/// <see cref="HiddenMarkovModelFilter"/>, applied to the log-returns ln(Pₜ/Pₜ₋₁) of consecutive inputs. The model must
/// have been fitted on returns sampled like the inputs (e.g. one-minute bar closes for a model of one-minute returns).
/// With a <see cref="MarketMakingIndicator{T}.Clock"/>, the return across a market close is not fed to the filter.
/// <para><see cref="WindowBase{T}.Current"/> is P(most volatile state | returns so far), the most volatile state being the
/// one whose emission has the largest variance.</para>
/// </summary>
public sealed class RegimeIndicator : MarketMakingIndicator<IndicatorDataPoint>
{
    private readonly HiddenMarkovModelFilter _filter;
    private double _lastLogPrice = double.NaN;

    /// <summary>Creates the indicator.</summary>
    /// <param name="name">Indicator name.</param>
    /// <param name="parameters">A fitted model of dimension 1 whose observations are log-returns (e.g. from <see cref="GaussianHiddenMarkovModel"/>).</param>
    /// <param name="warmUpReturns">Returns to absorb before <see cref="IsReady"/> (so the initial distribution is forgotten), ≥ 1.</param>
    /// <exception cref="MarketMakingException">InvalidParameters when the model is not univariate.</exception>
    public RegimeIndicator(string name, HiddenMarkovModelParameters parameters, int warmUpReturns = 20)
        : base(name, Guard.Positive(warmUpReturns, nameof(warmUpReturns)) + 1)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Dimension != 1)
        {
            throw Guard.Invalid(nameof(parameters), $"must model univariate log-returns, got dimension {parameters.Dimension}");
        }

        _filter = new HiddenMarkovModelFilter(parameters);
        for (var j = 1; j < parameters.StateCount; j++)
        {
            if (parameters.Emissions[j].Covariance(0, 0) > parameters.Emissions[MostVolatileState].Covariance(0, 0))
            {
                MostVolatileState = j;
            }
        }
    }

    /// <summary>The filtered model.</summary>
    public HiddenMarkovModelParameters Parameters => _filter.Parameters;

    /// <summary>The state whose emission variance is the largest.</summary>
    public int MostVolatileState { get; }

    /// <summary>P(sₜ = j | returns so far) for each state j (the initial distribution before any return); a view, not a copy.</summary>
    public ReadOnlySpan<double> Probabilities => _filter.Probabilities;

    /// <summary>The state with the highest filtered probability.</summary>
    public int MostLikelyState => _filter.MostLikelyState;

    /// <summary>P(most volatile state | returns so far).</summary>
    public double MostVolatileProbability => _filter.Probabilities[MostVolatileState];

    /// <summary>Returns absorbed since the last reset.</summary>
    public long Returns => _filter.Count;

    /// <summary>True once <see cref="MarketMakingIndicator{T}.WarmUpPeriod"/> − 1 returns have been absorbed.</summary>
    public override bool IsReady => _filter.Count >= WarmUpPeriod - 1;

    private protected override Step Accept(IndicatorDataPoint input, double timeSeconds, bool crossesClose)
    {
        if (!IsPrice(input.Value))
        {
            return Step.Skip;
        }

        var logPrice = Math.Log((double)input.Value);
        if (!double.IsNaN(_lastLogPrice) && !crossesClose)
        {
            _filter.Update(logPrice - _lastLogPrice);
        }

        _lastLogPrice = logPrice;
        return _filter.Count > 0 ? Step.Of(MostVolatileProbability) : Step.None;
    }

    private protected override void ResetState()
    {
        _filter.Reset();
        _lastLogPrice = double.NaN;
    }
}
