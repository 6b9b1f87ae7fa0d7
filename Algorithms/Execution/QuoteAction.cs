namespace Lean.MarketMaking.Algorithms.Execution;

/// <summary>What the execution model does with one side (or the flattening order) of a security this step.</summary>
public enum QuoteAction
{
    /// <summary>Leave the working order (or the absence of one) as it is.</summary>
    None,

    /// <summary>Submit a new limit order.</summary>
    Place,

    /// <summary>Move the working order's price and/or quantity through its ticket.</summary>
    Update,

    /// <summary>Cancel the working order.</summary>
    Cancel,
}
