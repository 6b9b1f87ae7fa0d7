using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Risk;

/// <summary>
/// Position monitoring and mark-to-market P&amp;L attribution of one asset of a market maker's book.
/// <para>
/// Every price reference — a mark (<see cref="Mark"/>: the mid, or the valuation price) and the mid at each fill —
/// revalues the inventory held since the previous one: inventory P&amp;L += q·(m − m_prev). A fill of signed quantity
/// Δq (+ bought, − sold) at price p with the mid m at the fill adds its spread capture Δq·(m − p) (positive when bought
/// below or sold above the mid) and then changes q. Fees (rebates negative) are given in the account currency. Every
/// quote-currency figure is multiplied by the contract multiplier and by the quote → account conversion rate of the
/// last update. The identity
/// </para>
/// <para>spread capture + inventory P&amp;L − fees = total = (cash flow + q·m)·rate − fees</para>
/// <para>
/// holds exactly by construction (the quote-currency sum telescopes; decimal arithmetic), whatever the sequence.
/// Realised and unrealised P&amp;L follow LEAN's average-cost rule (<c>SecurityPortfolioModel.ProcessFill</c>): a fill
/// that increases the position moves the average price to the quantity-weighted mean; one that reduces it realises
/// (p − average)·(quantity closed), converted at that fill's rate, and keeps the average; one that crosses zero opens
/// the rest at p. Unrealised = q·(m − average) at the current rate, marked at m (LEAN's own <c>UnrealizedProfit</c>
/// marks a long at the bid and a short at the ask, i.e. includes the half-spread to exit). With a constant rate,
/// realised + unrealised = spread capture + inventory P&amp;L. Engine-free, allocation-free.
/// </para>
/// </summary>
public sealed class AttributionPosition
{
    private decimal _spreadQuote;
    private decimal _inventoryQuote;

    /// <summary>Creates a flat position.</summary>
    /// <param name="name">Name of the asset (its ticker), for reports.</param>
    /// <param name="contractMultiplier">Currency value of one unit of price change per unit of the asset (&gt; 0; 1 for spot).</param>
    public AttributionPosition(string name, decimal contractMultiplier = 1m)
    {
        Name = string.IsNullOrWhiteSpace(name) ? throw Guard.Invalid(nameof(name), "must not be empty") : name;
        if (contractMultiplier <= 0)
        {
            throw Guard.Invalid(nameof(contractMultiplier), $"must be > 0, got {contractMultiplier}");
        }

        ContractMultiplier = contractMultiplier;
    }

    /// <summary>Name of the asset.</summary>
    public string Name { get; }

    /// <summary>Currency value of one unit of price change per unit of the asset.</summary>
    public decimal ContractMultiplier { get; }

    /// <summary>Signed inventory, units of the asset.</summary>
    public decimal Inventory { get; private set; }

    /// <summary>Last mark (the mid, or the valuation price), quote currency; 0 before the first price.</summary>
    public decimal MarkPrice { get; private set; }

    /// <summary>Quote → account currency conversion rate of the last update (1 until one is given).</summary>
    public decimal ConversionRate { get; private set; } = 1m;

    /// <summary>Average entry price of the inventory (LEAN's average-cost rule), quote currency; 0 when flat.</summary>
    public decimal AveragePrice { get; private set; }

    /// <summary>Inventory valued at the mark, account currency (signed).</summary>
    public decimal Exposure => Inventory * MarkPrice * ContractMultiplier * ConversionRate;

    /// <summary>Σ Δq·(mid at the fill − fill price), account currency at the current rate.</summary>
    public decimal SpreadCapture => _spreadQuote * ContractMultiplier * ConversionRate;

    /// <summary>Σ q·(mark move) over the held inventory, account currency at the current rate.</summary>
    public decimal InventoryPnl => _inventoryQuote * ContractMultiplier * ConversionRate;

    /// <summary>Fees paid (rebates negative), account currency.</summary>
    public decimal Fees { get; private set; }

    /// <summary>Total mark-to-market P&amp;L net of fees, account currency: <see cref="SpreadCapture"/> + <see cref="InventoryPnl"/> − <see cref="Fees"/>.</summary>
    public decimal Total => SpreadCapture + InventoryPnl - Fees;

