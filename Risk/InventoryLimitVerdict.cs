namespace Lean.MarketMaking.Risk;

/// <summary>Outcome of an inventory-limit check: the action and the sizes to quote (0 on a side switched off).</summary>
/// <param name="Action">What to do.</param>
/// <param name="BidSize">Bid size to quote, in units of the asset.</param>
/// <param name="AskSize">Ask size to quote, in units of the asset.</param>
public readonly record struct InventoryLimitVerdict(InventoryLimitAction Action, decimal BidSize, decimal AskSize);
