using System;

namespace QuantConnect.Securities
{
    // LEAN: Common/Securities/CashBook.cs (LEAN derives from ExtendedDictionary<string, Cash>, not mirrored)
    /// <summary>A table of currency holdings (cash).</summary>
    public class CashBook
    {
        public CashAmount ConvertToAccountCurrency(CashAmount cashAmount) => throw new NotImplementedException();
    }
}
