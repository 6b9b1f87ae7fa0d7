namespace QuantConnect.Securities.Forex
{
    // LEAN: Common/Securities/Forex/Forex.cs
    /// <summary>Forex security (returned by QCAlgorithm.AddForex); only the type is mirrored.</summary>
    public class Forex : Security
    {
        /// <summary>Surface-only test constructor (LEAN's needs exchange hours, cash, configs...).</summary>
        internal Forex(Symbol symbol, SymbolProperties symbolProperties)
            : base(symbol, symbolProperties)
        {
        }
    }
}
