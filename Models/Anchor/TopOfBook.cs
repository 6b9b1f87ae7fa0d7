namespace Lean.MarketMaking.Models.Anchor;

/// <summary>
/// The best bid and ask of one contract with their displayed sizes (price units, contracts or lots): the top-of-book
/// state whose changes <see cref="BookEventClassifier"/> turns into events.
/// </summary>
/// <param name="BidPrice">Best bid, price units.</param>
/// <param name="BidSize">Size displayed at the best bid.</param>
/// <param name="AskPrice">Best ask, price units.</param>
/// <param name="AskSize">Size displayed at the best ask.</param>
public readonly record struct TopOfBook(double BidPrice, double BidSize, double AskPrice, double AskSize)
{
    /// <summary>True when both prices are finite and positive, both sizes finite and ≥ 0, and bid &lt; ask.</summary>
    public bool IsValid =>
        double.IsFinite(BidPrice) && double.IsFinite(AskPrice) && BidPrice > 0 && AskPrice > BidPrice
        && double.IsFinite(BidSize) && double.IsFinite(AskSize) && BidSize >= 0 && AskSize >= 0;

    /// <summary>Mid price (bid + ask)/2, price units.</summary>
    public double Mid => 0.5 * (BidPrice + AskPrice);
}
