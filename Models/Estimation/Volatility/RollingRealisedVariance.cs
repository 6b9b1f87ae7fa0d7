using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Estimation.Volatility;

/// <summary>
/// Online realised variance and bipower variation over the last <see cref="WindowReturns"/> log-returns, with bounded
/// memory and O(1) amortised work per update. After each update <see cref="RealisedVariance"/> and
/// <see cref="BipowerVariation"/> equal the batch estimators <see cref="Volatility.RealisedVariance.Estimate"/> and
/// <see cref="Volatility.BipowerVariation.Estimate"/> on the last <c>WindowReturns + 1</c> observations. After an
/// <see cref="Interrupt"/> (a market close) the window holds the returns of both segments, but no return and no bipower
/// product spans the break, and the window's time is the sum of its returns' durations.
/// </summary>
public sealed class RollingRealisedVariance
{
    private readonly RollingWindowSum _squares;
    private readonly RollingWindowSum _products;
    private readonly RollingWindowSum _seconds;
    private double _lastTime;
    private double _lastLogPrice;
    private double _lastAbsReturn;
    private long _count;
    private bool _hasLastPrice;
    private bool _hasLastReturn;

    /// <summary>Creates an estimator over a window of <paramref name="windowReturns"/> returns.</summary>
    /// <param name="windowReturns">Number of most recent log-returns in the window, ≥ 2.</param>
    public RollingRealisedVariance(int windowReturns)
    {
        if (windowReturns < 2)
        {
            throw Guard.Invalid(nameof(windowReturns), $"must be >= 2, got {windowReturns}");
        }

        WindowReturns = windowReturns;
        _squares = new RollingWindowSum(windowReturns);
        _products = new RollingWindowSum(windowReturns - 1);
        _seconds = new RollingWindowSum(windowReturns);
    }

    /// <summary>Number of log-returns in a full window.</summary>
    public int WindowReturns { get; }

    /// <summary>Whether the window is full and spans a positive time, so that both estimates exist.</summary>
    public bool IsReady => _squares.IsFull && _seconds.Sum > 0;

    /// <summary>Realised variance Σ r² over the window, with its units.</summary>
    /// <exception cref="MarketMakingException">InvalidMarketData before <see cref="IsReady"/>.</exception>
    public VarianceEstimate RealisedVariance => new(Math.Max(0, Ready()._squares.Sum), _seconds.Sum, WindowReturns);

    /// <summary>Bipower variation μ₁⁻² Σ |rᵢ||rᵢ₋₁| over the window, with its units.</summary>
    /// <exception cref="MarketMakingException">InvalidMarketData before <see cref="IsReady"/>.</exception>
    public VarianceEstimate BipowerVariation =>
        new(Math.Max(0, Ready()._products.Sum) / (Volatility.BipowerVariation.Mu1 * Volatility.BipowerVariation.Mu1), _seconds.Sum, WindowReturns);

    /// <summary>Adds one observation; O(1) amortised, allocation-free.</summary>
    /// <param name="timeSeconds">Observation time in seconds, not before the previous one.</param>
    /// <param name="price">Observed price, finite and &gt; 0.</param>
    /// <exception cref="MarketMakingException">InvalidMarketData for a NaN/non-positive price or an out-of-order time.</exception>
    public void Update(double timeSeconds, double price)
    {
        MarketData.CheckObservation(timeSeconds, price, nameof(price));
        var logPrice = Math.Log(price);
        if (_count > 0)
        {
            MarketData.CheckOrder(_lastTime, timeSeconds, nameof(timeSeconds));
        }

        if (_hasLastPrice)
        {
            var r = logPrice - _lastLogPrice;
            var abs = Math.Abs(r);
            if (_hasLastReturn)
            {
                _products.Add(abs * _lastAbsReturn);
            }

            _squares.Add(r * r);
            _seconds.Add(timeSeconds - _lastTime);
            _lastAbsReturn = abs;
            _hasLastReturn = true;
        }

        _lastTime = timeSeconds;
        _lastLogPrice = logPrice;
        _hasLastPrice = true;
        _count++;
    }

    /// <summary>
    /// Starts a new series of returns: the next observation is not differenced against the last one (e.g. across a
    /// market close, whose overnight return would otherwise count as one return over the open seconds in between), but
    /// the window keeps its returns.
    /// </summary>
    public void Interrupt() => _hasLastPrice = _hasLastReturn = false;

    private RollingRealisedVariance Ready() =>
        IsReady ? this : throw MarketData.Invalid(nameof(WindowReturns), $"the window of {WindowReturns} returns is not full or spans no time yet");
}
