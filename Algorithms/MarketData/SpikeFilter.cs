using System;

namespace Lean.MarketMaking.Algorithms.MarketData;

/// <summary>
/// Bad-print filter for one security's mid. A mid whose log distance from the last accepted mid exceeds
/// <see cref="SpikeFilterSettings.MaxRelativeMove"/> is a suspected spike and is not accepted; if the book stays
/// beyond that distance for <see cref="SpikeFilterSettings.ConfirmationTime"/> the move is a genuine jump (a jump
/// persists, a bad print reverts) and the new mid becomes the reference. Small moves are accepted one after the other,
/// so a trend never trips it. O(1) state, no allocation.
/// </summary>
public sealed class SpikeFilter
{
    private decimal _reference;
    private DateTime? _suspectSince;

    /// <summary>Creates the filter; the first positive mid it sees becomes the reference.</summary>
    /// <param name="settings">Threshold and confirmation time.</param>
    public SpikeFilter(SpikeFilterSettings settings) =>
        Settings = settings ?? throw Models.Errors.Guard.Invalid(nameof(settings), "must not be null");

    /// <summary>The filter's settings.</summary>
    public SpikeFilterSettings Settings { get; }

    /// <summary>
    /// The book's own checks (<see cref="QuoteMarket.Validate"/>), then, for a book that passes them, this filter:
    /// <see cref="MarketDataIssue.Spike"/> while its mid is a suspected bad print.
    /// </summary>
    /// <param name="market">The security's top of book now.</param>
    /// <param name="maxAge">Largest allowed age of the last data point; <see cref="TimeSpan.MaxValue"/> disables the check.</param>
    public MarketDataIssue Validate(in QuoteMarket market, TimeSpan maxAge)
    {
        var issue = market.Validate(maxAge);
        return issue == MarketDataIssue.None && !Accept(market.Mid, market.LocalTime) ? MarketDataIssue.Spike : issue;
    }

    /// <summary>
    /// True if <paramref name="mid"/> (&gt; 0) at <paramref name="time"/> is accepted; false while it is a suspected
    /// spike. Non-positive mids are never accepted and leave the state unchanged (they are another kind of issue).
    /// </summary>
    public bool Accept(decimal mid, DateTime time)
    {
        if (mid <= 0)
        {
            return false;
        }

        if (_reference > 0 && Math.Abs(Math.Log((double)(mid / _reference))) > Settings.MaxRelativeMove)
        {
            _suspectSince ??= time;
            if (time - _suspectSince.Value < Settings.ConfirmationTime)
            {
                return false;
            }
        }

        _reference = mid;
        _suspectSince = null;
        return true;
    }
}
