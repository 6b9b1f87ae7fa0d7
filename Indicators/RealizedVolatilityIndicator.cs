using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Volatility;
using QuantConnect.Indicators;

namespace Lean.MarketMaking.Indicators;

/// <summary>
/// Rolling realised volatility of ln P, per √second, over the last N log-returns of a price series
/// (<see cref="RollingRealisedVariance"/>): √(BV/T) with the jump-robust bipower variation BV (Barndorff-Nielsen &amp;
/// Shephard 2004) or √(RV/T) with the realised variance RV = Σr² (Andersen, Bollerslev, Diebold &amp; Labys 2003), T the
/// window's length in seconds. Irregular tick times are handled exactly (the window's variance is divided by its elapsed
/// time). On tick data, microstructure noise biases RV upwards by 2nω² (Zhang, Mykland &amp; Aït-Sahalia 2005): give a
/// <c>samplingInterval</c> to feed the estimator the previous-tick price on a regular grid (sparse sampling) instead of
/// every tick, or register the indicator on bars. With a <see cref="MarketMakingIndicator{T}.Clock"/>, T counts open-market
/// seconds only and the return across a close is left out, so the value just after an open is the one at the close.
/// <para><see cref="WindowBase{T}.Current"/> is the volatility of ln P per √second (multiply by √(seconds per year) to annualise).</para>
/// </summary>
public sealed class RealizedVolatilityIndicator : MarketMakingIndicator<IndicatorDataPoint>
{
    private readonly long _samplingTicks;
    private RollingRealisedVariance _variance;
    private long _nextGridTicks;
    private double _lastPrice;

    /// <summary>Creates the indicator.</summary>
    /// <param name="name">Indicator name.</param>
    /// <param name="windowReturns">Number N of log-returns in the window, ≥ 2.</param>
    /// <param name="jumpRobust">True: bipower variation (robust to jumps); false: realised variance.</param>
    /// <param name="samplingInterval">Zero: every input is an observation. Positive: the observation at each grid time
    /// t₀ + kΔ is the last price before it (grid points with no new price are skipped, so a silent market adds no zero returns).</param>
    public RealizedVolatilityIndicator(string name, int windowReturns, bool jumpRobust = true, TimeSpan samplingInterval = default)
        : base(name, windowReturns + 1)
    {
        if (samplingInterval < TimeSpan.Zero)
        {
            throw Guard.Invalid(nameof(samplingInterval), $"must be >= 0, got {samplingInterval}");
        }

        _variance = new RollingRealisedVariance(windowReturns);
        JumpRobust = jumpRobust;
        SamplingInterval = samplingInterval;
        _samplingTicks = samplingInterval.Ticks;
    }

    /// <summary>Number of log-returns in the window.</summary>
    public int WindowReturns => _variance.WindowReturns;

    /// <summary>Whether the bipower variation (true) or the realised variance (false) is used.</summary>
    public bool JumpRobust { get; }

    /// <summary>Grid spacing of the sampled prices (zero: every input).</summary>
    public TimeSpan SamplingInterval { get; }

    /// <summary>Volatility of ln P per √second at the latest update (0 before <see cref="IsReady"/>).</summary>
    public double VolatilityPerSqrtSecond { get; private set; }

    /// <summary>The window's variance estimate, with its units; null before <see cref="IsReady"/>.</summary>
    public VarianceEstimate? Estimate => _variance.IsReady ? WindowEstimate() : null;

    /// <summary>True once the window is full and spans a positive time.</summary>
    public override bool IsReady => _variance.IsReady;

    private protected override Step Accept(IndicatorDataPoint input, double timeSeconds, bool crossesClose)
    {
        if (!IsPrice(input.Value))
        {
            return Step.Skip;
        }

        var price = (double)input.Value;
        var ticks = input.EndTime.Ticks;
        if (crossesClose)
        {
            // No return across a market close: the window's returns are kept, the series restarts from this price.
            _variance.Interrupt();
            _lastPrice = 0;
        }

        if (_samplingTicks == 0)
        {
            _variance.Update(timeSeconds, price);
        }
        else if (_lastPrice == 0)
        {
            _variance.Update(timeSeconds, price);
            _nextGridTicks = ticks + _samplingTicks;
        }
        else if (ticks >= _nextGridTicks)
        {
            // The price at the latest grid point not after this input is the previous input's price.
            var grid = _nextGridTicks + ((ticks - _nextGridTicks) / _samplingTicks * _samplingTicks);
            _variance.Update(timeSeconds - ((ticks - grid) / (double)TimeSpan.TicksPerSecond), _lastPrice);
            _nextGridTicks = grid + _samplingTicks;
        }

        _lastPrice = price;
        if (!_variance.IsReady)
        {
            return Step.None;
        }

        VolatilityPerSqrtSecond = WindowEstimate().VolatilityPerSqrtSecond;
        return Step.Of(VolatilityPerSqrtSecond);
    }

    private protected override void ResetState()
    {
        _variance = new RollingRealisedVariance(_variance.WindowReturns);
        _lastPrice = 0;
        _nextGridTicks = 0;
        VolatilityPerSqrtSecond = 0;
    }

    private VarianceEstimate WindowEstimate() => JumpRobust ? _variance.BipowerVariation : _variance.RealisedVariance;
}
