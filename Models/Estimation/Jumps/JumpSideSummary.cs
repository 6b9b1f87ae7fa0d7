namespace Lean.MarketMaking.Models.Estimation.Jumps;

/// <summary>Statistics of the jumps in one direction.</summary>
/// <param name="Count">Number of jumps.</param>
/// <param name="IntensityPerSecond">Count / observed seconds: the Poisson arrival rate of these jumps, per second.</param>
/// <param name="MeanSize">Mean absolute jump size in the summary's unit; null without jumps.</param>
/// <param name="ExponentialRate">Maximum-likelihood rate η = 1/MeanSize of an exponential jump-size law, per unit of
/// size; null without jumps. Caveat: only jumps large enough to be detected are counted, and each detected return also
/// carries its diffusive part, so this is the law of detected jump returns (left-truncated at the test's threshold);
/// it understates η and the intensity understates the rate of small jumps.</param>
public readonly record struct JumpSideSummary(int Count, double IntensityPerSecond, double? MeanSize, double? ExponentialRate);
