using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Hawkes;

namespace Lean.MarketMaking.Models.Anchor;

/// <summary>
/// The forecast of arXiv:2507.05749: the fitted process is simulated forward over the next window by Ogata's thinning
/// (<see cref="HawkesSimulator.CountContinuation"/>), conditional on the current excitation, and each node's count is
/// averaged over <see cref="Paths"/> paths. Its mean converges to <see cref="ClosedFormEventCountForecaster"/>'s with
/// Monte Carlo error O(Paths^(−1/2)). Seeded; allocation-free per forecast.
/// </summary>
public sealed class ThinningEventCountForecaster : IEventCountForecaster
{
    private readonly Random _random;
    private HawkesParameters? _parameters;
    private double _horizon;
    private double[] _scratch = Array.Empty<double>();
    private int[] _counts = Array.Empty<int>();

    /// <summary>Creates the forecaster.</summary>
    /// <param name="paths">Simulated paths per forecast, &gt; 0.</param>
    /// <param name="seed">Seed of the generator.</param>
    public ThinningEventCountForecaster(int paths, int seed)
    {
        Paths = Guard.Positive(paths, nameof(paths));
        _random = new Random(seed);
    }

    /// <summary>Simulated paths per forecast.</summary>
    public int Paths { get; }

    /// <inheritdoc />
    public void Prepare(HawkesParameters parameters, double horizonSeconds)
    {
        _parameters = parameters ?? throw new ArgumentNullException(nameof(parameters));
        _horizon = Guard.Positive(horizonSeconds, nameof(horizonSeconds));
        _scratch = new double[parameters.Dimension];
        _counts = new int[parameters.Dimension];
    }

    /// <inheritdoc />
    public void Forecast(ReadOnlySpan<double> excitation, Span<double> expectedCounts)
    {
        var parameters = _parameters ?? throw new InvalidOperationException("Prepare must be called before Forecast");
        Array.Clear(_counts);
        for (var p = 0; p < Paths; p++)
        {
            excitation.CopyTo(_scratch);
            HawkesSimulator.CountContinuation(parameters, _scratch, _horizon, _random, _counts);
        }

        for (var i = 0; i < _counts.Length; i++)
        {
            expectedCounts[i] = _counts[i] / (double)Paths;
        }
    }
}
