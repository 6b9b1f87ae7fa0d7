using System;
using BenchmarkDotNet.Attributes;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Models.Quoting.MultiAsset;

namespace Lean.MarketMaking.Benchmarks;

/// <summary>
/// <see cref="MultiAssetGlftModel.Quote"/> for n = 10 correlated assets. Target: ≤ 10 µs per call (all 10 assets),
/// 0 B allocated, both when A(t) is cached (same t) and when every call brings a new t (O(n³) rebuild).
/// </summary>
[MemoryDiagnoser]
public class MultiAssetBenchmarks
{
    private const int Assets = 10;
    private readonly double[] _mids = new double[Assets];
    private readonly double[] _inventory = new double[Assets];
    private readonly TwoSidedQuote[] _quotes = new TwoSidedQuote[Assets];
    private MultiAssetGlftModel _finite = null!;
    private MultiAssetGlftModel _ergodic = null!;
    private double _time;

    [GlobalSetup]
    public void Setup()
    {
        // Σᵢⱼ = σᵢσⱼ(0.3 + 0.7·δᵢⱼ): one common factor, positive definite.
        var covariance = new double[Assets, Assets];
        for (var i = 0; i < Assets; i++)
        {
            _mids[i] = 100.0 + i;
            _inventory[i] = (i % 3) - 1.0;
            for (var j = 0; j < Assets; j++)
            {
                covariance[i, j] = (0.5 + (0.1 * i)) * (0.5 + (0.1 * j)) * (i == j ? 1.0 : 0.3);
            }
        }

        var parameters = MultiAssetGlftParameters.WithCommonLiquidity(covariance, 1.5, 0.8, 1.0, 0.1, 3600.0);
        _finite = new MultiAssetGlftModel(parameters);
        _ergodic = new MultiAssetGlftModel(parameters, MultiAssetGlftRegime.Ergodic);
    }

    /// <summary>Same t every call: A(t) comes from the cache, O(n²).</summary>
    [Benchmark(Baseline = true)]
    public TwoSidedQuote QuoteCachedTime()
    {
        _finite.Quote(_mids, _inventory, 10.0, _quotes);
        return _quotes[Assets - 1];
    }

    /// <summary>A new t every call: A(t) is rebuilt from the cached eigenvectors, O(n³).</summary>
    [Benchmark]
    public TwoSidedQuote QuoteNewTime()
    {
        _time = _time >= 3000.0 ? 0.0 : _time + 0.001;
        _finite.Quote(_mids, _inventory, _time, _quotes);
        return _quotes[Assets - 1];
    }

    /// <summary>The ergodic regime: A is fixed at construction.</summary>
    [Benchmark]
    public TwoSidedQuote QuoteErgodic()
    {
        _ergodic.Quote(_mids, _inventory, 10.0, _quotes);
        return _quotes[Assets - 1];
    }
}
