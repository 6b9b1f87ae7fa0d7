using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Algorithms.PortfolioConstruction;

/// <summary>
/// Maps the exchange-local clock to a quoting model's time t. The finite-horizon models (Avellaneda–Stoikov 2008;
/// Guéant–Lehalle–Fernandez-Tapia 2013) measure t from the start of a trading session in the unit of their
/// volatility and intensities, and quote for t ∈ [0, T]. Here the session starts every day at
/// <see cref="SessionStart"/> (exchange-local time of day: 09:30 for US equities, 00:00 for 24/7 crypto) and
/// t = (local time − most recent session start) / <see cref="TimeUnit"/>, so t runs from 0 to one day in time units
/// and restarts at the next session. The model's horizon T must be given in the same unit.
/// </summary>
public sealed class MarketMakingClock
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);

    /// <summary>Creates a validated clock.</summary>
    /// <param name="sessionStart">Exchange-local time of day at which t = 0, in [00:00, 24:00).</param>
    /// <param name="timeUnit">Length of one model time unit (e.g. 1 second, or the whole session for t ∈ [0, 1]); &gt; 0.</param>
    public MarketMakingClock(TimeSpan sessionStart, TimeSpan timeUnit)
    {
        if (sessionStart < TimeSpan.Zero || sessionStart >= Day)
        {
            throw Guard.Invalid(nameof(sessionStart), $"must be a time of day in [00:00, 24:00), got {sessionStart}");
        }

        Guard.Positive(timeUnit.TotalSeconds, nameof(timeUnit));
        SessionStart = sessionStart;
        TimeUnit = timeUnit;
    }

    /// <summary>Exchange-local time of day at which a session, and t, start.</summary>
    public TimeSpan SessionStart { get; }

    /// <summary>Length of one model time unit.</summary>
    public TimeSpan TimeUnit { get; }

    /// <summary>Model time t ≥ 0, in time units since the most recent session start.</summary>
    public double ToModelTime(DateTime localTime)
    {
        var sinceStart = localTime.TimeOfDay - SessionStart;
        if (sinceStart < TimeSpan.Zero)
        {
            sinceStart += Day;
        }

        return sinceStart.Ticks / (double)TimeUnit.Ticks;
    }
}
