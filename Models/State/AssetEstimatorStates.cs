using Lean.MarketMaking.Models.Estimation.Hawkes;
using Lean.MarketMaking.Models.Estimation.Intensity;
using Lean.MarketMaking.Models.Estimation.Jumps;
using Lean.MarketMaking.Models.Estimation.Volatility;

namespace Lean.MarketMaking.Models.State;

/// <summary>
/// The running sums of one asset's online estimators, each null when that estimator does not run: the EWMA variance
/// (<see cref="EwmaVarianceEstimator"/>), the fill-intensity counts per side (<see cref="TradingIntensityEstimator"/>),
/// the order-flow Hawkes excitation (<see cref="HawkesIntensityTracker"/>) and the Lee–Mykland window
/// (<see cref="LeeMyklandDetector"/>). Restored, each estimator continues bit-identically instead of re-warming; the
/// regime filter needs only <see cref="MarketMakingState.RegimeProbabilities"/>.
/// </summary>
/// <param name="Volatility">The EWMA variance's sums, or null.</param>
/// <param name="Intensity">The fill-intensity counts, or null.</param>
/// <param name="OrderFlow">The order-flow Hawkes excitation, or null.</param>
/// <param name="Jumps">The Lee–Mykland window, or null.</param>
public sealed record AssetEstimatorStates(
    EwmaCovarianceState? Volatility = null,
    TradingIntensityState? Intensity = null,
    HawkesTrackerState? OrderFlow = null,
    LeeMyklandState? Jumps = null);
