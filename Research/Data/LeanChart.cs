using System.Collections.Generic;

namespace Lean.MarketMaking.Research.Data;

/// <summary>One chart of a LEAN result.</summary>
/// <param name="Name">Chart name (e.g. "Quotes", "Quotes SPY", "Strategy Equity").</param>
/// <param name="Series">Its series, in file order.</param>
public sealed record LeanChart(string Name, IReadOnlyList<LeanSeries> Series);
