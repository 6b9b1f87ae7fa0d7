namespace Lean.MarketMaking.Risk;

/// <summary>What <see cref="InventoryLimits.Evaluate"/> asks the risk model to do with a quote.</summary>
public enum InventoryLimitAction
{
    /// <summary>Both sides fit inside the limits: leave the quote as it is.</summary>
    Keep,

    /// <summary>A side would breach its limit if everything working on it filled: quote with that side's size at 0.</summary>
    OneSided,

    /// <summary>Holdings are already beyond a limit: cancel the quotes and reduce holdings to the limit (<see cref="InventoryLimits.ReductionTarget"/>).</summary>
    Reduce,
}
