namespace QuantConnect.Securities.Crypto
{
    // LEAN: Common/Securities/Crypto/Crypto.cs
    /// <summary>Crypto security (returned by QCAlgorithm.AddCrypto); only the base currency is mirrored.</summary>
    public class Crypto : Security
    {
        /// <summary>Surface-only test constructor (LEAN's needs exchange hours, cash, configs...).</summary>
        internal Crypto(Symbol symbol, SymbolProperties symbolProperties)
            : base(symbol, symbolProperties)
        {
        }

        public Cash BaseCurrency { get; protected set; }
    }
}
