using System;

namespace Lean.MarketMaking.Research.Data;

/// <summary>
/// One bar from a LEAN second or minute file: trade bars carry <see cref="Trade"/> and <see cref="Volume"/>; quote bars
/// carry <see cref="Bid"/> and/or <see cref="Ask"/> (a side with no quote in the period is null, as in LEAN).
/// Prices are in price units (the ×10,000 equity scaling is already undone).
/// </summary>
/// <param name="StartUtc">Start of the bar period, UTC (LEAN's <c>Time</c>).</param>
/// <param name="Period">Length of the bar.</param>
/// <param name="Trade">OHLC of trade prices, or null for a quote bar.</param>
/// <param name="Volume">Traded volume (0 for quote bars).</param>
/// <param name="Bid">OHLC of the bid, or null.</param>
/// <param name="LastBidSize">Bid size at the close.</param>
/// <param name="Ask">OHLC of the ask, or null.</param>
/// <param name="LastAskSize">Ask size at the close.</param>
public readonly record struct LeanBar(
    DateTime StartUtc,
    TimeSpan Period,
    LeanOhlc? Trade,
    double Volume,
    LeanOhlc? Bid,
    double LastBidSize,
    LeanOhlc? Ask,
    double LastAskSize)
{
    /// <summary>End of the bar period, UTC (LEAN's <c>EndTime</c>: when the bar is known).</summary>
    public DateTime EndUtc => StartUtc + Period;
}
