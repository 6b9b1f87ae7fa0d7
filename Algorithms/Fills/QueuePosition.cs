using System;
using System.Collections.Generic;
using QuantConnect;
using QuantConnect.Data.Market;

namespace Lean.MarketMaking.Algorithms.Fills;

/// <summary>
/// Queue position of one resting limit order estimated from level-1 data (the conservative queue model of
/// hftbacktest's "risk-averse" queue and of Moallemi &amp; Yuan's queue-value setting, reduced to the top of book):
/// <list type="bullet">
/// <item>On arrival the order joins the back of the queue: the displayed size at its price if it joins the best price,
/// nothing if it improves the best price, an unknown (infinite) queue if it rests behind the best price.</item>
/// <item>Every trade AT or THROUGH the order's price (at or below a bid, at or above an ask) first consumes the queue
/// ahead, then fills the order with what is left of its size: a trade fills at most its own size beyond the queue ahead,
/// so a small print through the price does not fill a large order. An order that improves the touch has no queue ahead
/// but still needs a trade to reach it.</item>
/// <item>Cancellations ahead: after the step's trades the queue ahead is capped by the displayed size at the price
/// when the price is the best, and is 0 when the best price has moved behind the order (nobody else shows there).</item>
/// </list>
/// Sizes are in units of the asset; prices in the quote currency.
/// </summary>
public sealed class QueuePosition
{
    /// <summary>Places an order in the queue against the book at arrival.</summary>
    /// <param name="isBuy">True for a bid.</param>
    /// <param name="limitPrice">The order's limit price.</param>
    /// <param name="bestBid">Best bid at arrival.</param>
    /// <param name="bidSize">Displayed size at the best bid.</param>
    /// <param name="bestAsk">Best ask at arrival.</param>
    /// <param name="askSize">Displayed size at the best ask.</param>
    /// <param name="countedUntil">Exchange-local time of the last trade that preceded the order (only later trades can reach it).</param>
    public QueuePosition(bool isBuy, decimal limitPrice, decimal bestBid, decimal bidSize, decimal bestAsk, decimal askSize, DateTime countedUntil = default)
    {
        IsBuy = isBuy;
        LimitPrice = limitPrice;
        CountedUntil = countedUntil;
        var touch = isBuy ? bestBid : bestAsk;
        var improves = isBuy ? limitPrice > touch : limitPrice < touch;
        Ahead = improves ? 0m : limitPrice == touch ? (isBuy ? bidSize : askSize) : decimal.MaxValue;
    }

    /// <summary>True for a bid.</summary>
    public bool IsBuy { get; }

    /// <summary>The order's limit price.</summary>
    public decimal LimitPrice { get; }

    /// <summary>Estimated quantity ahead of the order at its price (<see cref="decimal.MaxValue"/> while unknown).</summary>
    public decimal Ahead { get; private set; }

    /// <summary>Exchange-local time of the last trade counted: <see cref="Step"/> counts only later trades.</summary>
    public DateTime CountedUntil { get; private set; }

    /// <summary>Advances one step and returns the quantity filled (0 … <paramref name="remaining"/>).</summary>
    /// <param name="remaining">Unfilled quantity of the order.</param>
    /// <param name="ticks">Ticks of the step; only trades printed after <see cref="CountedUntil"/> count (other ticks are ignored).</param>
    /// <param name="bestBid">Best bid after the step.</param>
    /// <param name="bidSize">Displayed size at the best bid after the step.</param>
    /// <param name="bestAsk">Best ask after the step.</param>
    /// <param name="askSize">Displayed size at the best ask after the step.</param>
    public decimal Step(decimal remaining, IEnumerable<Tick> ticks, decimal bestBid, decimal bidSize, decimal bestAsk, decimal askSize)
    {
        decimal filled = 0;
        var since = CountedUntil;
        foreach (var trade in ticks)
        {
            if (trade.TickType != TickType.Trade || trade.Quantity <= 0 || trade.EndTime <= since)
            {
                continue;
            }

            if (trade.EndTime > CountedUntil)
            {
                CountedUntil = trade.EndTime;
            }

            var price = trade.Value;
            if (IsBuy ? price <= LimitPrice : price >= LimitPrice)
            {
                var volume = trade.Quantity;
                var consumed = Math.Min(Ahead, volume);
                Ahead -= consumed;
                filled = Math.Min(remaining, filled + volume - consumed);
            }
        }

        var touch = IsBuy ? bestBid : bestAsk;
        if (touch == LimitPrice)
        {
            Ahead = Math.Min(Ahead, IsBuy ? bidSize : askSize);
        }
        else if (IsBuy ? touch < LimitPrice : touch > LimitPrice)
        {
            Ahead = 0;
        }

        return filled;
    }
}
