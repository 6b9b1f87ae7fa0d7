namespace QuantConnect.Brokerages
{
    // LEAN: Common/Brokerages/BrokerageName.cs (only the members the examples name; values are LEAN's by name only)
    /// <summary>Specifies what transaction model and submit/execution rules to use.</summary>
    public enum BrokerageName
    {
        Default,

        InteractiveBrokersBrokerage,

        OandaBrokerage,

        Binance,

        Coinbase,
    }
}
