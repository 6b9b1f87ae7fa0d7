using QuantConnect.Interfaces;

namespace QuantConnect.Orders
{
    // LEAN: Common/Orders/OrderProperties.cs (the Exchange property and constructor are not mirrored)
    /// <summary>Contains additional properties and settings for an order.</summary>
    public class OrderProperties : IOrderProperties
    {
        public TimeInForce TimeInForce { get; set; }

        public OrderProperties()
        {
            TimeInForce = TimeInForce.GoodTilCanceled;
        }

        public virtual IOrderProperties Clone() => (OrderProperties)MemberwiseClone();
    }
}
