using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.State;

/// <summary>
/// One fill in the <see cref="FillJournal"/>: the order and the engine's event id (together they identify the fill, so a
/// restart can check each fill the engine reports is journalled exactly once), time, price, signed size and fee.
/// </summary>
public sealed record FillRecord
{
    /// <summary>Creates a validated fill record.</summary>
    /// <param name="orderId">The engine's order id (≥ 0).</param>
    /// <param name="orderEventId">The engine's event id within the order (≥ 0).</param>
    /// <param name="asset">Index of the asset (≥ 0).</param>
    /// <param name="timeUtc">Fill time, UTC.</param>
    /// <param name="fillPrice">Fill price, price units (&gt; 0).</param>
    /// <param name="fillQuantity">Signed fill size, units of the asset (&gt; 0 bought, &lt; 0 sold, never 0).</param>
    /// <param name="fee">Fee paid, account currency (≥ 0).</param>
    public FillRecord(long orderId, int orderEventId, int asset, DateTime timeUtc, double fillPrice, double fillQuantity, double fee)
    {
        OrderId = orderId >= 0 ? orderId : throw Guard.Invalid(nameof(orderId), $"must be >= 0, got {orderId}");
        OrderEventId = Guard.NonNegative(orderEventId, nameof(orderEventId));
        Asset = Guard.NonNegative(asset, nameof(asset));
        TimeUtc = DateTime.SpecifyKind(timeUtc, DateTimeKind.Utc);
        FillPrice = Guard.Positive(fillPrice, nameof(fillPrice));
        FillQuantity = Guard.Finite(fillQuantity, nameof(fillQuantity)) != 0
            ? fillQuantity
            : throw Guard.Invalid(nameof(fillQuantity), "must not be 0");
        Fee = Guard.NonNegative(fee, nameof(fee));
    }

    /// <summary>The engine's order id.</summary>
    public long OrderId { get; }

    /// <summary>The engine's event id within the order.</summary>
    public int OrderEventId { get; }

    /// <summary>Index of the asset.</summary>
    public int Asset { get; }

    /// <summary>Fill time, UTC.</summary>
    public DateTime TimeUtc { get; }

    /// <summary>Fill price, price units.</summary>
    public double FillPrice { get; }

    /// <summary>Signed fill size, units of the asset (&gt; 0 bought).</summary>
    public double FillQuantity { get; }

    /// <summary>Fee paid, account currency.</summary>
    public double Fee { get; }
}
