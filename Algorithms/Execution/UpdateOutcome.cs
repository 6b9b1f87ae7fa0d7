namespace Lean.MarketMaking.Algorithms.Execution;

/// <summary>What became of the last update request sent for an order (<see cref="IQuoteOrderRouter.GetUpdateOutcome"/>).</summary>
public enum UpdateOutcome
{
    /// <summary>Not processed yet: the order may be at its old or its new price.</summary>
    Pending,

    /// <summary>Processed: the order is at the requested price and quantity.</summary>
    Applied,

    /// <summary>Rejected by LEAN's brokerage model or by the brokerage: the order is still at its old price and quantity.</summary>
    Rejected,
}
