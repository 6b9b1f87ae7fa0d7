namespace Lean.MarketMaking.Models.State;

/// <summary>The side of the book a resting quote sits on.</summary>
public enum QuoteSide
{
    /// <summary>A resting buy order below the mid.</summary>
    Bid,

    /// <summary>A resting sell order above the mid.</summary>
    Ask,
}
