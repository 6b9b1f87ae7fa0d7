namespace QuantConnect.Securities.Equity
{
    // LEAN: Common/Securities/Equity/Equity.cs
    /// <summary>Equity security (returned by QCAlgorithm.AddEquity); only the type is mirrored.</summary>
    public class Equity : Security
    {
        /// <summary>Surface-only test constructor (LEAN's needs exchange hours, cash, configs...).</summary>
        internal Equity(Symbol symbol, SymbolProperties symbolProperties)
            : base(symbol, symbolProperties)
        {
        }
    }
}
