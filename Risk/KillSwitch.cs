using System;

namespace Lean.MarketMaking.Risk;

/// <summary>
/// The state of a drawdown and loss kill switch: armed until the day's loss (equity at the day's first check minus
/// equity now) or the drawdown from the equity's running peak reaches its limit (<see cref="KillSwitchLimits"/>, ≥
/// trips), or until <see cref="Kill"/>; then tripped, whatever the equity does next and across days, until
/// <see cref="Rearm"/>. Re-arming restarts the peak and the day from the next equity seen. Engine-free; no allocation
/// per check.
/// </summary>
public sealed class KillSwitch
{
    private bool _restart = true;

    /// <summary>Creates an armed switch.</summary>
    public KillSwitch(KillSwitchLimits limits)
    {
        Limits = limits ?? throw Models.Errors.Guard.Invalid(nameof(limits), "must not be null");
    }

    /// <summary>The limits.</summary>
    public KillSwitchLimits Limits { get; }

    /// <summary>True once tripped, until re-armed.</summary>
    public bool IsTripped { get; private set; }

    /// <summary>Why it tripped (null while armed).</summary>
    public string? Reason { get; private set; }

    /// <summary>Time of the check at which it tripped (a manual kill: the first check after it); null while armed.</summary>
    public DateTime? TrippedAt { get; private set; }

    /// <summary>Highest equity seen since armed, account currency.</summary>
    public decimal PeakEquity { get; private set; }

    /// <summary>Equity at the current day's first check, account currency.</summary>
    public decimal DayStartEquity { get; private set; }

    /// <summary>The current day (date of the times passed to <see cref="Update"/>).</summary>
    public DateTime Day { get; private set; }

    /// <summary>
    /// Checks the limits against <paramref name="equity"/> at <paramref name="time"/> (its date is the day: pass the
    /// time in the zone whose midnight starts a trading day). Returns <see cref="IsTripped"/>.
    /// </summary>
    /// <param name="time">Time of the check.</param>
    /// <param name="equity">Portfolio value now, account currency.</param>
    public bool Update(DateTime time, decimal equity)
    {
        if (_restart || time.Date != Day)
        {
            if (_restart)
            {
                PeakEquity = equity;
                _restart = false;
            }

            Day = time.Date;
            DayStartEquity = equity;
        }

        PeakEquity = Math.Max(PeakEquity, equity);
        if (IsTripped)
        {
            TrippedAt ??= time;
            return true;
        }

        if (Limits.DailyLossLimit is { } lossLimit && DayStartEquity - equity >= lossLimit)
        {
            Trip($"daily loss {DayStartEquity - equity} reached the limit {lossLimit}");
            TrippedAt = time;
        }
        else if (Limits.MaxDrawdown is { } drawdownLimit && PeakEquity - equity >= drawdownLimit)
        {
            Trip($"drawdown {PeakEquity - equity} from the peak {PeakEquity} reached the limit {drawdownLimit}");
            TrippedAt = time;
        }

        return IsTripped;
    }

    /// <summary>Trips the switch by hand (no effect if already tripped).</summary>
    /// <param name="reason">Why, for the log and the targets' tag.</param>
    public void Kill(string reason)
    {
        if (!IsTripped)
        {
            Trip(string.IsNullOrWhiteSpace(reason) ? "manual kill" : reason);
        }
    }

    /// <summary>Re-arms a tripped switch: the peak and the day restart from the next equity passed to <see cref="Update"/>.</summary>
    public void Rearm()
    {
        IsTripped = false;
        Reason = null;
        TrippedAt = null;
        _restart = true;
    }

    private void Trip(string reason)
    {
        IsTripped = true;
        Reason = reason;
    }
}
