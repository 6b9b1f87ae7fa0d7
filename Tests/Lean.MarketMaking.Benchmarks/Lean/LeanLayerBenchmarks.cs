using System;
using BenchmarkDotNet.Attributes;
using Lean.MarketMaking.Algorithms.Alpha;
using Lean.MarketMaking.Algorithms.Execution;
using Lean.MarketMaking.Algorithms.Fills;

namespace Lean.MarketMaking.Benchmarks.Lean;

/// <summary>
/// Per-tick hot paths of the LEAN layer: the execution model's per-side decision (round, keep off the touch, decide),
/// the alpha's trade-flow update and the intensity fill probability. Compiled only with -p:LeanReference=Surface (or
/// Package/Local); run them in-process, because BenchmarkDotNet's regenerated project would not inherit that property:
/// <c>dotnet run -c Release --project Tests/Lean.MarketMaking.Benchmarks -p:LeanReference=Surface -- --filter '*LeanLayer*' --inProcess</c>.
/// </summary>
[MemoryDiagnoser]
public class LeanLayerBenchmarks
{
    private readonly WorkingOrder _working = new(1, 0.5m, 99.90m);
    private readonly TradeFlowImbalance _flow = new(TimeSpan.FromSeconds(30));
    private DateTime _time = new(2024, 1, 2, 10, 0, 0);
    private decimal _modelBid = 99.9137m;

    /// <summary>Prepares a quote so trades can be signed.</summary>
    [GlobalSetup]
    public void Setup() => _flow.OnQuote(99.99, 100.01);

    /// <summary>One side of a quote: tick rounding, never-crossing clamp, lot rounding and the update decision.</summary>
    [Benchmark]
    public QuoteAction QuoteSideDecision()
    {
        _modelBid += 0.0001m;
        var bid = QuotePricing.PassiveBid(_modelBid, 100.01m, 0.01m);
        var size = QuotePricing.RoundLotDown(0.5003m, 0.001m);
        return QuoteDecision.Decide(_working, bid, size, 0.01m, 0.001m, 2);
    }

    /// <summary>One trade print into the order-flow imbalance estimator.</summary>
    [Benchmark]
    public int TradeFlowUpdate()
    {
        _time = _time.AddMilliseconds(10);
        return _flow.OnTrade(100.01, 0.3, _time);
    }

    /// <summary>The intensity-mode fill probability 1 − exp(−A e^(−kδ) Δt).</summary>
    [Benchmark]
    public double IntensityProbability() => IntensityFill.Probability(2, 1.5, 0.4, 0.5);
}
