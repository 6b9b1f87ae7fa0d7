using System;
using System.Collections.Immutable;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.LinearAlgebra;

namespace Lean.MarketMaking.Models.Estimation.Volatility;

/// <summary>
/// Online exponentially weighted covariance matrix of the log prices of n assets per second, for synchronous,
/// irregularly spaced observations (all n prices observed at the same time), with O(n²) state. Each vector of
/// log-returns rₘ over Δtₘ gets weight wₘ = exp(−(t − tₘ)·ln2/h) with half-life h seconds, and
/// Σ̂ᵢⱼ(t) = Σₘ wₘ rₘⁱ rₘʲ / Σₘ wₘ Δtₘ (covariance per second; the mean return is taken as zero, as in RiskMetrics).
/// On a regular grid this is the RiskMetrics (J.P. Morgan/Reuters 1996, Technical Document §5.2.2) EWMA
/// Σ̂ = λΣ̂₋₁ + (1 − λ)rrᵀ/Δt with λ = 2^(−Δt/h), except that the weights are normalised by their actual sum, so the
/// estimate needs no seed value and is meaningful from the first return. Σ̂ is a positively weighted sum of rank-one
/// matrices rrᵀ, hence symmetric positive semi-definite (definite once n linearly independent returns have been seen).
/// With n = 1 it is <see cref="EwmaVarianceEstimator"/>.
/// </summary>
public sealed class EwmaCovarianceEstimator
{
    private readonly int _n;
    private readonly double _decayPerSecond;
    private readonly double[] _weightedProducts;
    private readonly double[] _lastLogPrices;
    private readonly double[] _returns;
    private double _weightedSeconds;
    private double _lastTime;
    private bool _hasLastPrices;

    /// <summary>Creates an estimator for <paramref name="dimension"/> assets with the given half-life.</summary>
    /// <param name="dimension">Number of assets n ≥ 1.</param>
    /// <param name="halfLifeSeconds">Time in seconds after which a return's weight halves, &gt; 0.</param>
    public EwmaCovarianceEstimator(int dimension, double halfLifeSeconds)
    {
        if (dimension < 1)
        {
            throw Guard.Invalid(nameof(dimension), $"must be >= 1, got {dimension}");
        }

        HalfLifeSeconds = Guard.Positive(halfLifeSeconds, nameof(halfLifeSeconds));
        _n = dimension;
        _decayPerSecond = Math.Log(2) / halfLifeSeconds;
        _weightedProducts = new double[dimension * dimension];
        _lastLogPrices = new double[dimension];
        _returns = new double[dimension];
    }

    /// <summary>Number of assets n.</summary>
    public int Dimension => _n;

    /// <summary>Half-life of the weights, in seconds.</summary>
    public double HalfLifeSeconds { get; }

    /// <summary>Number of observations (price vectors) received.</summary>
    public long Count { get; private set; }

    /// <summary>Whether at least one return over a positive time has been seen, so that the estimate exists.</summary>
    public bool IsReady => _weightedSeconds > 0;

    /// <summary>Effective number of seconds of data behind the estimate, Σ wₘΔtₘ.</summary>
    public double WeightedSeconds => _weightedSeconds;

    /// <summary>Σ̂ᵢⱼ: covariance of the log prices of assets i and j, per second.</summary>
    /// <param name="i">Asset index in [0, n).</param>
    /// <param name="j">Asset index in [0, n).</param>
    /// <exception cref="MarketMakingException">
    /// InvalidMarketData before <see cref="IsReady"/>; InvalidParameters for an index out of range.
    /// </exception>
    public double Covariance(int i, int j)
    {
        var index = (Asset(i, nameof(i)) * _n) + Asset(j, nameof(j));
        return IsReady
            ? _weightedProducts[index] / _weightedSeconds
            : throw MarketData.Invalid(nameof(Covariance), "no return over a positive time interval has been observed yet");
    }

    /// <summary>Σ̂ᵢⱼ / √(Σ̂ᵢᵢΣ̂ⱼⱼ): correlation of the log-returns of assets i and j (NaN while a variance is 0).</summary>
    /// <inheritdoc cref="Covariance" path="/param"/>
    /// <inheritdoc cref="Covariance" path="/exception"/>
    public double Correlation(int i, int j) => Covariance(i, j) / Math.Sqrt(Covariance(i, i) * Covariance(j, j));

    /// <summary>
    /// The whole estimate Σ̂ (per second) as a validated positive definite covariance matrix. Σ̂ is semi-definite by
    /// construction but singular until n linearly independent returns have been seen (or when two assets move in lockstep);
    /// <paramref name="policy"/> then rejects it or repairs its correlation to the nearest positive definite one
    /// (Higham 2002), the distance moved reported. Allocates; not for the per-tick path.
    /// </summary>
    /// <param name="policy">Reject or repair a Σ̂ that is not positive definite.</param>
    /// <exception cref="MarketMakingException">
    /// InvalidMarketData before <see cref="IsReady"/>; CorrelationMatrixNotPositiveDefinite for a zero variance (an asset
    /// whose price has not moved), or under <see cref="NonPositiveDefinitePolicy.Reject"/> for a singular Σ̂.
    /// </exception>
    public RepairedCovariance Estimate(NonPositiveDefinitePolicy policy)
    {
        var covariance = new double[_n, _n];
        for (var i = 0; i < _n; i++)
        {
            for (var j = 0; j < _n; j++)
            {
                covariance[i, j] = Covariance(i, j);
            }
        }

        return CorrelationRepair.Covariance(covariance, policy);
    }

