using BenchmarkDotNet.Attributes;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Models.Quoting.CarteaJaimungal;

namespace Lean.MarketMaking.Benchmarks;

/// <summary>
/// Hot path of <see cref="CarteaJaimungalModel"/>: a quote at a cached time; a quote at a new time through the spectral
/// sum (q̄ = 5, O(n²)); a quote at a new time that needs the positive-series fallback (a drift signal tilts h, q̄ = 5,
/// O(n³ log cτ)); the same on a wide book (q̄ = 20, 41 states, penalties that always need the fallback); construction
/// (one symmetric eigen-decomposition). Setup checks that each case takes the path it is named after.
/// </summary>
[MemoryDiagnoser]
public class CarteaJaimungalBenchmarks
{
    private static readonly MidPriceJumpParameters Jumps = new(0.2, 0.65, 80, 120, 0.3, 0.004, 0.006, 0.5);

    private static readonly CarteaJaimungalParameters Narrow = new(
        runningPenalty: 2e-4, terminalPenalty: 1e-3, fillDecay: 100, buyOrderRate: 1.3, sellOrderRate: 0.8,
        maxInventory: 5, lotSize: 1, horizon: 30);

    private static readonly CarteaJaimungalParameters Wide = new(
        runningPenalty: 1e-4, terminalPenalty: 1e-3, fillDecay: 100, buyOrderRate: 1.3, sellOrderRate: 0.8,
        maxInventory: 20, lotSize: 1, horizon: 3600);

    private CarteaJaimungalModel _narrow = null!;
    private CarteaJaimungalModel _wide = null!;
    private double _time;

    [GlobalSetup]
    public void Setup()
    {
        _narrow = new CarteaJaimungalModel(Narrow, Jumps);
        _wide = new CarteaJaimungalModel(Wide, Jumps);
        _narrow.Quote(new MarketSnapshot(100, 10, 3));
        var h = new double[11];
        if (_narrow.ValueFunction(5, 0, h) || !_narrow.ValueFunction(5, 0.002, h) || !_wide.ValueFunction(5, 0, new double[41]))
        {
            throw new System.InvalidOperationException("benchmark parameters no longer exercise the intended paths");
        }
    }

    [Benchmark(Baseline = true)]
    public TwoSidedQuote QuoteCacheHit() => _narrow.Quote(new MarketSnapshot(100, 10, 3));

    [Benchmark]
    public TwoSidedQuote QuoteNewTimeSpectral() => _narrow.Quote(new MarketSnapshot(100, NextTime(12), -2));

    [Benchmark]
    public TwoSidedQuote QuoteNewTimePositiveSeries() => _narrow.Quote(new MarketSnapshot(100, NextTime(12), -2, drift: 0.002));

    [Benchmark]
    public TwoSidedQuote QuoteNewTimeWideBook() => _wide.Quote(new MarketSnapshot(100, NextTime(12), 7));

    [Benchmark]
    public CarteaJaimungalModel Construct() => new(Narrow, Jumps);

    private double NextTime(double limit)
    {
        _time = _time >= limit ? 0 : _time + 1e-4;
        return _time;
    }
}
