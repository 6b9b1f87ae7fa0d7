using System;

namespace QuantConnect.Data
{
    // LEAN: Common/Data/IBaseData.cs (only the members the plugin reads)
    /// <summary>Base data interface: time, value and price of a data point.</summary>
    public interface IBaseData : ISymbolProvider
    {
        DateTime Time { get; set; }

        DateTime EndTime { get; set; }

        decimal Value { get; set; }

        decimal Price { get; }
    }
}
