namespace QuantConnect.Orders
{
    // LEAN: Common/Orders/TradeStationOrderProperties.cs (PostOnly only)
    /// <summary>Contains additional properties and settings for an order submitted to TradeStation.</summary>
    public class TradeStationOrderProperties : OrderProperties
    {
        public bool PostOnly { get; set; }
    }
}
