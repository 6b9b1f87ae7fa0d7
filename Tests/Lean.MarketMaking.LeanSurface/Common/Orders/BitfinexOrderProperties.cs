namespace QuantConnect.Orders
{
    // LEAN: Common/Orders/BitfinexOrderProperties.cs (PostOnly only)
    /// <summary>Contains additional properties and settings for an order submitted to Bitfinex.</summary>
    public class BitfinexOrderProperties : OrderProperties
    {
        public bool PostOnly { get; set; }
    }
}
