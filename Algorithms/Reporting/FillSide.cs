namespace Lean.MarketMaking.Algorithms.Reporting;

/// <summary>The side of the book a market maker's fill came from: its bid (a buy) or its ask (a sell).</summary>
public enum FillSide
{
    /// <summary>The bid was hit: the market maker bought.</summary>
    Bid,

    /// <summary>The ask was lifted: the market maker sold.</summary>
    Ask,
}
