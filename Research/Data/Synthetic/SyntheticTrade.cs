namespace Lean.MarketMaking.Research.Data.Synthetic;

/// <summary>A market order's execution.</summary>
/// <param name="Milliseconds">Milliseconds since midnight UTC.</param>
/// <param name="Price">Trade price.</param>
/// <param name="Quantity">Traded quantity, units of the asset (positive).</param>
/// <param name="IsBuy">True for a buyer-initiated trade (lifting the ask).</param>
public readonly record struct SyntheticTrade(long Milliseconds, decimal Price, decimal Quantity, bool IsBuy);
