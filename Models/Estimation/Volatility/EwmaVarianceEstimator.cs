using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Estimation.Volatility;

/// <summary>
/// Online exponentially weighted variance of ln P per second for irregularly spaced observations, with O(1) state.
/// Each log-return rᵢ over Δtᵢ gets weight wᵢ = exp(−(t − tᵢ)·ln2/h) with half-life h seconds, and
/// σ̂²(t) = Σ wᵢ rᵢ² / Σ wᵢ Δtᵢ (variance per second). On a regular grid this is the RiskMetrics (J.P. Morgan 1996)
/// EWMA σ̂² = λσ̂²₋₁ + (1 − λ)r²/Δt with λ = 2^(−Δt/h), except that the weights are normalised by their actual sum,
/// so the estimate needs no arbitrary seed value and is meaningful from the first return. It is the one-asset case of
/// <see cref="EwmaCovarianceEstimator"/>, which does the arithmetic.
/// </summary>
public sealed class EwmaVarianceEstimator
{
    private readonly EwmaCovarianceEstimator _estimator;

    /// <summary>Creates an estimator with the given half-life.</summary>
    /// <param name="halfLifeSeconds">Time in seconds after which a return's weight halves, &gt; 0.</param>
    public EwmaVarianceEstimator(double halfLifeSeconds)
    {
        _estimator = new EwmaCovarianceEstimator(1, halfLifeSeconds);
    }

    /// <summary>Half-life of the weights, in seconds.</summary>
    public double HalfLifeSeconds => _estimator.HalfLifeSeconds;

    /// <summary>Number of observations received.</summary>
    public long Count => _estimator.Count;

    /// <summary>Whether at least one return over a positive time has been seen, so that the estimate exists.</summary>
    public bool IsReady => _estimator.IsReady;

    /// <summary>Current variance of ln P per second.</summary>
    /// <exception cref="MarketMakingException">InvalidMarketData before <see cref="IsReady"/>.</exception>
    public double VariancePerSecond => _estimator.Covariance(0, 0);

    /// <summary>Effective number of seconds of data behind the estimate, Σ wᵢΔtᵢ.</summary>
    public double WeightedSeconds => _estimator.WeightedSeconds;

    /// <summary>Adds one observation; O(1), allocation-free.</summary>
    /// <param name="timeSeconds">Observation time in seconds, not before the previous one.</param>
    /// <param name="price">Observed price, finite and &gt; 0.</param>
    /// <exception cref="MarketMakingException">InvalidMarketData for a NaN/non-positive price or an out-of-order time.</exception>
    public void Update(double timeSeconds, double price) => _estimator.Update(timeSeconds, new ReadOnlySpan<double>(in price));

    /// <inheritdoc cref="EwmaCovarianceEstimator.Interrupt"/>
    public void Interrupt() => _estimator.Interrupt();

    /// <inheritdoc cref="EwmaCovarianceEstimator.Save"/>
    public EwmaCovarianceState Save() => _estimator.Save();

    /// <inheritdoc cref="EwmaCovarianceEstimator.Restore"/>
    public void Restore(EwmaCovarianceState state) => _estimator.Restore(state);

    /// <summary>Forgets all observations.</summary>
    public void Reset() => _estimator.Reset();
}
