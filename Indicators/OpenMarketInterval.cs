using System;

namespace Lean.MarketMaking.Indicators;

/// <summary>
/// The time between two consecutive data times as the online estimators should see it: its open-market time, and
/// whether a market close lies between the two times (then no return or duration may span them).
/// </summary>
/// <param name="OpenTime">Time during which the market was open between the two times, ≥ 0.</param>
/// <param name="CrossesClose">Whether the market closed between the two times (or the earlier one is itself outside the open hours).</param>
public readonly record struct OpenMarketInterval(TimeSpan OpenTime, bool CrossesClose);
