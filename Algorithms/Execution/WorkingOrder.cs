namespace Lean.MarketMaking.Algorithms.Execution;

/// <summary>The execution model's view of one of its working limit orders.</summary>
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

    /// <summary>Signed total order quantity, as LEAN's ticket holds it (including what has filled).</summary>
    public decimal Quantity { get; internal set; }

    /// <summary>Signed quantity filled so far.</summary>
    public decimal Filled { get; internal set; }

    /// <summary>Limit price.</summary>
    public decimal LimitPrice { get; internal set; }

    /// <summary>Unfilled quantity, as a positive number.</summary>
    public decimal Remaining => System.Math.Abs(Quantity - Filled);

    /// <summary>+1 for a buy, −1 for a sell.</summary>
    public int Sign => Quantity > 0 ? 1 : -1;
}
