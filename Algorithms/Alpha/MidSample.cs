using System;

namespace Lean.MarketMaking.Algorithms.Alpha;

/// <summary>
/// One sampled mid of a security, with its place on the exchange's open-market time axis (<see cref="Indicators.OpenMarketTimeline"/>).
/// </summary>
/// <param name="UtcTime">Time of the slice that took the sample, UTC (LEAN's insight times).</param>
/// <param name="LocalTime">Exchange local time of the sample (the security's <c>LocalTime</c>).</param>
/// <param name="OpenSeconds">Open-market seconds from the security's first sample to this one.</param>
/// <param name="CrossesClose">Whether a market close lies between the previous sample and this one: the return between
/// them is no observation (false for the first sample).</param>
/// <param name="Mid">Mid price (&gt; 0).</param>
public readonly record struct MidSample(DateTime UtcTime, DateTime LocalTime, double OpenSeconds, bool CrossesClose, decimal Mid);
