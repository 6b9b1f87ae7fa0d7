using Lean.MarketMaking.Research.Data;

namespace Lean.MarketMaking.Research.Calibration;

/// <summary>
/// The prevailing quote from LEAN's one-sided equity quote ticks: the latest bid and the latest ask, whichever exchange
/// reported them (LEAN's US-equity quote ticks come as a bid tick and an ask tick per update of the consolidated best
/// quote, each tagged with the exchange at the best; keeping a book per exchange instead leaves stale quotes that lock
/// or cross it). The mid is their average, defined only when both exist and the quote is neither locked nor crossed
/// (bid &lt; ask); otherwise there is no new mid. Two-sided ticks (forex) update both sides at once.
/// </summary>
internal sealed class PrevailingQuote
{
    private double _bid;
    private double _ask;

    /// <summary>Applies one quote tick; returns the new mid, or null while the quote is one-sided, locked or crossed.</summary>
    public double? Update(in LeanTick quote)
    {
        if (quote.HasBid)
        {
            _bid = quote.BidPrice;
        }

        if (quote.HasAsk)
        {
            _ask = quote.AskPrice;
        }

        return _bid > 0 && _bid < _ask ? 0.5 * (_bid + _ask) : null;
    }
}
