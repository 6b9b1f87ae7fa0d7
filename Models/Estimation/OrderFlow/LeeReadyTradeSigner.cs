namespace Lean.MarketMaking.Models.Estimation.OrderFlow;

/// <summary>
/// Lee &amp; Ready (1991), "Inferring trade direction from intraday data", Journal of Finance 46(2): the quote rule (a
/// trade above the prevailing mid is buyer-initiated, below it seller-initiated) and, for a trade at the mid or without
/// a quote (mid NaN), the tick test (above the last different trade price: buy; below: sell; a zero tick keeps the
/// direction of the last price change). A trade at the mid before any price change is <see cref="TradeAggressor.Unknown"/>.
/// A mutable value type: allocation-free, not thread-safe; <c>default</c> is a signer that has seen no trade.
/// </summary>
public struct LeeReadyTradeSigner
{
    private double _lastPrice;
    private TradeAggressor _lastChange;

    /// <summary>
    /// The quote rule alone: <see cref="TradeAggressor.Buy"/> above <paramref name="mid"/>, <see cref="TradeAggressor.Sell"/>
    /// below, <see cref="TradeAggressor.Unknown"/> at the mid or when the mid is NaN.
    /// </summary>
    public static TradeAggressor QuoteRule(double price, double mid) =>
        price > mid ? TradeAggressor.Buy : price < mid ? TradeAggressor.Sell : TradeAggressor.Unknown;

    /// <summary>Signs a trade at <paramref name="price"/> (&gt; 0) against the prevailing <paramref name="mid"/> (NaN: no quote), and records it for the tick test.</summary>
    public TradeAggressor Sign(double price, double mid)
    {
        if (_lastPrice > 0 && price != _lastPrice)
        {
            _lastChange = price > _lastPrice ? TradeAggressor.Buy : TradeAggressor.Sell;
        }

        _lastPrice = price;
        var side = QuoteRule(price, mid);
        return side == TradeAggressor.Unknown ? _lastChange : side;
    }

    /// <summary>Forgets every trade seen (e.g. at a session boundary).</summary>
    public void Reset() => this = default;
}
