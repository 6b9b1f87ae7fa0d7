namespace QuantConnect.Orders
{
    // LEAN: Common/Orders/CoinbaseOrderProperties.cs (SelfTradePreventionId not mirrored)
    /// <summary>Contains additional properties and settings for an order submitted to Coinbase brokerage.</summary>
    public class CoinbaseOrderProperties : OrderProperties
    {
        public bool PostOnly { get; set; }
    }
}
