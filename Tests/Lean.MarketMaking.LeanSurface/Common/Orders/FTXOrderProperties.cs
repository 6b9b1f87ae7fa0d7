namespace QuantConnect.Orders
{
    // LEAN: Common/Orders/FTXOrderProperties.cs (PostOnly only)
    /// <summary>Contains additional properties and settings for an order submitted to FTX.</summary>
    public class FTXOrderProperties : OrderProperties
    {
        public bool PostOnly { get; set; }
    }
}
