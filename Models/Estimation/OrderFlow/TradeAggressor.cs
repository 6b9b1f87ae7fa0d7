namespace Lean.MarketMaking.Models.Estimation.OrderFlow;

/// <summary>Which side initiated a trade, when the data says so.</summary>
public enum TradeAggressor
{
    /// <summary>Not recorded: the trade is classified by its price against the prior mid (above: buy, below: sell, at: ignored).</summary>
    Unknown,

    /// <summary>A buyer lifted the ask: the trade reaches depth price − mid on the ask side.</summary>
    Buy,

    /// <summary>A seller hit the bid: the trade reaches depth mid − price on the bid side.</summary>
    Sell,
}
