using QuantConnect.Interfaces;

namespace QuantConnect.Orders
{
    // LEAN: Common/Orders/BinanceOrderProperties.cs
    /// <summary>Contains additional properties and settings for an order submitted to Binance brokerage.</summary>
    public class BinanceOrderProperties : OrderProperties
    {
        public bool PostOnly { get; set; }

        public override IOrderProperties Clone() => (BinanceOrderProperties)MemberwiseClone();
    }
}
