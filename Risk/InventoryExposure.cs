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

    /// <summary>Reads holdings and the open order tickets of <paramref name="security"/> from the algorithm.</summary>
    public static InventoryExposure Of(QCAlgorithm algorithm, Security security)
    {
        decimal buys = 0, sells = 0;
        foreach (var ticket in algorithm.Transactions.GetOpenOrderTickets(security.Symbol))
        {
            var remaining = ticket.QuantityRemaining;
            if (remaining > 0)
            {
                buys += remaining;
            }
            else
            {
                sells -= remaining;
            }
        }

        return new InventoryExposure(security.Holdings.Quantity, buys, sells);
    }
}
