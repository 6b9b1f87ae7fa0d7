using System;
using System.Collections.Generic;

namespace Lean.MarketMaking.Research.Data.Synthetic;

/// <summary>One generated day: quote ticks (top of book changes) and trade ticks, each in time order.</summary>
/// <param name="Date">The day (UTC).</param>
/// <param name="Quotes">Quote ticks.</param>
/// <param name="Trades">Trade ticks.</param>
public sealed record SyntheticDay(DateOnly Date, IReadOnlyList<SyntheticQuote> Quotes, IReadOnlyList<SyntheticTrade> Trades);
