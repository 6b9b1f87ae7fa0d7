namespace QuantConnect.Orders
{
    // LEAN: Common/Orders/BybitOrderProperties.cs (PostOnly only)
    /// <summary>Contains additional properties and settings for an order submitted to Bybit.</summary>
    public class BybitOrderProperties : OrderProperties
    {
        public bool PostOnly { get; set; }
    }
}
