namespace QuantConnect.Orders
{
    // LEAN: Common/Orders/KrakenOrderProperties.cs (PostOnly only)
    /// <summary>Contains additional properties and settings for an order submitted to Kraken.</summary>
    public class KrakenOrderProperties : OrderProperties
    {
        public bool PostOnly { get; set; }
    }
}
