using System.Linq;
using BenchmarkDotNet.Attributes;
using Lean.MarketMaking.Models.Numerics;

namespace Lean.MarketMaking.Benchmarks;

/// <summary>
/// The shared exp(Gτ)·x engine on its own (41 states, the GLFT/CJ wide-book size): a repeated τ (cache hit), a new τ
/// resolved by the spectral sum, a new τ that needs the entrywise-exact positive series (values spanning ~1e-40),
/// and construction (one symmetric eigendecomposition; the series table is built on first use). Setup checks that
/// each case takes the path it is named after.
/// </summary>
[MemoryDiagnoser]
public class TridiagonalMetzlerExponentialBenchmarks
{
    private const int Size = 41;
    private static readonly double[] Mild = Enumerable.Range(0, Size).Select(i => -0.001 * (i - 20) * (i - 20)).ToArray();
    private static readonly double[] Steep = Enumerable.Range(0, Size).Select(i => -0.12 * (i - 20) * (i - 20)).ToArray();
    private static readonly double[] Flat = new double[Size];
    private TridiagonalMetzlerExponential _spectral = null!;
    private TridiagonalMetzlerExponential _series = null!;
    private double _tau;

    [GlobalSetup]
    public void Setup()
    {
        _spectral = new TridiagonalMetzlerExponential(Mild, 1.2, 0.9, Flat, 100);
        _series = new TridiagonalMetzlerExponential(Steep, 1.0, 1.0, Flat, 3600);
        _ = _spectral.LogApply(3);
        _ = _series.LogApply(600);
        if (_spectral.UsedPositiveSeries || !_series.UsedPositiveSeries)
        {
            throw new System.InvalidOperationException("benchmark parameters no longer exercise the intended paths");
        }
    }

    [Benchmark(Baseline = true)]
    public double CacheHit() => _spectral.LogApply(3)[7];

    [Benchmark]
    public double NewTimeSpectral() => _spectral.LogApply(NextTau(100))[7];

    [Benchmark]
    public double NewTimePositiveSeries() => _series.LogApply(NextTau(3600))[7];

    [Benchmark]
    public double Construct() => new TridiagonalMetzlerExponential(Steep, 1.0, 1.0, Flat, 3600).PerronRoot;

    private double NextTau(double limit)
    {
        _tau = _tau >= limit - 1 ? 0.5 : _tau + 0.137;
        return _tau;
    }
}
