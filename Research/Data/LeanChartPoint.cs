using System;

namespace Lean.MarketMaking.Research.Data;

/// <summary>A point of a LEAN series.</summary>
/// <param name="TimeUtc">Time (UTC).</param>
/// <param name="Value">Value (a candle's close).</param>
public readonly record struct LeanChartPoint(DateTime TimeUtc, double Value);
