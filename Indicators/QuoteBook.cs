using QuantConnect;
using QuantConnect.Data.Market;

namespace Lean.MarketMaking.Indicators;

/// <summary>
/// The prevailing best bid and ask as seen in quote ticks, for the tick-driven indicators. One-sided quote ticks (common
/// in LEAN equity data) update the side they carry; a quote tick with no positive side, or whose two sides cross
/// (bid ≥ ask), is unusable and changes nothing.
/// </summary>
public struct QuoteBook
{
    /// <summary>Latest bid, price units (0 before any).</summary>
    public decimal Bid { get; private set; }

    /// <summary>Latest ask, price units (0 before any).</summary>
    public decimal Ask { get; private set; }

    /// <summary>Whether both sides are known and 0 &lt; bid &lt; ask.</summary>
    public readonly bool IsValid => Bid > 0m && Bid < Ask;

    /// <summary>
    /// Mid price (bid + ask)/2, computed in decimal so that a trade printed at the mid compares equal to it; meaningful
    /// when <see cref="IsValid"/>.
    /// </summary>
    public readonly double Mid => (double)((Bid + Ask) / 2m);

    /// <summary>Whether <paramref name="tick"/> is a quote tick.</summary>
    public static bool IsQuote(Tick tick) => tick.TickType == TickType.Quote;

    /// <summary>Whether a quote tick is usable: a positive side, no negative side, and not crossed or locked.</summary>
    public static bool IsUsable(Tick tick)
    {
        var bid = tick.BidPrice;
        var ask = tick.AskPrice;
        return bid >= 0m && ask >= 0m && (bid > 0m || ask > 0m) && !(bid > 0m && ask > 0m && bid >= ask);
    }

    /// <summary>Applies a quote tick; false (and no change) when it is unusable.</summary>
    public bool Apply(Tick tick)
    {
        if (!IsUsable(tick))
        {
            return false;
        }

        var bid = tick.BidPrice;
        var ask = tick.AskPrice;

        if (bid > 0m)
        {
            Bid = bid;
        }

        if (ask > 0m)
        {
            Ask = ask;
        }

        return true;
    }

    /// <summary>
    /// The mid a trade tick should be compared with: the tick's own bid/ask when it carries a valid pair, else this book's
    /// (NaN when neither is valid).
    /// </summary>
    public readonly double MidFor(Tick trade)
    {
        if (trade.BidPrice > 0m && trade.BidPrice < trade.AskPrice)
        {
            return (double)((trade.BidPrice + trade.AskPrice) / 2m);
        }

        return IsValid ? Mid : double.NaN;
    }

    /// <summary>Forgets the quotes.</summary>
    public void Clear()
    {
        Bid = 0m;
        Ask = 0m;
    }
}
