namespace Lean.MarketMaking.Models.Anchor;

/// <summary>
/// A top-of-book event (Nittur Anantha, Jain, Goyal &amp; Misra 2025, arXiv:2507.05749: the tick events whose
/// arrivals the multivariate Hawkes model describes, here as they can be read from the best bid and ask alone).
/// </summary>
public enum BookEventKind
{
    /// <summary>The best bid moved up (a better bid: liquidity added in front of the queue).</summary>
    BidPriceUp,

    /// <summary>The best bid moved down (the touch was emptied by trades or cancellations, or a bid was modified down).</summary>
    BidPriceDown,

    /// <summary>Size was added at an unchanged best bid.</summary>
    BidSizeUp,

    /// <summary>Size left an unchanged best bid (a cancellation, or a fill reported through the quote).</summary>
    BidSizeDown,

    /// <summary>The best ask moved up (the touch was emptied or an ask was modified away).</summary>
    AskPriceUp,

    /// <summary>The best ask moved down (a better ask).</summary>
    AskPriceDown,

    /// <summary>Size was added at an unchanged best ask.</summary>
    AskSizeUp,

    /// <summary>Size left an unchanged best ask.</summary>
    AskSizeDown,

    /// <summary>A buyer-initiated trade (it takes the ask side).</summary>
    BuyTrade,

    /// <summary>A seller-initiated trade (it takes the bid side).</summary>
    SellTrade,
}
