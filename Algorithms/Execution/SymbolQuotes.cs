using System.Collections.Generic;
using System;
using QuantConnect.Securities;

namespace Lean.MarketMaking.Algorithms.Execution;

/// <summary>Working orders of one security: at most one bid, one ask and one flattening clip.</summary>
internal sealed class SymbolQuotes
{
    public SymbolQuotes(Security security) => Security = security;

    public Security Security { get; }

    public WorkingOrder? Bid { get; set; }

    public WorkingOrder? Ask { get; set; }

    public WorkingOrder? Flatten { get; set; }

    /// <summary>Target quantity being flattened towards, while a plain (non-quote) target is being worked.</summary>
    public decimal? FlattenTarget { get; set; }

    /// <summary>Mid at which the current flatten episode started (its worst price is measured from it), or null.</summary>
    public decimal? FlattenStartMid { get; set; }

    /// <summary>Larger side of the last quote worked, units of the asset (0 before the first): the clip size of a flatten when the feed shows no size at the touch.</summary>
    public decimal LastQuoteSize { get; set; }

    /// <summary>
    /// Whether working orders of this security are re-priced by cancel-and-replace instead of an update: set for good
    /// after the first update LEAN or the brokerage rejected.
    /// </summary>
    public bool ReplaceOnReprice { get; set; }

    /// <summary>What the venue allows this security's quotes (set at its first step), or null before.</summary>
    public BrokerageQuoteRules? Rules { get; set; }

    /// <summary>This security's order-request bucket, or null without a per-symbol budget.</summary>
    public TokenBucket? Bucket { get; set; }

    /// <summary>Exchange-local time of the next regular-hours close (cached; <see cref="DateTime.MaxValue"/>: never closes).</summary>
    public DateTime NextClose { get; set; }

    /// <summary>
    /// Orders whose cancel was decided but not yet confirmed by an order event (Canceled, Filled or Invalid), including
    /// cancels still waiting out the order latency: they may still fill, so no new order is placed on their side until
    /// they are closed.
    /// </summary>
    public List<WorkingOrder> Cancelling { get; } = new();

    /// <summary>
    /// The most aggressive limit price of our orders on the side of <paramref name="sign"/> that may still fill — the
    /// highest buy (+1) or the lowest sell (−1) among the working quote (at its known or its requested price) and the
    /// unconfirmed cancels — or null.
    /// </summary>
    public decimal? MostAggressive(int sign)
    {
        var best = (sign > 0 ? Bid : Ask)?.MostAggressivePrice;
        foreach (var order in Cancelling)
        {
            if (order.Sign == sign && (best is null || sign * order.MostAggressivePrice > sign * best))
            {
                best = order.MostAggressivePrice;
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
