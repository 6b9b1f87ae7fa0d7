using System.Collections.Generic;
using Lean.MarketMaking.Models.Quoting;

namespace Lean.MarketMaking.Models.Risk;

/// <summary>
/// Outcome of a stress scenario on a book: the P&amp;L of the price moves on the inventory, Σ qᵢΔSᵢ, less the rise in
/// the cost of exiting it (<see cref="StressMarket.LiquidationCost"/> after − before), currency; the shocked market; and
/// the quotes the active quoting model, rebuilt from the shocked market, gives at the shocked mids.
/// </summary>
/// <param name="Name">The scenario's name.</param>
/// <param name="PriceMovePnl">Σ qᵢΔSᵢ, currency.</param>
/// <param name="LiquidationCostChange">Exit cost after the shock minus before, currency.</param>
/// <param name="Shocked">The shocked market.</param>
/// <param name="Quotes">The post-shock quotes, one per asset.</param>
public sealed record StressResult(string Name, double PriceMovePnl, double LiquidationCostChange, StressMarket Shocked, IReadOnlyList<TwoSidedQuote> Quotes)
{
    /// <summary>The scenario's P&amp;L: <see cref="PriceMovePnl"/> − <see cref="LiquidationCostChange"/>, currency.</summary>
    public double Pnl => PriceMovePnl - LiquidationCostChange;
}
