namespace QuantConnect
{
    // LEAN: Common/Market.cs (only the market constants the plugin and its tests use)
    /// <summary>Markets collection and their codes.</summary>
    public static class Market
    {
        public const string USA = "usa";
        public const string Oanda = "oanda";
        public const string Binance = "binance";
        public const string Coinbase = "coinbase";

        public const string BinanceUS = "binanceus";
    }
}
