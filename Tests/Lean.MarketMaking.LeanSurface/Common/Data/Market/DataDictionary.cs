using System;
using Common.Util;

namespace QuantConnect.Data.Market
{
    // LEAN: Common/Data/Market/DataDictionary.cs
    /// <summary>Provides a base class for types holding base data instances keyed by symbol.</summary>
    public class DataDictionary<T> : BaseExtendedDictionary<Symbol, T>
    {
        public DateTime Time { get; set; }

        public DataDictionary() : base()
        {
        }
    }
}
