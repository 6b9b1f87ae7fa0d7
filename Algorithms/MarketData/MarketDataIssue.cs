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

    /// <summary>Bid &gt; ask: crossed book (a bad book once it has persisted, see <see cref="QuoteScreen"/>).</summary>
    Crossed,

    /// <summary>
    /// Bid = ask: locked book (common at the close of minute quote bars and on aggregated feeds; a bad book once it has
    /// persisted, see <see cref="QuoteScreen"/>).
    /// </summary>
    Locked,

    /// <summary>The last data point is older than the allowed age.</summary>
    Stale,

    /// <summary>The security's tick size or lot size is not positive, so prices and sizes cannot be rounded.</summary>
    InvalidSymbolProperties,

    /// <summary>
    /// The last data point's price is zero or negative (e.g. a quote tick with both sides 0). The cached bid and ask
    /// skip zero prices and may still look valid, but LEAN values the security and converts its currencies at the last
    /// data point's price (<c>SecurityCurrencyConversion</c> reads <c>GetLastData().Price</c>) and rejects every order
    /// while that rate is zero.
    /// </summary>
    NonPositiveLastPrice,

    /// <summary>
    /// The price moved further from the last accepted one than the security's own volatility allows
    /// (<see cref="SpikeFilterSettings"/>) and has not stayed there for <see cref="SpikeFilterSettings.ConfirmationTime"/>:
    /// a suspected bad print (<see cref="SpikeFilter"/>).
    /// </summary>
    Spike,

    /// <summary>A data point stamped before the one accepted ahead of it (dropped by <see cref="BadPrintDataFilter"/>).</summary>
    OutOfOrder,
}
