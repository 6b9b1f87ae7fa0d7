using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using Lean.MarketMaking.Models.Anchor;
using Lean.MarketMaking.Models.Estimation.Hawkes;
using Lean.MarketMaking.Models.Simulation;

namespace Lean.MarketMaking.Benchmarks;

/// <summary>
/// Anchor selection (arXiv:2507.05749) on the simulated two-contract stream (≈ 870 updates a second). Target: a
/// decision per 10 ms window — its updates, both contracts' forecasts, CLF, votes and the amortised refits (one per
/// 100 ms per contract) — in ≤ 1 ms, so it keeps up in real time.
/// </summary>
[MemoryDiagnoser]
public class AnchorBenchmarks
{
    private const double Warm = 5.0;
    private List<ContractUpdate> _updates = null!;
    private AnchorSelector _selector = null!;
    private int _next;
    private HawkesEvents _window = null!;
    private HawkesParameters _fit = null!;
    private ClosedFormEventCountForecaster _closedForm = null!;
    private ThinningEventCountForecaster _thinning = null!;
    private readonly double[] _state = { 2.0, 0.5, 1.0, 0.5 };
    private readonly double[] _counts = new double[4];

    [GlobalSetup]
    public void Setup()
    {
        _updates = TwoLegBookSimulator.Simulate(TwoLegSimulationSettings.Default(), Warm + 1.5, seed: 7);

        // One contract's last full second of events, and its fit, for the refit and forecast benchmarks.
        var selector = WarmSelector(out _);
        _fit = selector.Leg(1).Parameters!;
        var truth = TwoLegSimulationSettings.Default().Process;
        var leg = new double[4, 4];
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                leg[i, j] = truth.Alpha(4 + i, 4 + j);
            }
        }

        _window = HawkesSimulator.Simulate(new HawkesParameters(new[] { truth.Mu[4], truth.Mu[5], truth.Mu[6], truth.Mu[7] }, leg, truth.Beta), 1.0, seed: 8);
        _closedForm = new ClosedFormEventCountForecaster();
        _closedForm.Prepare(_fit, 0.010);
        _thinning = new ThinningEventCountForecaster(1000, seed: 9);
        _thinning.Prepare(_fit, 0.010);
    }

    /// <summary>A fresh selector fed the first <see cref="Warm"/> seconds (its first maximum-likelihood fits done).</summary>
    [IterationSetup(Target = nameof(HundredDecisionWindows))]
    public void WarmUp() => _selector = WarmSelector(out _next);

    /// <summary>100 decision windows (1 s) of updates and decisions, refits included; reported per window.</summary>
    [Benchmark(OperationsPerInvoke = 100)]
    [InvocationCount(1)]
    public int HundredDecisionWindows()
    {
        var anchor = 0;
        var boundary = Warm;
        for (var w = 0; w < 100; w++)
        {
            boundary += 0.010;
            while (_updates[_next].TimeSeconds < boundary)
            {
                _selector.OnUpdate(_updates[_next++]);
            }

            anchor += _selector.Decide(boundary).HawkesAnchor;
        }

        return anchor;
    }

    /// <summary>One warm-started EM refit (≤ 20 iterations) of a contract's four-node process on a 1 s window.</summary>
    [Benchmark]
    public HawkesParameters Refit() => HawkesExpectationMaximisation.Refit(_window, _fit, 20);

    /// <summary>The closed-form forecast of the next 10 ms counts.</summary>
    [Benchmark]
    public double ClosedFormForecast()
    {
        _closedForm.Forecast(_state, _counts);
        return _counts[0];
    }

    /// <summary>The paper's forecast: 1,000 Ogata-thinning continuations over 10 ms.</summary>
    [Benchmark]
    public double ThinningForecastThousandPaths()
    {
        _thinning.Forecast(_state, _counts);
        return _counts[0];
    }

    private AnchorSelector WarmSelector(out int next)
    {
        var selector = new AnchorSelector(2, new AnchorSettings());
        next = 0;
        for (var boundary = 0.010; boundary <= Warm + 1e-9; boundary += 0.010)
        {
            while (_updates[next].TimeSeconds < boundary)
            {
                selector.OnUpdate(_updates[next++]);
            }

            selector.Decide(boundary);
        }

        return selector;
    }
}
