using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.State;

/// <summary>
/// One resting quote the market maker has at the venue: which asset and side, the broker's order id, its limit price and size.
/// A restart uses these to adopt or cancel the open orders the brokerage reports (at most one per asset and side).
/// </summary>
public sealed record WorkingQuote
{
    /// <summary>Creates a validated working quote.</summary>
    /// <param name="asset">Index of the asset in <see cref="MarketMakingState"/> (≥ 0).</param>
    /// <param name="side">Bid or ask.</param>
    /// <param name="orderId">The order id the engine gave the quote (≥ 0).</param>
    /// <param name="limitPrice">Limit price, price units (&gt; 0).</param>
    /// <param name="quantity">Resting size, units of the asset (&gt; 0, unsigned: the side gives the sign).</param>
    public WorkingQuote(int asset, QuoteSide side, long orderId, double limitPrice, double quantity)
    {
        Asset = Guard.NonNegative(asset, nameof(asset));
        Side = Guard.Defined(side, nameof(side));
        OrderId = orderId >= 0 ? orderId : throw Guard.Invalid(nameof(orderId), $"must be >= 0, got {orderId}");
        LimitPrice = Guard.Positive(limitPrice, nameof(limitPrice));
        Quantity = Guard.Positive(quantity, nameof(quantity));
    }

    /// <summary>Index of the asset.</summary>
    public int Asset { get; }

    /// <summary>Bid or ask.</summary>
    public QuoteSide Side { get; }

    /// <summary>The engine's order id.</summary>
    public long OrderId { get; }

    /// <summary>Limit price, price units.</summary>
    public double LimitPrice { get; }

    /// <summary>Resting size, units of the asset (unsigned).</summary>
    public double Quantity { get; }
}
