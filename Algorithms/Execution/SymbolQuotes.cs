using System.Collections.Generic;
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

    /// <summary>Exchange-local time of the next regular-hours close (cached; <see cref="DateTime.MaxValue"/>: never closes).</summary>
    public DateTime NextClose { get; set; }

    /// <summary>
    /// Orders whose cancel was requested but not yet confirmed by an order event (Canceled, Filled or Invalid): they
    /// may still fill, so no new order is placed on their side until they are closed.
    /// </summary>
    public List<WorkingOrder> Cancelling { get; } = new();

    /// <summary>
    /// The most aggressive limit price of our orders on the side of <paramref name="sign"/> that may still fill — the
    /// highest buy (+1) or the lowest sell (−1) among the working quote and the unconfirmed cancels — or null.
    /// </summary>
    public decimal? MostAggressive(int sign)
    {
        var best = (sign > 0 ? Bid : Ask)?.LimitPrice;
        foreach (var order in Cancelling)
        {
            if (order.Sign == sign && (best is null || sign * order.LimitPrice > sign * best))
            {
                best = order.LimitPrice;
            }
        }

        return best;
    }

    /// <summary>Whether an order on the side of <paramref name="sign"/> (+1 buy, −1 sell) is still being cancelled.</summary>
    public bool IsCancelling(int sign)
    {
        foreach (var order in Cancelling)
        {
            if (order.Sign == sign)
            {
                return true;
            }
        }

        return false;
    }
}
