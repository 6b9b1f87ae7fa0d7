namespace QuantConnect.Securities
{
    // LEAN: Common/Securities/SymbolProperties.cs
    /// <summary>Represents common properties for a specific security, uniquely identified by market, symbol and security type.</summary>
    public class SymbolProperties
    {
        public SymbolProperties(string description, string quoteCurrency, decimal contractMultiplier,
            decimal minimumPriceVariation, decimal lotSize, string marketTicker,
            decimal? minimumOrderSize = null, decimal priceMagnifier = 1, decimal strikeMultiplier = 1)
        {
            Description = description;
            QuoteCurrency = quoteCurrency;
            ContractMultiplier = contractMultiplier;
            MinimumPriceVariation = minimumPriceVariation;
            LotSize = lotSize;
            MarketTicker = marketTicker;
            MinimumOrderSize = minimumOrderSize;
        }

        public string Description { get; }

        public string QuoteCurrency { get; }

        public virtual decimal ContractMultiplier { get; internal set; }

        public virtual decimal MinimumPriceVariation { get; }

        public decimal LotSize { get; }

        public string MarketTicker { get; }

        public decimal? MinimumOrderSize { get; }
    }
}
