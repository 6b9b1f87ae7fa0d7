using System;
using BenchmarkDotNet.Attributes;
using Lean.MarketMaking.Models.Risk;
using MathNet.Numerics.Distributions;

namespace Lean.MarketMaking.Benchmarks;

/// <summary>
/// Value at risk of a 10-asset inventory (issue 10's targets: parametric ≤ 1 µs; historical VaR/ES over 1,000 scenarios
/// ≤ 20 µs; Monte Carlo with 100,000 scenarios ≤ 100 ms). Each calculator keeps its buffers, so after the first call
/// only Monte Carlo allocates (its seeded generator and MathNet's Cholesky factor).
/// </summary>
[MemoryDiagnoser]
public class RiskBenchmarks
{
    private const int Assets = 10;
    private readonly double[] _exposures = new double[Assets];
    private readonly double[] _marginal = new double[Assets];
    private readonly double[] _components = new double[Assets];
    private readonly ValueAtRiskParameters _parameters = new(0.99);
    private readonly HistoricalValueAtRisk _historical = new();
    private readonly FilteredHistoricalValueAtRisk _filtered = new(11.2);
    private readonly CornishFisherValueAtRisk _cornishFisher = new();
    private readonly MonteCarloValueAtRisk _monteCarlo = new(100_000, 1);
    private ReturnHistory _history = null!;
    private double[] _covariance = null!;

    /// <summary>1,000 periods of correlated normal returns of 10 assets and a mixed long/short inventory.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(1);
        var returns = new double[1_000, Assets];
        for (var t = 0; t < 1_000; t++)
        {
            var common = Normal.Sample(random, 0, 1);
            for (var i = 0; i < Assets; i++)
            {
                returns[t, i] = 0.01 * ((0.6 * common) + (0.8 * Normal.Sample(random, 0, 1)));
            }
        }

        for (var i = 0; i < Assets; i++)
        {
            _exposures[i] = (i % 3 == 0 ? -1 : 1) * 1e5 * (i + 1);
        }

        _history = new ReturnHistory(returns);
        _covariance = _history.Covariance(1);
        Historical();
        FilteredHistorical();
        CornishFisher();
    }

    /// <summary>Parametric normal VaR/ES with marginal and component VaR, n = 10.</summary>
    [Benchmark]
    public double Parametric() => NormalValueAtRisk.Compute(_exposures, _covariance, _parameters, _marginal, _components).ValueAtRisk;

    /// <summary>Historical VaR/ES and components over 1,000 scenarios, n = 10.</summary>
    [Benchmark]
    public double Historical() => _historical.Compute(_exposures, _history, _parameters, _marginal, _components).ExpectedShortfall;

    /// <summary>Filtered historical simulation over 1,000 periods, n = 10.</summary>
    [Benchmark]
    public double FilteredHistorical() => _filtered.Compute(_exposures, _history, _parameters, _marginal, _components).ExpectedShortfall;

    /// <summary>Cornish–Fisher VaR/ES with the analytic Euler gradient over 1,000 periods, n = 10.</summary>
    [Benchmark]
    public double CornishFisher() => _cornishFisher.Compute(_exposures, _history, _parameters, _marginal, _components).ValueAtRisk;

    /// <summary>Monte Carlo VaR/ES and components, 100,000 correlated Gaussian scenarios, n = 10.</summary>
    [Benchmark]
    public double MonteCarlo() => _monteCarlo.Compute(_exposures, _covariance, _parameters, _marginal, _components).ExpectedShortfall;
}
