using System;
using Lean.MarketMaking.Models.Estimation.Hawkes;

namespace Lean.MarketMaking.Models.Anchor;

/// <summary>
/// Forecasts the number of events of each Hawkes node over the next decision window, given the process's parameters
/// and its current decayed excitation (the history). arXiv:2507.05749 simulates the fitted process forward by Ogata
/// thinning (<see cref="ThinningEventCountForecaster"/>); the conditional expectation has a closed form for the
/// exponential kernel (<see cref="ClosedFormEventCountForecaster"/>), the limit of the simulation's mean.
/// </summary>
public interface IEventCountForecaster
{
    /// <summary>Sets the process and the window length; called after each refit (may allocate).</summary>
    /// <param name="parameters">The fitted process, time in seconds.</param>
    /// <param name="horizonSeconds">Length of the forecast window, seconds, &gt; 0.</param>
    void Prepare(HawkesParameters parameters, double horizonSeconds);

    /// <summary>
    /// Writes the forecast event count of each node over the window into <paramref name="expectedCounts"/>.
    /// Called once per decision window; allocation-free.
    /// </summary>
    /// <param name="excitation">Rⱼ(t) = Σ_{t_k^j &lt; t} e^(−β(t − t_k^j)) per node at the window start.</param>
    /// <param name="expectedCounts">One entry per node.</param>
    void Forecast(ReadOnlySpan<double> excitation, Span<double> expectedCounts);
}
