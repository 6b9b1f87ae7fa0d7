using System;

namespace Lean.MarketMaking.Indicators;

/// <summary>
/// A running open-market time axis for an online estimator fed at irregular data times: <see cref="OpenTime"/> is the
/// open-market time (<see cref="OpenMarketClock"/>) from the first time to the latest, and <see cref="Advance"/> says
/// when a close lies between the latest time and the new one, so that the caller interrupts its estimator (no return
/// across the close). Without a clock all time counts and no close is ever seen (the behaviour of a standalone
/// indicator). A value type: copy it to keep a state to return to. Allocation-free.
/// </summary>
public struct OpenMarketTimeline
{
    private readonly OpenMarketClock? _clock;
    private long _firstTicks;
    private long _lastTicks;
    private bool _started;

    /// <summary>Creates an empty time axis.</summary>
    /// <param name="clock">The security's open-market clock; null: calendar time, no closes.</param>
    public OpenMarketTimeline(OpenMarketClock? clock)
    {
        _clock = clock;
    }

    /// <summary>Open-market time from the first time to the latest (zero before any).</summary>
    public TimeSpan OpenTime { get; private set; }

    /// <summary><see cref="OpenTime"/> in seconds.</summary>
    public readonly double Seconds => OpenTime.Ticks / (double)TimeSpan.TicksPerSecond;

    /// <summary>The latest time (<see cref="DateTime.MinValue"/> before any).</summary>
    public readonly DateTime LastTime => _started ? new DateTime(_lastTicks) : DateTime.MinValue;

    /// <summary>
    /// The latest time on an open-market axis starting at the first time (first time + <see cref="OpenTime"/>): equal to
    /// <see cref="LastTime"/> until the first close, for estimators that take <see cref="DateTime"/>s.
    /// </summary>
    public readonly DateTime OpenMarketTime => new(_firstTicks + OpenTime.Ticks);

    /// <summary>
    /// Moves to <paramref name="localTime"/> (exchange local time, not before <see cref="LastTime"/>): adds its open-market
    /// time to <see cref="OpenTime"/> and returns true when a close lies in between (false for the first time).
    /// </summary>
    /// <exception cref="Lean.MarketMaking.Models.Errors.MarketMakingException">InvalidMarketData when the time goes backwards.</exception>
    public bool Advance(DateTime localTime)
    {
        if (!_started)
        {
            _started = true;
            _firstTicks = _lastTicks = localTime.Ticks;
            return false;
        }

        var interval = _clock is null
            ? OpenMarketClock.CalendarBetween(new DateTime(_lastTicks), localTime)
            : _clock.Between(new DateTime(_lastTicks), localTime);
        OpenTime += interval.OpenTime;
        _lastTicks = localTime.Ticks;
        return interval.CrossesClose;
    }

    /// <summary>Forgets every time.</summary>
    public void Reset() => this = new OpenMarketTimeline(_clock);
}
