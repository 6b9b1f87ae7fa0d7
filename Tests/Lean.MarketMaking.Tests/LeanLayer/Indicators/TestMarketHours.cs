using System;
using System.Collections.Generic;
using System.Linq;
using Lean.MarketMaking.Indicators;

namespace Lean.MarketMaking.Tests.LeanLayer.Indicators;

/// <summary>
/// An <see cref="OpenMarketClock"/> over a fixed list of sessions [open, close) in place of LEAN's exchange hours (whose
/// surface members throw): the queries answer as LEAN's do (an open inclusive, a close exclusive, the next close strictly
/// after the time, the previous open at or before it). Counts the calendar queries.
/// </summary>
internal sealed class TestMarketHours : OpenMarketClock
{
    private readonly DateTime[] _opens;
    private readonly DateTime[] _closes;
    private readonly bool _alwaysOpen;

    private TestMarketHours(IEnumerable<(DateTime Open, DateTime Close)> sessions, bool alwaysOpen = false)
        : base(extendedMarketHours: false)
    {
        var sorted = sessions.OrderBy(s => s.Open).ToArray();
        _opens = sorted.Select(s => s.Open).ToArray();
        _closes = sorted.Select(s => s.Close).ToArray();
        _alwaysOpen = alwaysOpen;
    }

    /// <summary>Calendar queries answered so far.</summary>
    public int Queries { get; private set; }

    /// <summary>US equities' regular session, 09:30–16:00 on weekdays, for <paramref name="days"/> days from <paramref name="first"/>.</summary>
    public static TestMarketHours Equity(DateTime first, int days) => new(
        Enumerable.Range(0, days).Select(d => first.Date.AddDays(d))
            .Where(d => d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .Select(d => (d.AddHours(9.5), d.AddHours(16))));

    /// <summary>A forex-like week: open from Sunday 17:00 to Friday 17:00 with a daily break 16:58–17:03 (OANDA's), for <paramref name="weeks"/> weeks from the Sunday <paramref name="sunday"/>.</summary>
    public static TestMarketHours Forex(DateTime sunday, int weeks) => new(
        Enumerable.Range(0, weeks).SelectMany(w => Enumerable.Range(0, 5).Select(d =>
        {
            var day = sunday.Date.AddDays((7 * w) + d);
            return (day.AddHours(17).AddMinutes(d == 0 ? 0 : 3), day.AddDays(1).AddHours(16).AddMinutes(d == 4 ? 60 : 58));
        })));

    /// <summary>Sessions of <paramref name="open"/> at the start of every <paramref name="period"/> from <paramref name="first"/>, <paramref name="count"/> of them.</summary>
    public static TestMarketHours Periodic(DateTime first, TimeSpan period, TimeSpan open, int count) => new(
        Enumerable.Range(0, count).Select(i => (first + (i * period), first + (i * period) + open)));

    /// <summary>A market that never closes (crypto).</summary>
    public static TestMarketHours AlwaysOpen() => new(Array.Empty<(DateTime, DateTime)>(), alwaysOpen: true);

    protected override bool IsMarketAlwaysOpen() => _alwaysOpen;

    protected override bool IsOpen(DateTime localTime)
    {
        Queries++;
        return Session(localTime) >= 0;
    }

    protected override DateTime GetNextMarketClose(DateTime localTime)
    {
        Queries++;
        for (var i = 0; i < _closes.Length; i++)
        {
            if (_closes[i] > localTime)
            {
                return _closes[i];
            }
        }

        throw new ArgumentException("no close after " + localTime);
    }

    protected override DateTime GetPreviousMarketOpen(DateTime localTime)
    {
        Queries++;
        var i = Session(localTime);
        return i >= 0 ? _opens[i] : throw new InvalidOperationException("closed at " + localTime);
    }

    private int Session(DateTime localTime)
    {
        for (var i = 0; i < _opens.Length; i++)
        {
            if (_opens[i] <= localTime && localTime < _closes[i])
            {
                return i;
            }
        }

        return -1;
    }
}
