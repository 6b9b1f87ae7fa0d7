using BenchmarkDotNet.Attributes;
using Lean.MarketMaking.Models.Estimation.Hawkes;

namespace Lean.MarketMaking.Benchmarks;

/// <summary>
/// Hawkes hot paths. Targets: univariate fit on 1,000,000 events &lt; 1 s; 4-dimensional fit on 1,000,000 events &lt; 10 s;
/// online intensity update &lt; 50 ns with no allocation.
/// </summary>
[MemoryDiagnoser]
public class HawkesBenchmarks
{
    private HawkesEvents _univariate = null!;
    private HawkesEvents _fourDimensional = null!;
    private HawkesParameters _univariateTruth = null!;
    private HawkesIntensityTracker _tracker = null!;
    private double _time;

    [GlobalSetup]
    public void Setup()
    {
        // μ = 0.5, α = 0.6: stationary rate 1.25 per unit, so T = 800,000 gives ≈ 1,000,000 events.
        _univariateTruth = HawkesParameters.Univariate(0.5, 0.6, 2.0);
        _univariate = HawkesSimulator.Simulate(_univariateTruth, 800_000, seed: 1);

        // Four nodes, self 0.3 and cross 0.1 (spectral radius 0.6), μ = 0.3: total rate 3 per unit, T ≈ 333,333.
        var alpha = new double[4, 4];
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                alpha[i, j] = i == j ? 0.3 : 0.1;
            }
        }

        _fourDimensional = HawkesSimulator.Simulate(new HawkesParameters(new[] { 0.3, 0.3, 0.3, 0.3 }, alpha, 3.0), 1_000_000 / 3.0, seed: 2);
        _tracker = new HawkesIntensityTracker(_univariateTruth);
        _time = 0;
    }

    [Benchmark]
    public HawkesFit FitUnivariateOneMillionEvents() => HawkesEstimator.Fit(_univariate);

    [Benchmark]
    public HawkesFit FitFourDimensionalOneMillionEvents() => HawkesEstimator.Fit(_fourDimensional);

    [Benchmark]
    public double LogLikelihoodUnivariateOneMillionEvents() => HawkesLikelihood.LogLikelihood(_univariateTruth, _univariate);

    [Benchmark]
    public double OnlineUpdateUnivariate()
    {
        _time += 0.001;
        _tracker.OnEvent(0, _time);
        return _tracker.LastTime;
    }

    [Benchmark]
    public double OnlineIntensityUnivariate() => _tracker.Intensity(0, _time + 0.5);
}
