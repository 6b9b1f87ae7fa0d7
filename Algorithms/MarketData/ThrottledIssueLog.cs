using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using QuantConnect;

namespace Lean.MarketMaking.Algorithms.MarketData;

/// <summary>
/// Bounds the log of market-data and model issues (portfolio construction's; <see cref="IssueLog"/> logs once per
/// episode instead): per symbol and kind of issue, at most one line per interval, each
/// line carrying the number of occurrences since the previous one (an issue that recurs at every tick of a day gives
/// a day / interval lines, not one per tick). The first occurrence is logged at once. Bounded: one small map per symbol.
/// </summary>
internal sealed class ThrottledIssueLog
{
    private readonly Dictionary<Symbol, Dictionary<string, IssueThrottle>> _kinds = new();

    /// <summary>Creates the log.</summary>
    /// <param name="interval">Shortest time between two lines of one kind of issue of one symbol (&gt; 0).</param>
    public ThrottledIssueLog(TimeSpan interval) => Interval = interval;

    /// <summary>Shortest time between two lines of one kind of issue of one symbol.</summary>
    public TimeSpan Interval { get; }

    /// <summary>
    /// Counts one occurrence of <paramref name="issue"/> for <paramref name="symbol"/> at <paramref name="time"/>; true
    /// if a line is due, with <paramref name="occurrences"/> the count since the last line, this one included.
    /// </summary>
    public bool ShouldLog(Symbol symbol, string issue, DateTime time, out long occurrences)
    {
        if (!_kinds.TryGetValue(symbol, out var kinds))
        {
            kinds = new Dictionary<string, IssueThrottle>();
            _kinds[symbol] = kinds;
        }

        return CollectionsMarshal.GetValueRefOrAddDefault(kinds, issue, out _).Occur(time, Interval, out occurrences);
    }

    /// <summary>Forgets <paramref name="symbol"/> (removed from the universe).</summary>
    public void Remove(Symbol symbol) => _kinds.Remove(symbol);
}

/// <summary>
/// Rate limit of the log lines of one kind of issue: at most one line per interval, with the number of occurrences
/// since the last line. O(1), no allocation.
/// </summary>
internal struct IssueThrottle
{
    private DateTime _lastLine;
    private bool _hasLine;
    private long _occurrences;

    /// <summary>
    /// Counts one occurrence at <paramref name="time"/>; true if a line is due (the first occurrence, or the first
    /// one at least <paramref name="interval"/> after the last line), with <paramref name="occurrences"/> the count
    /// since the last line, this one included.
    /// </summary>
    public bool Occur(DateTime time, TimeSpan interval, out long occurrences)
    {
        occurrences = ++_occurrences;
        if (_hasLine && time - _lastLine < interval && time >= _lastLine)
        {
            return false;
        }

        _hasLine = true;
        _lastLine = time;
        _occurrences = 0;
        return true;
    }
}
