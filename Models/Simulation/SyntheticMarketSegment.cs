using System.Collections.Generic;

namespace Lean.MarketMaking.Models.Simulation;

/// <summary>One generated stretch of the synthetic market: book updates and trades, each in time order.</summary>
/// <param name="Quotes">Top-of-book updates.</param>
/// <param name="Trades">Market orders' executions.</param>
/// <param name="EndMid">The mid at the segment's end, where the next segment starts.</param>
/// <param name="Seconds">The segment's length, seconds.</param>
public sealed record SyntheticMarketSegment(IReadOnlyList<SyntheticBookUpdate> Quotes, IReadOnlyList<SyntheticMarketOrder> Trades, double EndMid, double Seconds);
