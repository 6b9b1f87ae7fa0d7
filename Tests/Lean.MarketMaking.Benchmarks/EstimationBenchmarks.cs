using System;
using BenchmarkDotNet.Attributes;
using Lean.MarketMaking.Models.Estimation.Jumps;
using Lean.MarketMaking.Models.Estimation.Volatility;
using Lean.MarketMaking.Models.Stochastic;

namespace Lean.MarketMaking.Benchmarks;

/// <summary>
/// Per-tick cost of the online estimators (expected: tens of nanoseconds, 0 B allocated) and of one SDE step.
/// Each benchmark feeds one pre-generated tick, cycling through a buffer with strictly increasing times.
/// </summary>
[MemoryDiagnoser]
public class EstimationBenchmarks
{
    private const int Ticks = 1 << 16;
    private readonly double[] _prices = new double[Ticks];
    private readonly double[] _basket = new double[10];
    private EwmaVarianceEstimator _ewma = null!;
    private EwmaCovarianceEstimator _covariance = null!;
    private RollingRealisedVariance _rolling = null!;
    private LeeMyklandDetector _leeMykland = null!;
    private GeometricBrownianMotion _gbm = null!;
    private double[] _path = null!;
    private Random _random = null!;
    private int _next;
    private double _time;

    /// <summary>Builds a random-walk price buffer and warms every estimator past its window.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        var x = Math.Log(100);
        for (var i = 0; i < Ticks; i++)
        {
            x += 1e-4 * (rng.NextDouble() - 0.5);
            _prices[i] = Math.Exp(x);
        }

        _ewma = new EwmaVarianceEstimator(300);
        _covariance = new EwmaCovarianceEstimator(_basket.Length, 300);
        _rolling = new RollingRealisedVariance(390);
        _leeMykland = new LeeMyklandDetector(new LeeMyklandParameters(LeeMyklandParameters.RecommendedWindow(252.0 * 390), 0.01), 390);
        Array.Fill(_basket, 100.0);
        _covariance.Update(0, _basket);
        for (var i = 0; i < 1_000; i++)
        {
            Feed();
            EwmaCovarianceUpdate10Assets();
        }

        _gbm = new GeometricBrownianMotion(0.05, 0.2);
        _path = new double[1_001];
        _random = new Random(2);
    }

    /// <summary>One EWMA variance update.</summary>
    [Benchmark]
    public double EwmaUpdate()
    {
        var (t, p) = NextTick();
        _ewma.Update(t, p);
        return _ewma.VariancePerSecond;
    }

    /// <summary>One EWMA covariance update of 10 assets (55 products), as the multi-asset example feeds it per sample.</summary>
    [Benchmark]
    public double EwmaCovarianceUpdate10Assets()
    {
        var (t, p) = NextTick();
        for (var i = 0; i < _basket.Length; i++)
        {
            _basket[i] = p * _prices[(_next + (i * 97)) & (Ticks - 1)] / 100;
        }

        _covariance.Update(t, _basket);
        return _covariance.Covariance(0, 9);
    }

    /// <summary>One rolling realised-variance/bipower update over a 390-return window.</summary>
    [Benchmark]
    public double RollingRealisedVarianceUpdate()
    {
        var (t, p) = NextTick();
        _rolling.Update(t, p);
        return _rolling.BipowerVariation.VariancePerSecond;
    }

    /// <summary>One online Lee–Mykland test (K = 314).</summary>
    [Benchmark]
    public double LeeMyklandUpdate()
    {
        var (t, p) = NextTick();
        return _leeMykland.Update(t, p).Statistic;
    }

    /// <summary>1000 Milstein steps of GBM into a caller buffer.</summary>
    [Benchmark]
    public double MilsteinPath1000Steps()
    {
        ScalarSdeSolver.Simulate(_gbm, SdeScheme.Milstein, 100, 0, 0.001, _random, _path);
        return _path[^1];
    }

    private void Feed()
    {
        var (t, p) = NextTick();
        _ewma.Update(t, p);
        _rolling.Update(t, p);
        _leeMykland.Update(t, p);
    }

    private (double Time, double Price) NextTick()
    {
        _time += 1;
        var p = _prices[_next];
        _next = (_next + 1) & (Ticks - 1);
        return (_time, p);
    }
}
