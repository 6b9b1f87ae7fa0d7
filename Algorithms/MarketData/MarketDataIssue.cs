namespace Lean.MarketMaking.Algorithms.MarketData;

/// <summary>Why a security's top of book cannot be quoted against. <see cref="None"/> means it can.</summary>
public enum MarketDataIssue
{
    /// <summary>The top of book is usable.</summary>
    None,

    /// <summary>No bid or no ask yet (LEAN's cache holds 0 until the first quote arrives).</summary>
    Missing,

    /// <summary>A bid or ask price is negative (or a size is negative).</summary>
    NonPositive,

    /// <summary>Bid &gt; ask: crossed book.</summary>
    Crossed,

    /// <summary>Bid = ask: locked book (common at the close of minute quote bars); no passive spread to quote inside.</summary>
    Locked,

    /// <summary>The last data point is older than the allowed age.</summary>
    Stale,

    /// <summary>The security's tick size or lot size is not positive, so prices and sizes cannot be rounded.</summary>
    InvalidSymbolProperties,
}
