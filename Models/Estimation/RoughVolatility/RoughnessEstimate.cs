using System.Collections.Generic;

namespace Lean.MarketMaking.Models.Estimation.RoughVolatility;

/// <summary>
/// Result of <see cref="HurstEstimator"/>: the Hurst exponent of log-volatility and the per-moment fits it
/// came from.
/// </summary>
/// <param name="Hurst">H, the least-squares slope through the origin of ζ_q against q (ζ_q = qH).</param>
/// <param name="Fits">One log-log fit per moment order q, in the order the moments were given.</param>
public sealed record RoughnessEstimate(double Hurst, IReadOnlyList<MomentScalingFit> Fits);
