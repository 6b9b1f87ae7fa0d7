using System;
using QuantConnect.Interfaces;

namespace QuantConnect.Orders
{
    // LEAN: Common/Orders/Order.cs
    /// <summary>Order struct for placing new trade.</summary>
    public abstract class Order
    {
        public int Id { get; internal set; }

        public Symbol Symbol { get; internal set; }

        public string PriceCurrency { get; internal set; }

        public DateTime Time { get; internal set; }

        public virtual decimal Quantity { get; internal set; }

        public abstract OrderType Type { get; }

        public OrderStatus Status { get; set; }

        public string Tag { get; internal set; }

        public IOrderProperties Properties { get; internal set; }

        public DateTime? LastUpdateTime { get; internal set; }

        public OrderSubmissionData OrderSubmissionData { get; internal set; }

        public OrderDirection Direction =>
            Quantity > 0 ? OrderDirection.Buy : Quantity < 0 ? OrderDirection.Sell : OrderDirection.Hold;

        public decimal AbsoluteQuantity => Math.Abs(Quantity);

        protected Order()
        {
        }

        protected Order(Symbol symbol, decimal quantity, DateTime time, string tag = "", IOrderProperties properties = null)
        {
            Symbol = symbol;
            Quantity = quantity;
            Time = time;
            Tag = tag;
            Properties = properties;
            Status = OrderStatus.None; // as LEAN's constructor
        }
    }
}
