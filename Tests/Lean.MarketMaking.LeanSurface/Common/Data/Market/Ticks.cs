using System.Collections.Generic;

namespace QuantConnect.Data.Market
{
    // LEAN: Common/Data/Market/Ticks.cs
    /// <summary>Ticks collection which implements an IDictionary-string-list of ticks.</summary>
    public class Ticks : DataDictionary<List<Tick>>
    {
        public Ticks()
        {
        }
    }
}
