namespace Lean.MarketMaking.Indicators;

/// <summary>
/// Lee &amp; Ready (1991, "Inferring trade direction from intraday data", Journal of Finance 46(2)) trade classification:
/// the quote rule (a trade above the prevailing mid is buyer-initiated, below it seller-initiated) and, for trades at the
/// mid or without a quote, the tick test (above the previous trade price: buy; below: sell; at the same price: the
/// direction of the last price change, the zero-tick rule). Allocation-free; not thread-safe.
/// </summary>
internal struct TradeSigner
{
    private double _lastPrice;
    private int _lastChange;

    /// <summary>Signs a trade at <paramref name="price"/> against <paramref name="mid"/> (NaN: no quote): +1 buy, −1 sell, 0 unknown.</summary>
    public int Sign(double price, double mid)
    {
        if (_lastPrice > 0 && price != _lastPrice)
        {
            _lastChange = price > _lastPrice ? 1 : -1;
        }

        _lastPrice = price;
        return price > mid ? 1 : price < mid ? -1 : _lastChange;
    }

    /// <summary>Forgets the previous trades.</summary>
    public void Clear()
    {
        _lastPrice = 0;
        _lastChange = 0;
    }
}
