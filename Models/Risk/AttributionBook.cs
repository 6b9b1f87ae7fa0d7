using System;
using System.Collections.Generic;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Risk;

/// <summary>
/// Position monitoring and P&amp;L attribution of a book of assets (<see cref="AttributionPosition"/> each): per-asset
/// figures and their totals in the account currency — gross and net exposure, spread capture, inventory P&amp;L, fees,
/// realised and unrealised P&amp;L, total mark-to-market P&amp;L — and the drawdown of the total from its peak (not the
/// sum of the assets' drawdowns: their peaks need not coincide). Assets are addressed by index. Engine-free; an update
/// costs O(n) for the total's drawdown and allocates nothing.
/// </summary>
public sealed class AttributionBook
{
    private readonly AttributionPosition[] _positions;

    /// <summary>Creates a flat book of <paramref name="positions"/>.</summary>
    /// <param name="positions">One flat position per asset (at least one).</param>
    public AttributionBook(IReadOnlyList<AttributionPosition> positions)
    {
        if (positions is null || positions.Count == 0)
        {
            throw Guard.Invalid(nameof(positions), "needs at least one position");
        }

        _positions = new AttributionPosition[positions.Count];
        for (var i = 0; i < _positions.Length; i++)
        {
            _positions[i] = positions[i] ?? throw Guard.Invalid(nameof(positions), $"position {i} is null");
        }
    }

    /// <summary>The positions, in index order.</summary>
    public IReadOnlyList<AttributionPosition> Positions => _positions;

    /// <summary>Drawdown of <see cref="Total"/> from its peak.</summary>
    public AttributionDrawdown Drawdown { get; } = new();

    /// <summary>Σ |exposure|, account currency.</summary>
    public decimal GrossExposure => Sum(static p => Math.Abs(p.Exposure));

    /// <summary>Σ exposure, account currency (signed).</summary>
    public decimal NetExposure => Sum(static p => p.Exposure);

    /// <summary>Σ spread capture, account currency.</summary>
    public decimal SpreadCapture => Sum(static p => p.SpreadCapture);

    /// <summary>Σ inventory P&amp;L, account currency.</summary>
    public decimal InventoryPnl => Sum(static p => p.InventoryPnl);

    /// <summary>Σ fees (rebates negative), account currency.</summary>
    public decimal Fees => Sum(static p => p.Fees);

    /// <summary>Σ realised P&amp;L (before fees), account currency.</summary>
    public decimal Realised => Sum(static p => p.Realised);

    /// <summary>Σ unrealised P&amp;L, account currency.</summary>
    public decimal Unrealised => Sum(static p => p.Unrealised);

    /// <summary>Total mark-to-market P&amp;L net of fees: Σ per-asset totals = spread capture + inventory P&amp;L − fees.</summary>
    public decimal Total => Sum(static p => p.Total);

    /// <summary>Marks asset <paramref name="asset"/> (<see cref="AttributionPosition.Mark"/>) and updates the total's drawdown.</summary>
    public bool Mark(int asset, decimal price, decimal conversionRate = 1m) =>
        Updated(_positions[asset].Mark(price, conversionRate));

    /// <summary>Records a fill of asset <paramref name="asset"/> (<see cref="AttributionPosition.Fill"/>) and updates the total's drawdown.</summary>
    public bool Fill(int asset, decimal signedQuantity, decimal price, decimal mid, decimal fee = 0m, decimal conversionRate = 1m) =>
        Updated(_positions[asset].Fill(signedQuantity, price, mid, fee, conversionRate));

    private bool Updated(bool changed)
    {
        if (changed)
        {
            Drawdown.Update(Total);
        }

        return changed;
    }

    private decimal Sum(Func<AttributionPosition, decimal> figure)
    {
        var sum = 0m;
        foreach (var position in _positions)
        {
            sum += figure(position);
        }

        return sum;
    }
}
