namespace QuantConnect.Orders
{
    // LEAN: Common/Orders/dYdXOrderProperties.cs (PostOnly only)
    /// <summary>Contains additional properties and settings for an order submitted to dYdX.</summary>
    public class dYdXOrderProperties : OrderProperties
    {
        public bool PostOnly { get; set; }
    }
}
