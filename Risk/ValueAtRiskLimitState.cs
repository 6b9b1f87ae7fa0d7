namespace Lean.MarketMaking.Risk;

/// <summary>Where the inventory's value at risk stands against <see cref="ValueAtRiskLimits"/>.</summary>
public enum ValueAtRiskLimitState
{
    /// <summary>Not enough samples for a covariance yet: no VaR, no adjustment.</summary>
    WarmingUp,

    /// <summary>VaR ≤ soft limit: quotes pass untouched.</summary>
    Normal,

    /// <summary>Soft &lt; VaR &lt; hard limit: risk-increasing sides are scaled down linearly.</summary>
    Scaling,

    /// <summary>Hard ≤ VaR ≤ reduce limit: only risk-reducing sides are quoted.</summary>
    ReducingOnly,

    /// <summary>VaR &gt; reduce limit: the positions are scaled back to the hard limit.</summary>
    Reducing,
}
