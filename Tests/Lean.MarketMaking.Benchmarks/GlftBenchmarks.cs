using BenchmarkDotNet.Attributes;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Models.Quoting.Glft;

namespace Lean.MarketMaking.Benchmarks;

/// <summary>GLFT quote costs: closed form, exact with the per-time cache hit, exact at a fresh time (Q = 20 lots).</summary>
[MemoryDiagnoser]
public class GlftBenchmarks
{
    private static readonly GlftParameters Parameters = new(0.05, 10.69, 2.986162360812285, 0.04235741115084049);
    private readonly GlftClosedFormModel _closedForm = new(Parameters);
    private readonly GlftExactModel _exact = new(Parameters, 3600, 20);
    private readonly MarketSnapshot _snapshot = new(2000, 100, 3);
    private double _time;

    [Benchmark(Baseline = true)]
    public double ClosedFormQuote() => _closedForm.Quote(_snapshot).Bid;

    [Benchmark]
    public double ExactQuoteCacheHit() => _exact.Quote(_snapshot).Bid;

    [Benchmark]
    public double ExactQuoteNewTime()
    {
        _time = _time >= 3000 ? 0 : _time + 0.137;
        return _exact.Quote(new MarketSnapshot(2000, _time, 3)).Bid;
    }
}
