namespace Lean.MarketMaking.Algorithms.Execution;

/// <summary>
/// The execution model's order-request budgets: one per symbol (each security has its own bucket) and one for the
/// account (shared by every security of the model). Null budgets are unlimited.
/// </summary>
public sealed class OrderRateLimits
{
    /// <summary>No limit at all (LEAN's default brokerage model, backtests that should not be throttled).</summary>
    public static readonly OrderRateLimits None = new(null, null);

    /// <summary>Creates the budgets.</summary>
    /// <param name="perSymbol">Budget of each security, or null for none.</param>
    /// <param name="perAccount">Budget of the account (all securities of the model together), or null for none.</param>
    public OrderRateLimits(OrderRateLimit? perSymbol, OrderRateLimit? perAccount)
    {
        PerSymbol = perSymbol;
        PerAccount = perAccount;
    }

    /// <summary>Budget of each security, or null.</summary>
    public OrderRateLimit? PerSymbol { get; }

    /// <summary>Budget of the account, or null.</summary>
    public OrderRateLimit? PerAccount { get; }

    /// <inheritdoc />
    public override string ToString() => $"per symbol {PerSymbol?.ToString() ?? "none"}, per account {PerAccount?.ToString() ?? "none"}";
}
