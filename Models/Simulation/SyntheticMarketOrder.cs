namespace Lean.MarketMaking.Models.Simulation;

/// <summary>A market order's execution in the synthetic market.</summary>
/// <param name="Seconds">Time since the start of its segment, seconds.</param>
/// <param name="Price">Trade price.</param>
/// <param name="Quantity">Traded quantity, units of the asset (positive).</param>
/// <param name="IsBuy">True for a buyer-initiated trade (lifting the ask).</param>
public readonly record struct SyntheticMarketOrder(double Seconds, decimal Price, decimal Quantity, bool IsBuy);
