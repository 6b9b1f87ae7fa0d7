using Lean.MarketMaking.Models.Estimation.Intensity;

namespace Lean.MarketMaking.Research.Calibration;

/// <summary>
/// Signs trades by the quote rule (Lee &amp; Ready 1991, "Inferring trade direction from intraday data", J. Finance 46):
/// above the prevailing mid is a buy, below a sell; a trade exactly at the mid falls back on the tick rule (above the
/// last different trade price: buy; below: sell) and is left unsigned when no earlier different price exists that day.
/// </summary>
internal sealed class TradeSigner
{
    private double _lastPrice = double.NaN;
    private TradeAggressor _lastTick = TradeAggressor.Unknown;

    /// <summary>The side of a trade at <paramref name="price"/> when the mid is <paramref name="mid"/>.</summary>
    public TradeAggressor Sign(double price, double mid)
    {
        if (!double.IsNaN(_lastPrice) && price != _lastPrice)
        {
            _lastTick = price > _lastPrice ? TradeAggressor.Buy : TradeAggressor.Sell;
        }

        _lastPrice = price;
        return price > mid ? TradeAggressor.Buy : price < mid ? TradeAggressor.Sell : _lastTick;
    }
}
