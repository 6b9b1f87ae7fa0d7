using System;
using BenchmarkDotNet.Attributes;
using Lean.MarketMaking.Models.LinearAlgebra;

namespace Lean.MarketMaking.Benchmarks;

/// <summary>
/// Higham (2002) nearest correlation matrix for n = 50 (target ≤ 20 ms): a one-factor correlation 0.5 with independent
/// noise uniform in ±0.3 on each pair (seeded), which makes it indefinite, as pairwise estimates do.
/// </summary>
[MemoryDiagnoser]
public class NearestCorrelationBenchmarks
{
    private const int Assets = 50;
    private static readonly NearestCorrelationSettings Unaccelerated = new(andersonHistory: 0);
    private readonly double[,] _estimate = new double[Assets, Assets];

    /// <summary>Builds the indefinite estimate.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(2002);
        for (var i = 0; i < Assets; i++)
        {
            _estimate[i, i] = 1.0;
            for (var j = i + 1; j < Assets; j++)
            {
                _estimate[i, j] = _estimate[j, i] = 0.5 + (0.6 * (random.NextDouble() - 0.5));
            }
        }
    }

    /// <summary>Default settings: δ = 0, tolerance 1e-10, Anderson acceleration AA(2).</summary>
    [Benchmark]
    public double Nearest() => NearestCorrelationMatrix.Compute(_estimate).FrobeniusDistance;

    /// <summary>The repair settings: δ = 1e-8 (positive definite result).</summary>
    [Benchmark]
    public double NearestPositiveDefinite() => NearestCorrelationMatrix.Compute(_estimate, NearestCorrelationSettings.PositiveDefinite).FrobeniusDistance;

    /// <summary>Unaccelerated (Higham 2002 as published), δ = 0: the baseline of the same run.</summary>
    [Benchmark(Baseline = true)]
    public double NearestUnaccelerated() => NearestCorrelationMatrix.Compute(_estimate, Unaccelerated).FrobeniusDistance;
}
