using System;

namespace Lean.MarketMaking.Models.Quoting;

/// <summary>
/// A quoting model for n assets whose quotes for asset i depend on the whole inventory vector.
/// Writes into a caller-owned span so the hot path allocates nothing.
/// </summary>
public interface IMultiAssetQuotingModel
{
    /// <summary>Number of assets n.</summary>
    int AssetCount { get; }

    /// <summary>Computes the quotes of every asset.</summary>
    /// <param name="mids">Mid prices, length n.</param>
    /// <param name="inventory">Signed inventories in units of each asset, length n.</param>
    /// <param name="time">Current time in the model's time unit.</param>
    /// <param name="quotes">Destination, length n.</param>
    void Quote(ReadOnlySpan<double> mids, ReadOnlySpan<double> inventory, double time, Span<TwoSidedQuote> quotes);
}
