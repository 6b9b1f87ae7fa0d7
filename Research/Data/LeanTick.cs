using System;

namespace Lean.MarketMaking.Research.Data;

/// <summary>
/// One tick from a LEAN tick file. Quote ticks carry bid and/or ask (equity quote ticks are often one-sided: the absent
/// side is 0 with size 0, as in LEAN); trade ticks carry <see cref="Price"/> and <see cref="Quantity"/>. Prices are in
/// price units (the ×10,000 equity scaling is already undone).
/// </summary>
/// <param name="TimeUtc">Time of the tick, UTC.</param>
/// <param name="Type">Trade or quote.</param>
/// <param name="Price">Trade price; for quotes LEAN's value: the mid when two-sided, else the side present.</param>
/// <param name="Quantity">Traded quantity (0 for quotes).</param>
/// <param name="BidPrice">Bid price (0 when absent or for trades).</param>
/// <param name="BidSize">Bid size (0 when absent).</param>
/// <param name="AskPrice">Ask price (0 when absent or for trades).</param>
/// <param name="AskSize">Ask size (0 when absent).</param>
/// <param name="Exchange">Exchange code as stored (e.g. <c>P</c>, <c>Q</c>), empty when the file has none.</param>
/// <param name="SaleCondition">Sale condition code as stored, empty when the file has none.</param>
/// <param name="Suspicious">LEAN's suspicious flag (the data vendor marked the tick as likely bad).</param>
public readonly record struct LeanTick(
    DateTime TimeUtc,
    LeanDataType Type,
    double Price,
    double Quantity,
    double BidPrice,
    double BidSize,
    double AskPrice,
    double AskSize,
    string Exchange,
    string SaleCondition,
    bool Suspicious)
{
    /// <summary>Whether the tick carries a bid.</summary>
    public bool HasBid => BidPrice > 0;

    /// <summary>Whether the tick carries an ask.</summary>
    public bool HasAsk => AskPrice > 0;
}
