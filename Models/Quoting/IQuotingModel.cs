namespace Lean.MarketMaking.Models.Quoting;

/// <summary>
/// A single-asset optimal quoting model: market state in, two-sided quote out.
/// Implementations are immutable and thread-safe, allocate nothing per call, never return NaN,
/// and always return <c>Bid &lt; Ask</c>.
/// </summary>
public interface IQuotingModel
{
    /// <summary>Computes the optimal quote for the given state.</summary>
    /// <param name="snapshot">Mid, time, inventory and optional signals.</param>
    /// <returns>The two-sided quote.</returns>
    TwoSidedQuote Quote(in MarketSnapshot snapshot);
}
