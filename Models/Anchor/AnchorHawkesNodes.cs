namespace Lean.MarketMaking.Models.Anchor;

/// <summary>
/// The four nodes of each contract's multivariate Hawkes process (arXiv:2507.05749: events per book side, split
/// into reference-impacting and other events so the model forecasts both the numerator and the denominator of the
/// arrival ratio). The split into exactly these four nodes is this implementation's reading of the paper.
/// </summary>
public static class AnchorHawkesNodes
{
    /// <summary>Reference-impacting events on the bid side (seller-initiated trades, bid size down, bid down).</summary>
    public const int BidImpacting = 0;

    /// <summary>Other bid-side events (bid up, bid size up).</summary>
    public const int BidOther = 1;

    /// <summary>Reference-impacting events on the ask side (buyer-initiated trades, ask size down, ask up).</summary>
    public const int AskImpacting = 2;

    /// <summary>Other ask-side events (ask down, ask size up).</summary>
    public const int AskOther = 3;

    /// <summary>Number of nodes per contract.</summary>
    public const int Count = 4;

    /// <summary>True for the two reference-impacting nodes.</summary>
    /// <param name="node">A node index, 0 … 3.</param>
    public static bool IsImpacting(int node) => node is BidImpacting or AskImpacting;
}
