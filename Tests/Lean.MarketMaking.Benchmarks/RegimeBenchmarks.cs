using System;
using BenchmarkDotNet.Attributes;
using Lean.MarketMaking.Models.Estimation.Regimes;

namespace Lean.MarketMaking.Benchmarks;

/// <summary>
/// Gaussian HMM speed: a 2-state Baum–Welch fit on 100,000 simulated returns (target &lt; 1 s with default options)
/// and one online filter update (target: no allocation, O(K²)), and one volatility forecast from the filtered probabilities.
/// </summary>
[MemoryDiagnoser]
public class RegimeBenchmarks
{
    private const int Returns = 100_000;
    private readonly double[] _returns = new double[Returns];
    private readonly HiddenMarkovModelFitOptions _options = new(states: 2);
    private HiddenMarkovModelFilter _filter = null!;
    private RegimeVolatilityForecast _forecast = null!;
    private int _next;

    /// <summary>Simulates a 2-state volatility-regime series (σ = 1% and 3%, persistence 0.99 and 0.97).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        var state = 0;
        for (var t = 0; t < Returns; t++)
        {
            if (random.NextDouble() < (state == 0 ? 0.01 : 0.03))
            {
                state = 1 - state;
            }

            // Box–Muller normal draw.
            var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            _returns[t] = (state == 0 ? 0.01 : 0.03) * z;
        }

        _filter = new HiddenMarkovModelFilter(GaussianHiddenMarkovModel.Fit(_returns, _options).Parameters);
        _forecast = new RegimeVolatilityForecast(_filter.Parameters, horizonSteps: 30);
    }

    /// <summary>Full fit: default options (4 starts, tolerance 1e-7 nats per observation).</summary>
    [Benchmark]
    public double FitTwoStates100k() => GaussianHiddenMarkovModel.Fit(_returns, _options).LogLikelihood;

    /// <summary>One online filter update.</summary>
    [Benchmark]
    public double FilterUpdate()
    {
        _filter.Update(_returns[_next]);
        _next = (_next + 1) % Returns;
        return _filter.Probabilities[0];
    }

    /// <summary>One volatility forecast (O(K), target: no allocation): what the regime volatility alpha adds per sample.</summary>
    [Benchmark]
    public double VolatilityForecast() => _forecast.RelativeChange(_filter.Probabilities, 1e-6) + _forecast.Agreement(_filter.Probabilities, -1);
}