    /// <summary>
    /// Adds one synchronous observation of every asset's price; O(n²), allocation-free. Nothing is changed when it
    /// is rejected.
    /// </summary>
    /// <param name="timeSeconds">Observation time in seconds, not before the previous one.</param>
    /// <param name="prices">The n prices observed at <paramref name="timeSeconds"/>, finite and &gt; 0.</param>
    /// <exception cref="MarketMakingException">
    /// InvalidMarketData for a NaN/non-positive price or an out-of-order time; InvalidParameters for a length other than n.
    /// </exception>
    public void Update(double timeSeconds, ReadOnlySpan<double> prices)
    {
        if (prices.Length != _n)
        {
            throw Guard.Invalid(nameof(prices), $"must have one price per asset ({_n}), got {prices.Length}");
        }

        for (var i = 0; i < _n; i++)
        {
            MarketData.CheckObservation(timeSeconds, prices[i], nameof(prices));
        }

        if (Count > 0)
        {
            MarketData.CheckOrder(_lastTime, timeSeconds, nameof(timeSeconds));
        }

        for (var i = 0; i < _n; i++)
        {
            var logPrice = Math.Log(prices[i]);
            _returns[i] = logPrice - _lastLogPrices[i];
            _lastLogPrices[i] = logPrice;
        }

        if (_hasLastPrices)
        {
            var dt = timeSeconds - _lastTime;
            var decay = Math.Exp(-_decayPerSecond * dt);
            for (var i = 0; i < _n; i++)
            {
                for (var j = i; j < _n; j++)
                {
                    var product = (decay * _weightedProducts[(i * _n) + j]) + (_returns[i] * _returns[j]);
                    _weightedProducts[(i * _n) + j] = product;
                    _weightedProducts[(j * _n) + i] = product;
                }
            }

            _weightedSeconds = (decay * _weightedSeconds) + dt;
        }

        else if (Count > 0)
        {
            // first observation after Interrupt: the weights age by the time elapsed, no return is counted
            var decay = Math.Exp(-_decayPerSecond * (timeSeconds - _lastTime));
            for (var k = 0; k < _weightedProducts.Length; k++)
            {
                _weightedProducts[k] *= decay;
            }

            _weightedSeconds *= decay;
        }

        _lastTime = timeSeconds;
        _hasLastPrices = true;
        Count++;
    }

    /// <summary>
    /// Starts a new series of returns: the next observation is not differenced against the last one (e.g. across a
    /// market close, whose overnight return would otherwise count as one return over the trading seconds in between),
    /// but the estimate and its weights are kept and age as usual.
    /// </summary>
    public void Interrupt() => _hasLastPrices = false;

    /// <summary>The running sums, to save for a restart (allocates).</summary>
    public EwmaCovarianceState Save() => new(HalfLifeSeconds, ImmutableArray.Create(_weightedProducts), ImmutableArray.Create(_lastLogPrices),
        _weightedSeconds, _lastTime, _hasLastPrices, Count);

    /// <summary>
    /// Continues from a saved state: every later output is bit-identical to the saving estimator's. The time axis is the
    /// saved one, so the next observation must not be before <see cref="EwmaCovarianceState.LastTimeSeconds"/>.
    /// </summary>
    /// <exception cref="MarketMakingException">InvalidParameters when the state has another dimension or half-life (nothing is changed).</exception>
    public void Restore(EwmaCovarianceState state)
    {
        if (state is null || state.Dimension != _n || state.HalfLifeSeconds != HalfLifeSeconds)
        {
            throw Guard.Invalid(nameof(state), state is null
                ? "must not be null"
                : $"was saved by an estimator of dimension {state.Dimension} and half-life {state.HalfLifeSeconds} s, this one has {_n} and {HalfLifeSeconds} s");
        }

        state.WeightedProducts.CopyTo(_weightedProducts);
        state.LastLogPrices.CopyTo(_lastLogPrices);
        _weightedSeconds = state.WeightedSeconds;
        _lastTime = state.LastTimeSeconds;
        _hasLastPrices = state.HasLastPrices;
        Count = state.Count;
    }

    /// <summary>Forgets all observations.</summary>
    public void Reset()
    {
        Array.Clear(_weightedProducts);
        _weightedSeconds = 0;
        _hasLastPrices = false;
        Count = 0;
    }

    private int Asset(int index, string name) =>
        (uint)index < (uint)_n ? index : throw Guard.Invalid(name, $"must be an asset index in [0, {_n - 1}], got {index}");
}
