namespace Lean.MarketMaking.Models.Simulation;

/// <summary>A top-of-book update of the synthetic market.</summary>
/// <param name="Seconds">Time since the start of its segment, seconds.</param>
/// <param name="Bid">Best bid.</param>
/// <param name="BidSize">Size at the bid, units of the asset.</param>
/// <param name="Ask">Best ask.</param>
/// <param name="AskSize">Size at the ask, units of the asset.</param>
public readonly record struct SyntheticBookUpdate(double Seconds, decimal Bid, decimal BidSize, decimal Ask, decimal AskSize);
