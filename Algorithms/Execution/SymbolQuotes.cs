using System;
using QuantConnect.Securities;

namespace Lean.MarketMaking.Algorithms.Execution;

/// <summary>Working orders of one security: at most one bid, one ask and one flattening order.</summary>
internal sealed class SymbolQuotes
{
    public SymbolQuotes(Security security) => Security = security;

    public Security Security { get; }

    public WorkingOrder? Bid { get; set; }

    public WorkingOrder? Ask { get; set; }

    public WorkingOrder? Flatten { get; set; }

    /// <summary>Target quantity being flattened towards, while a plain (non-quote) target is being worked.</summary>
    public decimal? FlattenTarget { get; set; }

    /// <summary>Exchange-local time of the last quote target worked.</summary>
    public DateTime LastQuoteTime { get; set; }
}
