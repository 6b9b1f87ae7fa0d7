namespace Lean.MarketMaking.Research.Data.Synthetic;

/// <summary>A top-of-book update.</summary>
/// <param name="Milliseconds">Milliseconds since midnight UTC.</param>
/// <param name="Bid">Best bid.</param>
/// <param name="BidSize">Size at the bid, units of the asset.</param>
/// <param name="Ask">Best ask.</param>
/// <param name="AskSize">Size at the ask, units of the asset.</param>
public readonly record struct SyntheticQuote(long Milliseconds, decimal Bid, decimal BidSize, decimal Ask, decimal AskSize);
