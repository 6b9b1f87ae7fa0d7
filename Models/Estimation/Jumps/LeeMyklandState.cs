using System.Collections.Immutable;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Estimation.Jumps;

/// <summary>
/// The window of a <see cref="LeeMyklandDetector"/> at one instant: the K − 2 adjacent bipower products |rᵢ||rᵢ₋₁| in
/// their ring-buffer order with their running sum (and where the exact re-summation stands), and the last observation.
/// <see cref="LeeMyklandDetector.Restore"/> continues from it exactly: the restored detector's next statistics are
/// bit-identical to the saved one's.
/// </summary>
public sealed record LeeMyklandState
{
    /// <summary>Creates a validated state.</summary>
    /// <param name="products">The window's storage, K − 2 slots (finite, ≥ 0; unused slots 0).</param>
    /// <param name="next">Slot the next product goes to, in [0, K − 2).</param>
    /// <param name="filled">Products in the window, in [0, K − 2].</param>
    /// <param name="sinceResum">Products added since the last exact re-summation, in [0, K − 2).</param>
    /// <param name="sum">Running sum of the window (finite).</param>
    /// <param name="lastTimeSeconds">Time of the last observation, seconds.</param>
    /// <param name="lastPrice">Last price (&gt; 0 once an observation was seen; 0 before).</param>
    /// <param name="lastAbsReturn">|r| of the last return.</param>
    /// <param name="count">Observations received (≥ 0).</param>
    /// <param name="hasLastPrice">Whether the next observation is differenced against the last one.</param>
    /// <param name="hasLastReturn">Whether the next return forms a product with the last one.</param>
    public LeeMyklandState(ImmutableArray<double> products, int next, int filled, int sinceResum, double sum,
        double lastTimeSeconds, double lastPrice, double lastAbsReturn, long count, bool hasLastPrice, bool hasLastReturn)
    {
        if (products.IsDefaultOrEmpty)
        {
            throw Guard.Invalid(nameof(products), "must hold the window's K - 2 slots");
        }

        for (var i = 0; i < products.Length; i++)
        {
            Guard.NonNegative(products[i], $"{nameof(products)}[{i}]");
        }

        var capacity = products.Length;
        Products = products;
        Next = next >= 0 && next < capacity ? next : throw Guard.Invalid(nameof(next), $"must be in [0, {capacity}), got {next}");
        Filled = filled >= 0 && filled <= capacity ? filled : throw Guard.Invalid(nameof(filled), $"must be in [0, {capacity}], got {filled}");
        SinceResum = sinceResum >= 0 && sinceResum < capacity ? sinceResum : throw Guard.Invalid(nameof(sinceResum), $"must be in [0, {capacity}), got {sinceResum}");
        Sum = Guard.Finite(sum, nameof(sum));
        LastTimeSeconds = Guard.Finite(lastTimeSeconds, nameof(lastTimeSeconds));
        LastPrice = Guard.NonNegative(lastPrice, nameof(lastPrice));
        LastAbsReturn = Guard.NonNegative(lastAbsReturn, nameof(lastAbsReturn));
        Count = count >= 0 ? count : throw Guard.Invalid(nameof(count), $"must be >= 0, got {count}");
        HasLastPrice = hasLastPrice && lastPrice > 0
            ? true
            : !hasLastPrice ? false : throw Guard.Invalid(nameof(lastPrice), "must be > 0 when the next observation is differenced against it");
        HasLastReturn = hasLastReturn;
    }

    /// <summary>The window's storage, K − 2 slots, in ring-buffer order.</summary>
    public ImmutableArray<double> Products { get; }

    /// <summary>Slot the next product goes to.</summary>
    public int Next { get; }

    /// <summary>Products in the window.</summary>
    public int Filled { get; }

    /// <summary>Products added since the last exact re-summation.</summary>
    public int SinceResum { get; }

    /// <summary>Running sum of the window.</summary>
    public double Sum { get; }

    /// <summary>Time of the last observation, seconds.</summary>
    public double LastTimeSeconds { get; }

    /// <summary>Last price.</summary>
    public double LastPrice { get; }

    /// <summary>|r| of the last return.</summary>
    public double LastAbsReturn { get; }

    /// <summary>Observations received.</summary>
    public long Count { get; }

    /// <summary>Whether the next observation is differenced against the last one.</summary>
    public bool HasLastPrice { get; }

    /// <summary>Whether the next return forms a product with the last one.</summary>
    public bool HasLastReturn { get; }
}
