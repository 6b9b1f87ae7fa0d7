using System;

namespace Lean.MarketMaking.Research.Data;

/// <summary>
/// Turns LEAN's "milliseconds since midnight of the file's date, in the data time zone" into UTC. The UTC offset is
/// computed once per day; only a day with a daylight-saving change converts each time through <see cref="TimeZoneInfo"/>.
/// </summary>
internal sealed class LeanDayClock
{
    private readonly DateTime _midnight;
    private readonly TimeZoneInfo _zone;
    private readonly TimeSpan? _fixedOffset;

    public LeanDayClock(DateOnly date, TimeZoneInfo zone)
    {
        _midnight = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        _zone = zone;
        var startOffset = zone.GetUtcOffset(_midnight);
        var endOffset = zone.GetUtcOffset(_midnight.AddDays(1));
        _fixedOffset = startOffset == endOffset && !zone.IsInvalidTime(_midnight) ? startOffset : null;
    }

    /// <summary>UTC time of a local offset from midnight, in .NET ticks (100 ns).</summary>
    /// <exception cref="ArgumentException">The local time does not exist (skipped by a daylight-saving change).</exception>
    public DateTime ToUtc(long ticksSinceMidnight)
    {
        var local = _midnight.AddTicks(ticksSinceMidnight);
        return _fixedOffset is { } offset
            ? DateTime.SpecifyKind(local - offset, DateTimeKind.Utc)
            : TimeZoneInfo.ConvertTimeToUtc(local, _zone);
    }
}
