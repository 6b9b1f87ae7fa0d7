namespace QuantConnect.Securities
{
    // LEAN: Common/Securities/SecurityPortfolioManager.cs (LEAN derives from ExtendedDictionary<Symbol, SecurityHolding>, not mirrored)
    /// <summary>Portfolio manager: only the cash book and the total value are mirrored.</summary>
    public class SecurityPortfolioManager
    {
        public CashBook CashBook { get; }

        public decimal TotalPortfolioValue => throw new System.NotImplementedException();
    }
}
