using System;
using BenchmarkDotNet.Attributes;
using Lean.MarketMaking.Indicators;
using Lean.MarketMaking.Models.Estimation.Hawkes;
using Lean.MarketMaking.Models.Estimation.Intensity;
using Lean.MarketMaking.Models.Estimation.Jumps;
using Lean.MarketMaking.Models.Estimation.Regimes;
using QuantConnect;
using QuantConnect.Data.Market;
using QuantConnect.Indicators;

namespace Lean.MarketMaking.Benchmarks.Lean;

/// <summary>
/// One update of each indicator: the indicator's own work (<c>Observe</c>, allocation-free) and, for the Hawkes indicator,
/// LEAN's whole <c>Update</c> (whose base class allocates its result and data point). Inputs are reused objects whose time
/// moves forward 100 ms per call and whose price zigzags by one cent. Compiled only with a LeanReference; run in-process:
/// <c>dotnet run -c Release --project Tests/Lean.MarketMaking.Benchmarks -p:LeanReference=Surface -- --filter '*IndicatorBenchmarks*' --inProcess</c>.
/// </summary>
[MemoryDiagnoser]
public class IndicatorBenchmarks
{
    private static readonly Symbol Symbol = Symbol.Create("BENCH", SecurityType.Equity, Market.USA);
    private readonly Tick _quote = new(new DateTime(2024, 1, 2), Symbol, 1, 99.99m, 1, 100.01m);
    private readonly Tick[] _trades = [new(new DateTime(2024, 1, 2), Symbol, "", "", 1, 100.01m), new(new DateTime(2024, 1, 2), Symbol, "", "", 1, 99.99m)];
    private readonly IndicatorDataPoint _price = new(Symbol, new DateTime(2024, 1, 2), 100m);
    private HawkesIntensityIndicator _hawkes = null!;
    private TradingIntensityIndicator _intensity = null!;
    private RealizedVolatilityIndicator _volatility = null!;
    private JumpIndicator _jump = null!;
    private RegimeIndicator _regime = null!;
    private RoughnessIndicator _roughness = null!;
    private long _step;

    /// <summary>Builds the indicators and lets the Hawkes one see a quote.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _hawkes = new HawkesIntensityIndicator("hawkes", new HawkesParameters(new[] { 0.8, 0.7 }, new[,] { { 0.4, 0.1 }, { 0.15, 0.35 } }, 3.0));
        _hawkes.Update(_quote);
        _intensity = new TradingIntensityIndicator("intensity", new TradingIntensityOptions(1, 0.01, 6), TimeSpan.FromDays(365));
        _volatility = new RealizedVolatilityIndicator("rv", 300);
        _jump = new JumpIndicator("jump", new LeeMyklandParameters(50, 0.01), 390);
        _regime = new RegimeIndicator("regime", new HiddenMarkovModelParameters(
            new[] { 0.5, 0.5 }, new[,] { { 0.99, 0.01 }, { 0.02, 0.98 } }, new[] { GaussianEmission.Univariate(0, 5e-5), GaussianEmission.Univariate(0, 3e-4) }));
        _roughness = new RoughnessIndicator("rough", TimeSpan.FromDays(365), 100, 10);
    }

    /// <summary>A trade tick into the Hawkes indicator (signing, one event, two intensities).</summary>
    [Benchmark]
    public bool HawkesTrade() => _hawkes.Observe(NextTrade()).Status == StepStatus.Value;

    /// <summary>The same through LEAN's <c>IndicatorBase.Update</c> (base-class allocations included).</summary>
    [Benchmark]
    public bool HawkesTradeThroughLeanUpdate() => _hawkes.Update(NextTrade());

    /// <summary>A quote tick into the trading-intensity indicator (mid update; no refit).</summary>
    [Benchmark]
    public bool TradingIntensityQuote()
    {
        _quote.Time = NextTime();
        return _intensity.Observe(_quote).Status == StepStatus.Value;
    }

    /// <summary>A price into the rolling realised volatility.</summary>
    [Benchmark]
    public bool RealizedVolatility() => _volatility.Observe(NextPrice()).Status == StepStatus.Value;

    /// <summary>A price into the Lee–Mykland jump test.</summary>
    [Benchmark]
    public bool Jump() => _jump.Observe(NextPrice()).Status == StepStatus.Value;

    /// <summary>A price into the two-state regime filter.</summary>
    [Benchmark]
    public bool Regime() => _regime.Observe(NextPrice()).Status == StepStatus.Value;

    /// <summary>A price into the roughness bucket accumulator (no bucket close).</summary>
    [Benchmark]
    public bool Roughness() => _roughness.Observe(NextPrice()).Status == StepStatus.Value;

    private DateTime NextTime() => new DateTime(2024, 1, 2).AddTicks(++_step * TimeSpan.TicksPerMillisecond * 100);

    private Tick NextTrade()
    {
        var trade = _trades[_step % 2];
        trade.Time = NextTime();
        return trade;
    }

    private IndicatorDataPoint NextPrice()
    {
        _price.Time = NextTime();
        _price.Value = _step % 2 == 0 ? 100m : 100.01m;
        return _price;
    }
}
