using BenchmarkDotNet.Attributes;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Models.Quoting.AvellanedaStoikov;
using Lean.MarketMaking.Models.Simulation;

namespace Lean.MarketMaking.Benchmarks;

/// <summary>
/// Avellaneda–Stoikov hot paths: one quote of each model (target ≤ 100 ns, zero allocations) and one full
/// 1000-path table simulation (inventory and symmetric strategies, the paper's γ = 0.1 row pair).
/// </summary>
[MemoryDiagnoser]
public class AvellanedaStoikovBenchmarks
{
    private readonly AvellanedaStoikovModel finite = new(new AvellanedaStoikovParameters(0.1, 2, 1.5, 1));
    private readonly InfiniteHorizonAvellanedaStoikovModel infinite = new(new InfiniteHorizonAvellanedaStoikovParameters(0.1, 2, 1.5, 1, 5));
    private readonly MarketMakingSimulator simulator = new(MarketMakingSimulationSettings.AvellanedaStoikov2008);
    private readonly MarketSnapshot snapshot = new(100, 0.25, 2, 0.01, 0.02);

    [Benchmark]
    public TwoSidedQuote FiniteHorizonQuote() => finite.Quote(snapshot);

    [Benchmark]
    public TwoSidedQuote InfiniteHorizonQuote() => infinite.Quote(snapshot);

    [Benchmark]
    public StrategyComparison PaperTable1Simulation() => simulator.CompareWithSymmetric(finite, 2008);
}
