using System;
using QuantConnect.Interfaces;

namespace QuantConnect.Orders
{
    // LEAN: Common/Orders/LimitOrder.cs
    /// <summary>Limit order type definition.</summary>
    public class LimitOrder : Order
    {
        public decimal LimitPrice { get; internal set; }

        public override OrderType Type => OrderType.Limit;

        public LimitOrder()
        {
        }

        public LimitOrder(Symbol symbol, decimal quantity, decimal limitPrice, DateTime time, string tag = "", IOrderProperties properties = null)
            : base(symbol, quantity, time, tag, properties)
        {
            LimitPrice = limitPrice;
        }
    }
}
