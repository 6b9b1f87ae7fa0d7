using System;

namespace Lean.MarketMaking.Models.Anchor;

/// <summary>
/// Classifies changes of the best bid and ask into <see cref="BookEventKind"/> events and says which are
/// <em>reference-impacting</em> (arXiv:2507.05749: the paper models trades, cancellations and downward price
/// modifications as the events that move a contract's reference price; the ratio of these to all events is its
/// arrival ratio). Each side of the book gives at most one event per update: a price change (whatever the size did),
/// else a size change.
/// </summary>
/// <remarks>
/// The paper reads an exchange's order-by-order feed, where cancellations and modifications are explicit. From top of
/// book they are inferred (a derivation, not the paper's): a size decrease at an unchanged touch is a cancellation (or
/// a fill the feed reports through the quote: with separate trade and quote records such a fill is counted twice), a
/// touch moving away from the mid (bid down, ask up) is the book emptying or an order modified away. Reference-impacting
/// here means liquidity leaving the touch: trades, size decreases, bid down, ask up. Override
/// <see cref="IsReferenceImpacting"/> to change the set.
/// </remarks>
public class BookEventClassifier
{
    /// <summary>The most events one book update can produce (one per side).</summary>
    public const int MaxEventsPerUpdate = 2;

    /// <summary>
    /// Writes the events that turn <paramref name="previous"/> into <paramref name="current"/> into
    /// <paramref name="destination"/> (bid side first) and returns how many (0, 1 or 2). Allocation-free.
    /// </summary>
    /// <param name="previous">The book before the update.</param>
    /// <param name="current">The book after it.</param>
    /// <param name="destination">At least <see cref="MaxEventsPerUpdate"/> entries.</param>
    public int Classify(in TopOfBook previous, in TopOfBook current, Span<BookEventKind> destination)
    {
        var n = 0;
        if (current.BidPrice != previous.BidPrice)
        {
            destination[n++] = current.BidPrice > previous.BidPrice ? BookEventKind.BidPriceUp : BookEventKind.BidPriceDown;
        }
        else if (current.BidSize != previous.BidSize)
        {
            destination[n++] = current.BidSize > previous.BidSize ? BookEventKind.BidSizeUp : BookEventKind.BidSizeDown;
        }

        if (current.AskPrice != previous.AskPrice)
        {
            destination[n++] = current.AskPrice > previous.AskPrice ? BookEventKind.AskPriceUp : BookEventKind.AskPriceDown;
        }
        else if (current.AskSize != previous.AskSize)
        {
            destination[n++] = current.AskSize > previous.AskSize ? BookEventKind.AskSizeUp : BookEventKind.AskSizeDown;
        }

        return n;
    }

    /// <summary>The trade event of a trade initiated by a buyer (<paramref name="buyerInitiated"/>) or a seller.</summary>
    /// <param name="buyerInitiated">True when the aggressor bought (took the ask).</param>
    public static BookEventKind Trade(bool buyerInitiated) => buyerInitiated ? BookEventKind.BuyTrade : BookEventKind.SellTrade;

    /// <summary>True for events on the bid side (including seller-initiated trades, which take the bid).</summary>
    /// <param name="kind">The event.</param>
    public static bool IsBidSide(BookEventKind kind) => kind is BookEventKind.BidPriceUp or BookEventKind.BidPriceDown
        or BookEventKind.BidSizeUp or BookEventKind.BidSizeDown or BookEventKind.SellTrade;

    /// <summary>
    /// True when the event removes liquidity from the touch (trade, size decrease, bid down, ask up): the
    /// reference-impacting events of the arrival ratio. Override to use another set.
    /// </summary>
    /// <param name="kind">The event.</param>
    public virtual bool IsReferenceImpacting(BookEventKind kind) => kind is BookEventKind.BuyTrade or BookEventKind.SellTrade
        or BookEventKind.BidSizeDown or BookEventKind.AskSizeDown or BookEventKind.BidPriceDown or BookEventKind.AskPriceUp;

    /// <summary>
    /// The node of the four-node Hawkes model of one contract (<see cref="AnchorHawkesNodes"/>): book side × impacting.
    /// </summary>
    /// <param name="kind">The event.</param>
    public int Node(BookEventKind kind) =>
        (IsBidSide(kind) ? AnchorHawkesNodes.BidImpacting : AnchorHawkesNodes.AskImpacting) + (IsReferenceImpacting(kind) ? 0 : 1);
}
