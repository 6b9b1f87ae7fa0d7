using System;
using System.Collections.Generic;
using Lean.MarketMaking.Research.Data;

namespace Lean.MarketMaking.Research.Calibration;

/// <summary>
/// Consolidated best bid and offer from LEAN's one-sided, per-exchange equity quote ticks: each exchange's latest bid and
/// latest ask are kept (a tick updates only the side it carries), the best bid is the highest and the best ask the lowest
/// across exchanges, and the mid is their average — defined only when both exist and the book is neither locked nor
/// crossed (bid &lt; ask); otherwise there is no new mid. Two-sided ticks (forex) are the degenerate one-exchange case.
/// Memory: two prices per exchange seen.
/// </summary>
internal sealed class BestBidOffer
{
    private readonly Dictionary<string, int> _exchanges = new(StringComparer.Ordinal);
    private readonly List<double> _bids = new();
    private readonly List<double> _asks = new();

    /// <summary>Applies one quote tick; returns the new mid, or null when the consolidated book is one-sided, locked or crossed.</summary>
    public double? Update(in LeanTick quote)
    {
        if (!_exchanges.TryGetValue(quote.Exchange, out var index))
        {
            index = _bids.Count;
            _exchanges[quote.Exchange] = index;
            _bids.Add(0);
            _asks.Add(0);
        }

        if (quote.HasBid)
        {
            _bids[index] = quote.BidPrice;
        }

        if (quote.HasAsk)
        {
            _asks[index] = quote.AskPrice;
        }

        double bestBid = 0, bestAsk = double.PositiveInfinity;
        for (var i = 0; i < _bids.Count; i++)
        {
            bestBid = Math.Max(bestBid, _bids[i]);
            if (_asks[i] > 0)
            {
                bestAsk = Math.Min(bestAsk, _asks[i]);
            }
        }

        return bestBid > 0 && bestBid < bestAsk && double.IsFinite(bestAsk) ? 0.5 * (bestBid + bestAsk) : null;
    }
}
