namespace QuantConnect.Securities
{
    // LEAN: Common/Securities/CashAmount.cs
    /// <summary>An amount of a currency.</summary>
    public struct CashAmount
    {
        public CashAmount(decimal amount, string currency)
        {
            Amount = amount;
            Currency = currency;
        }

        public decimal Amount { get; }

        public string Currency { get; }
    }
}
