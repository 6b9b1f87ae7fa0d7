using System.Collections.Generic;

namespace Lean.MarketMaking.Research.Data;

/// <summary>One series of a LEAN chart.</summary>
/// <param name="Name">Series name.</param>
/// <param name="Unit">LEAN's unit label ("$" by default).</param>
/// <param name="Points">Its points, in file order; a candle's point is its close.</param>
public sealed record LeanSeries(string Name, string Unit, IReadOnlyList<LeanChartPoint> Points);
