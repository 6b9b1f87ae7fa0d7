using System;
using Lean.MarketMaking.Models.Errors;
using QuantConnect.Securities;

namespace Lean.MarketMaking.Indicators;

/// <summary>
/// Open-market time from LEAN's exchange hours (<see cref="SecurityExchangeHours"/>): for two consecutive data times in
/// the exchange's local time zone (a security's <c>LocalTime</c>, or the time of the data LEAN delivers), whether a market
/// close lies between them and for how long between them the market was open. The online estimators measure
/// time in these seconds and drop the return across a close, so closed time neither dilutes a variance per second, nor
/// ages a weight, nor counts as exposure.
/// <list type="bullet">
/// <item>A market that is always open (crypto) has no closes: every interval is calendar time.</item>
/// <item>A gap in the data while the market is open (a feed outage on a 24-hour market) is not a close: the return spans
/// it and its length counts as open time.</item>
/// <item>Between a time at or after a close and the next time, the open seconds are those of the two partial sessions at
/// either end: a whole session with no data in between is not counted.</item>
/// </list>
/// Allocation-free: the open stretch around the latest time is cached, so LEAN's calendar is consulted about once per
/// session. One clock may serve several indicators of the same security. Not thread-safe.
/// </summary>
public class OpenMarketClock
{
    private readonly SecurityExchangeHours _hours;
    private DateTime _stretchStart = DateTime.MaxValue;
    private DateTime _stretchEnd = DateTime.MinValue;

    /// <summary>Creates a clock over a security's exchange hours (<c>security.Exchange.Hours</c>).</summary>
    /// <param name="hours">The exchange hours.</param>
    /// <param name="extendedMarketHours">True: pre- and post-market count as open; false: the regular session only.</param>
    public OpenMarketClock(SecurityExchangeHours hours, bool extendedMarketHours = false)
    {
        _hours = hours ?? throw Guard.Invalid(nameof(hours), "must not be null");
        ExtendedMarketHours = extendedMarketHours;
    }

    /// <summary>For subclasses that override every calendar query (<see cref="IsMarketAlwaysOpen"/>, <see cref="IsOpen"/>,
    /// <see cref="GetNextMarketClose"/>, <see cref="GetPreviousMarketOpen"/>).</summary>
    /// <param name="extendedMarketHours">True: pre- and post-market count as open.</param>
    protected OpenMarketClock(bool extendedMarketHours)
    {
        _hours = null!;
        ExtendedMarketHours = extendedMarketHours;
    }

    /// <summary>Whether pre- and post-market hours count as open.</summary>
    public bool ExtendedMarketHours { get; }

    /// <summary>The time from <paramref name="from"/> to <paramref name="to"/> (exchange local times, not decreasing).</summary>
    /// <exception cref="MarketMakingException">InvalidMarketData when <paramref name="to"/> precedes <paramref name="from"/>.</exception>
    public OpenMarketInterval Between(DateTime from, DateTime to)
    {
        var calendar = CalendarBetween(from, to);
        if (to == from || (from >= _stretchStart && to <= _stretchEnd) || IsMarketAlwaysOpen())
        {
            return calendar;
        }

        var open = TimeSpan.Zero;
        if (IsOpen(from))
        {
            var close = GetNextMarketClose(from);
            _stretchStart = from;
            _stretchEnd = close;
            if (to <= close)
            {
                return calendar;
            }

            open = close - from;
        }

        if (IsOpen(to))
        {
            var start = GetPreviousMarketOpen(to);
            start = start > from ? start : from;
            open += to - start;
            _stretchStart = start;
            _stretchEnd = GetNextMarketClose(to);
        }

        return new OpenMarketInterval(open, true);
    }

    /// <summary>Whether the market never closes (LEAN's <see cref="SecurityExchangeHours.IsMarketAlwaysOpen"/>).</summary>
    protected virtual bool IsMarketAlwaysOpen() => _hours.IsMarketAlwaysOpen;

    /// <summary>Whether the market is open at <paramref name="localTime"/> (an open is inclusive, a close exclusive).</summary>
    /// <param name="localTime">Exchange local time.</param>
    protected virtual bool IsOpen(DateTime localTime) => _hours.IsOpen(localTime, ExtendedMarketHours);

    /// <summary>The first market close strictly after <paramref name="localTime"/>.</summary>
    /// <param name="localTime">Exchange local time.</param>
    protected virtual DateTime GetNextMarketClose(DateTime localTime) => _hours.GetNextMarketClose(localTime, ExtendedMarketHours);

    /// <summary>The start of the open stretch containing <paramref name="localTime"/>, a time at which the market is open.</summary>
    /// <param name="localTime">Exchange local time.</param>
    protected virtual DateTime GetPreviousMarketOpen(DateTime localTime) => _hours.GetPreviousMarketOpen(localTime, ExtendedMarketHours);

    /// <summary>The interval of a market that never closes: every second counts.</summary>
    /// <inheritdoc cref="Between" path="/exception"/>
    internal static OpenMarketInterval CalendarBetween(DateTime from, DateTime to) => to >= from
        ? new OpenMarketInterval(to - from, false)
        : throw new MarketMakingException(MarketMakingErrorKind.InvalidMarketData, $"time {to:O} precedes {from:O}", nameof(to));
}
