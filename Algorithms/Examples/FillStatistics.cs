using System;

namespace Lean.MarketMaking.Algorithms.Examples;

/// <summary>
/// Running statistics of a market maker's fills, reported by the example algorithms as LEAN runtime statistics:
/// the number of fills, the average spread captured per unit filled (price units: mid − price for a buy,
/// price − mid for a sell, with the mid of the book when the fill was reported, so a fill at the touch of a
/// one-tick market captures half a tick), the range of the inventory after each fill (units of the asset), and the
/// fills and fees split into maker (passive quotes) and taker (marketable orders), fees in the account currency
/// (a rebate is a negative fee).
/// </summary>
public sealed class FillStatistics
{
    private decimal _capturedTimesQuantity;
    private decimal _filledQuantity;

    /// <summary>Number of fill events (partial fills count one each).</summary>
    public int Fills { get; private set; }

    /// <summary>Smallest inventory seen after a fill (0 before the first fill), units of the asset.</summary>
    public decimal MinInventory { get; private set; }

    /// <summary>Largest inventory seen after a fill (0 before the first fill), units of the asset.</summary>
    public decimal MaxInventory { get; private set; }

    /// <summary>Fill events of passive quotes (maker).</summary>
    public int MakerFills { get; private set; }

    /// <summary>Fill events of marketable orders (taker).</summary>
    public int TakerFills { get; private set; }

    /// <summary>Fees paid on maker fills, account currency (rebates negative).</summary>
    public decimal MakerFees { get; private set; }

    /// <summary>Fees paid on taker fills, account currency.</summary>
    public decimal TakerFees { get; private set; }

    /// <summary>Quantity-weighted average spread captured per unit filled, price units (0 before the first fill).</summary>
    public decimal AverageSpreadCaptured => _filledQuantity == 0 ? 0m : _capturedTimesQuantity / _filledQuantity;

    /// <summary>Records one fill.</summary>
    /// <param name="fillQuantity">Signed fill quantity (+ bought, − sold), units of the asset; a zero quantity is ignored.</param>
    /// <param name="fillPrice">Fill price.</param>
    /// <param name="mid">Mid of the book when the fill was reported.</param>
    /// <param name="inventoryAfter">Holdings after the fill, units of the asset.</param>
    /// <returns>The spread captured per unit by this fill, price units.</returns>
    public decimal Record(decimal fillQuantity, decimal fillPrice, decimal mid, decimal inventoryAfter)
    {
        if (fillQuantity == 0)
        {
            return 0m;
        }

        var captured = Math.Sign(fillQuantity) * (mid - fillPrice);
        var size = Math.Abs(fillQuantity);
        _capturedTimesQuantity += captured * size;
        _filledQuantity += size;
        MinInventory = Fills == 0 ? inventoryAfter : Math.Min(MinInventory, inventoryAfter);
        MaxInventory = Fills == 0 ? inventoryAfter : Math.Max(MaxInventory, inventoryAfter);
        Fills++;
        return captured;
    }

    /// <summary>Records a fill event's liquidity and fee.</summary>
    /// <param name="maker">True for a fill of a passive quote, false for a marketable order's.</param>
    /// <param name="fee">The event's fee in the account currency (LEAN charges an order's whole fee on its last fill event).</param>
    public void RecordLiquidity(bool maker, decimal fee)
    {
        if (maker)
        {
            MakerFills++;
            MakerFees += fee;
        }
        else
        {
            TakerFills++;
            TakerFees += fee;
        }
    }
}