    /// <summary>P&amp;L realised by reducing fills (average cost, before fees), account currency at each fill's rate.</summary>
    public decimal Realised { get; private set; }

    /// <summary>q·(mark − average price), account currency at the current rate (before fees).</summary>
    public decimal Unrealised => Inventory * (MarkPrice - AveragePrice) * ContractMultiplier * ConversionRate;

    /// <summary>Number of fills recorded.</summary>
    public int Fills { get; private set; }

    /// <summary>Drawdown of <see cref="Total"/> from its peak.</summary>
    public AttributionDrawdown Drawdown { get; } = new();

    /// <summary>
    /// Marks the position at <paramref name="price"/>: the inventory held earns q·(price − last mark). A non-positive
    /// price or rate is ignored (returns false, nothing changes); the first price only sets the mark.
    /// </summary>
    /// <param name="price">Mark price (the mid, or the valuation price), quote currency.</param>
    /// <param name="conversionRate">Quote → account currency rate now (&gt; 0).</param>
    public bool Mark(decimal price, decimal conversionRate = 1m)
    {
        if (price <= 0 || conversionRate <= 0)
        {
            return false;
        }

        MoveMark(price);
        ConversionRate = conversionRate;
        Drawdown.Update(Total);
        return true;
    }

    /// <summary>
    /// Records a fill: marks to <paramref name="mid"/> first, then adds the spread capture Δq·(mid − price), the fee,
    /// and the realised P&amp;L and average price by LEAN's rule. A zero quantity or a non-positive price or rate is
    /// ignored (returns false). Without a usable mid (≤ 0) the last mark stands in, or the fill price before any mark
    /// (no spread capture counted: stated, pessimistic for a passive fill).
    /// </summary>
    /// <param name="signedQuantity">Filled quantity, + bought, − sold, units of the asset.</param>
    /// <param name="price">Fill price, quote currency.</param>
    /// <param name="mid">Mid of the book at the fill, quote currency.</param>
    /// <param name="fee">Fee of the fill in the account currency (a rebate is negative).</param>
    /// <param name="conversionRate">Quote → account currency rate at the fill (&gt; 0).</param>
    public bool Fill(decimal signedQuantity, decimal price, decimal mid, decimal fee = 0m, decimal conversionRate = 1m)
    {
        if (signedQuantity == 0 || price <= 0 || conversionRate <= 0)
        {
            return false;
        }

        var reference = mid > 0 ? mid : MarkPrice > 0 ? MarkPrice : price;
        MoveMark(reference);
        ConversionRate = conversionRate;
        _spreadQuote += signedQuantity * (reference - price);
        Fees += fee;
        ApplyAverageCost(signedQuantity, price, conversionRate);
        Fills++;
        Drawdown.Update(Total);
        return true;
    }

    private void MoveMark(decimal price)
    {
        if (MarkPrice > 0)
        {
            _inventoryQuote += Inventory * (price - MarkPrice);
        }

        MarkPrice = price;
    }

    // LEAN: Common/Securities/SecurityPortfolioModel.cs, ProcessFill and ProcessCloseTradeProfit
    private void ApplyAverageCost(decimal quantity, decimal price, decimal rate)
    {
        var held = Inventory;
        if (held != 0 && Math.Sign(quantity) != Math.Sign(held))
        {
            var closed = Math.Min(Math.Abs(quantity), Math.Abs(held)) * Math.Sign(held);
            Realised += closed * (price - AveragePrice) * ContractMultiplier * rate;
        }

        var after = held + quantity;
        if (held == 0 || Math.Sign(after) != Math.Sign(held) && after != 0)
        {
            AveragePrice = price; // opened, or crossed zero: the rest opens at the fill price
        }
        else if (after == 0)
        {
            AveragePrice = 0;
        }
        else if (Math.Sign(quantity) == Math.Sign(held))
        {
            AveragePrice = ((AveragePrice * held) + (quantity * price)) / after;
        }

        Inventory = after;
    }
}
