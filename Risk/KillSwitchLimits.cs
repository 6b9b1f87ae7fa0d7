using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Risk;

/// <summary>
/// Limits of a <see cref="KillSwitch"/>, in the account currency: the loss allowed within a day (from the equity at
/// the day's first check) and the drawdown allowed from the equity's running peak. Either may be off (null); with both
/// off the switch trips only when killed by hand.
/// </summary>
public sealed class KillSwitchLimits
{
    /// <summary>Creates validated limits.</summary>
    /// <param name="dailyLossLimit">Largest loss within a day, account currency (&gt; 0), or null for none.</param>
    /// <param name="maxDrawdown">Largest fall from the equity's peak, account currency (&gt; 0), or null for none.</param>
    public KillSwitchLimits(decimal? dailyLossLimit, decimal? maxDrawdown)
    {
        if (dailyLossLimit is { } loss && loss <= 0)
        {
            throw Guard.Invalid(nameof(dailyLossLimit), $"must be > 0 (or null: off), got {loss}");
        }

        if (maxDrawdown is { } drawdown && drawdown <= 0)
        {
            throw Guard.Invalid(nameof(maxDrawdown), $"must be > 0 (or null: off), got {drawdown}");
        }

        DailyLossLimit = dailyLossLimit;
        MaxDrawdown = maxDrawdown;
    }

    /// <summary>No automatic limit: the switch trips only when killed by hand.</summary>
    public static KillSwitchLimits ManualOnly { get; } = new(null, null);

    /// <summary>Largest loss within a day, account currency; null = off.</summary>
    public decimal? DailyLossLimit { get; }

    /// <summary>Largest fall from the equity's running peak, account currency; null = off.</summary>
    public decimal? MaxDrawdown { get; }
}
