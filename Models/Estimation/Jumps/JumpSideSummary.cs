namespace Lean.MarketMaking.Models.Estimation.Jumps;

/// <summary>Statistics of the jumps in one direction.</summary>
/// <param name="Count">Number of jumps.</param>
/// <param name="IntensityPerSecond">Poisson arrival rate of these jumps, per second: Count / observed seconds for
/// <see cref="JumpSummary.From"/>, corrected for the jumps below the threshold by <see cref="ThresholdCorrectedJumpSummary.From"/>.</param>
/// <param name="MeanSize">Mean absolute jump size in the summary's unit; null without jumps.</param>
/// <param name="ExponentialRate">Maximum-likelihood rate η = 1/MeanSize of an exponential jump-size law, per unit of
/// size; null without jumps. From <see cref="JumpSummary.From"/> this is the law of the detected jump returns, left-truncated
/// at the test's threshold (it understates η, and the count understates the rate); <see cref="ThresholdCorrectedJumpSummary.From"/>
/// estimates the untruncated law.</param>
public readonly record struct JumpSideSummary(int Count, double IntensityPerSecond, double? MeanSize, double? ExponentialRate);
