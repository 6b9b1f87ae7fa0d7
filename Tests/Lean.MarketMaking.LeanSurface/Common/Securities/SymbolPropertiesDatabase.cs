using System;

namespace QuantConnect.Securities
{
    // LEAN: Common/Securities/SymbolPropertiesDatabase.cs (LEAN derives from BaseSecurityDatabase, not mirrored)
    /// <summary>Provides access to the symbol properties of the data folder (QCAlgorithm.SymbolPropertiesDatabase).</summary>
    public class SymbolPropertiesDatabase
    {
        public SymbolProperties GetSymbolProperties(string market, Symbol symbol, SecurityType securityType, string defaultQuoteCurrency)
            => throw new NotImplementedException();
    }
}
