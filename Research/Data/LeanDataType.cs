namespace Lean.MarketMaking.Research.Data;

/// <summary>Which of a day's files to read: trades or quotes (LEAN's <c>TickType</c>; the <c>_trade</c>/<c>_quote</c> file suffix).</summary>
public enum LeanDataType
{
    /// <summary>Trade ticks or trade bars (OHLC of trade prices, volume).</summary>
    Trade,

    /// <summary>Quote ticks or quote bars (OHLC of bid and ask, last sizes).</summary>
    Quote,
}
