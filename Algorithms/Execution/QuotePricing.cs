using System;

namespace Lean.MarketMaking.Algorithms.Execution;

/// <summary>
/// Pure price and size rules of the execution model: tick rounding (bids down, asks up, so rounding never improves
/// a quote), lot rounding (down, so rounding never increases risk), keeping passive quotes off the opposite touch,
/// and the re-pricing threshold. Tick and lot sizes are LEAN's <c>SymbolProperties.MinimumPriceVariation</c> and
/// <c>SymbolProperties.LotSize</c>; all arguments must be positive where they are sizes of a grid.
/// </summary>
public static class QuotePricing
{
    /// <summary>Largest multiple of <paramref name="tick"/> not above <paramref name="price"/>.</summary>
    public static decimal RoundDown(decimal price, decimal tick) => Math.Floor(price / tick) * tick;

    /// <summary>Smallest multiple of <paramref name="tick"/> not below <paramref name="price"/>.</summary>
    public static decimal RoundUp(decimal price, decimal tick) => Math.Ceiling(price / tick) * tick;

    /// <summary>Largest multiple of <paramref name="lot"/> not above <paramref name="size"/> (0 for negative sizes).</summary>
    public static decimal RoundLotDown(decimal size, decimal lot) => size <= 0 ? 0m : Math.Floor(size / lot) * lot;

    /// <summary>
    /// A passive bid: the model bid rounded down to the tick and at least one tick below the best ask, so it never
    /// crosses (a bid at or above the ask would take liquidity). It may join or improve the best bid.
    /// </summary>
    public static decimal PassiveBid(decimal modelBid, decimal bestAsk, decimal tick) =>
        Math.Min(RoundDown(modelBid, tick), RoundDown(bestAsk - tick, tick));

    /// <summary>A passive ask: the model ask rounded up to the tick and at least one tick above the best bid.</summary>
    public static decimal PassiveAsk(decimal modelAsk, decimal bestBid, decimal tick) =>
        Math.Max(RoundUp(modelAsk, tick), RoundUp(bestBid + tick, tick));

    /// <summary>
    /// Price of a marketable limit order that trades <paramref name="signedQuantity"/> now: a buy at the best ask
    /// (rounded up), a sell at the best bid (rounded down).
    /// </summary>
    public static decimal MarketablePrice(decimal signedQuantity, decimal bestBid, decimal bestAsk, decimal tick) =>
        signedQuantity > 0 ? RoundUp(bestAsk, tick) : RoundDown(bestBid, tick);

    /// <summary>
    /// Size of one flattening clip: the displayed size at the touch it trades against, capped by what is left to trade,
    /// rounded down to the lot, and at least one lot (never more than <paramref name="remaining"/>, itself on the lot grid).
    /// A clip no larger than the displayed size trades at the touch, so no price-impact allowance is made.
    /// </summary>
    /// <param name="remaining">Quantity still to trade, positive, on the lot grid.</param>
    /// <param name="displayedSize">Displayed size at the touch (ask size for a buy, bid size for a sell).</param>
    /// <param name="lot">Lot size.</param>
    public static decimal FlattenClip(decimal remaining, decimal displayedSize, decimal lot) =>
        Math.Min(remaining, Math.Max(lot, RoundLotDown(Math.Min(remaining, displayedSize), lot)));

    /// <summary>
    /// Worst price of a flatten episode that started at <paramref name="startMid"/>: a buy (sign +1) never pays more than
    /// startMid·(1 + <paramref name="maxSlippage"/>) (rounded down to the tick), a sell never receives less than
    /// startMid·(1 − <paramref name="maxSlippage"/>) (rounded up).
    /// </summary>
    public static decimal WorstFlattenPrice(int sign, decimal startMid, decimal maxSlippage, decimal tick) =>
        sign > 0 ? RoundDown(startMid * (1m + maxSlippage), tick) : RoundUp(startMid * (1m - maxSlippage), tick);

    /// <summary>True when a working price is at least <paramref name="minTicks"/> ticks away from the desired one.</summary>
    public static bool ShouldReprice(decimal workingPrice, decimal desiredPrice, decimal tick, int minTicks) =>
        Math.Abs(workingPrice - desiredPrice) >= minTicks * tick;
}
