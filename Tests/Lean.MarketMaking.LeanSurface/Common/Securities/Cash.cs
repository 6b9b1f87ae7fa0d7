namespace QuantConnect.Securities
{
    // LEAN: Common/Securities/Cash.cs
    /// <summary>Represents a holding of a currency in cash; its conversion rate into the account currency.</summary>
    public class Cash
    {
        public Cash(string symbol, decimal amount, decimal conversionRate)
        {
            Symbol = symbol;
            Amount = amount;
            ConversionRate = conversionRate;
        }

        public string Symbol { get; }

        public decimal Amount { get; private set; }

        /// <summary>LEAN's setter is internal too (the cash book sets it); tests set it directly.</summary>
        public decimal ConversionRate { get; internal set; }
    }
}
