using BenchmarkDotNet.Attributes;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Models.Quoting.CarteaJaimungal;

namespace Lean.MarketMaking.Benchmarks;

/// <summary>
/// Hot path of <see cref="CarteaJaimungalModel"/> (q̄ = 10 lots, 21×21 inventory matrix): a quote at a cached time,
/// a quote at a new time (spectral sum, O(n²)), a quote at a new time that needs the positive-series fallback
/// (O(n³ log cτ)), and construction (one symmetric eigen-decomposition).
/// </summary>
[MemoryDiagnoser]
public class CarteaJaimungalBenchmarks
{
    private static readonly CarteaJaimungalParameters Parameters = new(
        runningPenalty: 1e-4, terminalPenalty: 1e-3, fillDecay: 100, buyOrderRate: 1.2, sellOrderRate: 0.9,
        maxInventory: 10, lotSize: 1, horizon: 3600);

    private static readonly MidPriceJumpParameters Jumps = new(0.1, 0.6, 100, 100, 0.2, 0.005, 0.005);

    private CarteaJaimungalModel _model = null!;
    private double _time;

    [GlobalSetup]
    public void Setup()
    {
        _model = new CarteaJaimungalModel(Parameters, Jumps);
        _model.Quote(new MarketSnapshot(100, 10, 3));
    }

    [Benchmark(Baseline = true)]
    public TwoSidedQuote QuoteCacheHit() => _model.Quote(new MarketSnapshot(100, 10, 3));

    [Benchmark]
    public TwoSidedQuote QuoteNewTime()
    {
        _time = _time >= 3000 ? 0 : _time + 0.001;
        return _model.Quote(new MarketSnapshot(100, _time, -2));
    }

    [Benchmark]
    public TwoSidedQuote QuoteNewTimeWithDriftSignal()
    {
        _time = _time >= 3000 ? 0 : _time + 0.001;
        return _model.Quote(new MarketSnapshot(100, _time, -2, drift: 0.002));
    }

    [Benchmark]
    public CarteaJaimungalModel Construct() => new(Parameters, Jumps);
}
