using System;

namespace Lean.MarketMaking.Algorithms.Execution;

/// <summary>
/// The execution model's view of one of its working limit orders: the price and quantity the venue is known to hold,
/// and any update or cancel requested but not yet confirmed.
/// </summary>
public sealed class WorkingOrder
{
    /// <summary>Creates the record of a just-submitted order.</summary>
    /// <param name="orderId">LEAN order id.</param>
    /// <param name="quantity">Signed total order quantity (positive buys).</param>
    /// <param name="limitPrice">Limit price.</param>
    public WorkingOrder(int orderId, decimal quantity, decimal limitPrice)
    {
        OrderId = orderId;
        Quantity = quantity;
        LimitPrice = limitPrice;
    }

    /// <summary>LEAN order id.</summary>
    public int OrderId { get; }

    /// <summary>Signed total order quantity, as LEAN's ticket holds it (including what has filled); an unconfirmed update is not counted.</summary>
    public decimal Quantity { get; internal set; }

    /// <summary>Signed quantity filled so far.</summary>
    public decimal Filled { get; internal set; }

    /// <summary>Limit price the order is known to rest at; an unconfirmed update is not counted.</summary>
    public decimal LimitPrice { get; internal set; }

    /// <summary>Unfilled quantity, as a positive number.</summary>
    public decimal Remaining => System.Math.Abs(Quantity - Filled);

    /// <summary>+1 for a buy, −1 for a sell.</summary>
    public int Sign => Quantity > 0 ? 1 : -1;

    /// <summary>Whether an update was sent and is not yet confirmed or rejected (the order may rest at either price).</summary>
    public bool HasPendingUpdate { get; private set; }

    /// <summary>Requested limit price of the pending update (meaningful while <see cref="HasPendingUpdate"/>).</summary>
    internal decimal PendingPrice { get; private set; }

    /// <summary>Requested signed total quantity of the pending update.</summary>
    internal decimal PendingQuantity { get; private set; }

    /// <summary>Tag of the pending update.</summary>
    internal string PendingTag { get; private set; } = "";

    /// <summary>Whether the cancel was sent to LEAN; false while it waits out the order latency.</summary>
    internal bool CancelSent { get; set; }

    /// <summary>Local time from which the cancel may be sent (decision time + order latency).</summary>
    internal DateTime CancelSendAt { get; set; }

    /// <summary>Local time the cancel was last sent to LEAN.</summary>
    internal DateTime CancelSentAt { get; set; }

    /// <summary>How many times the cancel was re-sent after a timeout.</summary>
    internal int CancelResends { get; set; }

    /// <summary>Why the cancel was requested (its tag).</summary>
    internal string CancelTag { get; set; } = "";

    /// <summary>Records the update being sent to LEAN.</summary>
    internal void RequestUpdate(decimal quantity, decimal price, string tag)
    {
        HasPendingUpdate = true;
        PendingQuantity = quantity;
        PendingPrice = price;
        PendingTag = tag;
    }

    /// <summary>Ends the pending update: applied (the order now rests at the requested price and quantity) or not.</summary>
    internal void ResolveUpdate(bool applied)
    {
        if (applied)
        {
            Quantity = PendingQuantity;
            LimitPrice = PendingPrice;
        }

        HasPendingUpdate = false;
    }

    /// <summary>The more aggressive of the prices this order may be resting at now: its known price and an unconfirmed update's.</summary>
    internal decimal MostAggressivePrice => HasPendingUpdate && Sign * PendingPrice > Sign * LimitPrice ? PendingPrice : LimitPrice;
}
