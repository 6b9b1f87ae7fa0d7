using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Algorithms.MarketData;

/// <summary>
/// The checks portfolio construction runs on one security's book before quoting it: the book's own checks
/// (<see cref="QuoteMarket.Validate"/>), with a locked or crossed book a bad book only once it has stayed locked or
/// crossed longer than <see cref="LockedOrCrossedTolerance"/> (aggregated feeds lock and cross for a tick or two many
/// times a day; pulling at each would churn orders), then the <see cref="SpikeFilter"/> on the mid. O(1) state, no
/// allocation.
/// </summary>
public sealed class QuoteScreen
{
    private DateTime _lockedOrCrossedSince;
    private bool _lockedOrCrossed;

    /// <summary>Creates the screen of one security.</summary>
    /// <param name="spikeFilter">Settings of its spike filter.</param>
    /// <param name="lockedOrCrossedTolerance">How long a locked or crossed book is still quoted (≥ 0).</param>
    public QuoteScreen(SpikeFilterSettings spikeFilter, TimeSpan lockedOrCrossedTolerance)
    {
        Spikes = new SpikeFilter(spikeFilter);
        Guard.NonNegative(lockedOrCrossedTolerance.TotalSeconds, nameof(lockedOrCrossedTolerance));
        LockedOrCrossedTolerance = lockedOrCrossedTolerance;
    }

    /// <summary>The spike filter of the security's mid.</summary>
    public SpikeFilter Spikes { get; }

    /// <summary>How long a locked or crossed book is still quoted before it is a bad book.</summary>
    public TimeSpan LockedOrCrossedTolerance { get; }

    /// <summary>
    /// <see cref="MarketDataIssue.None"/> if the book can be quoted: it passes its own checks, or is locked/crossed
    /// since less than <see cref="LockedOrCrossedTolerance"/> (measured from the data point that first locked or crossed
    /// it since the last good book) and is not stale; and its mid is not a suspected spike.
    /// </summary>
    /// <param name="market">The security's top of book now.</param>
    /// <param name="maxAge">Largest allowed age of the last data point; <see cref="TimeSpan.MaxValue"/> disables the check.</param>
    public MarketDataIssue Validate(in QuoteMarket market, TimeSpan maxAge)
    {
        var issue = market.Validate(maxAge);
        if (issue is MarketDataIssue.Locked or MarketDataIssue.Crossed)
        {
            if (!_lockedOrCrossed)
            {
                _lockedOrCrossed = true;
                _lockedOrCrossedSince = market.LastDataTime;
            }

            if (market.LocalTime - _lockedOrCrossedSince <= LockedOrCrossedTolerance)
            {
                issue = market.Validate(maxAge, acceptLockedOrCrossed: true);
            }
        }
        else if (issue == MarketDataIssue.None)
        {
            // only a good book ends the episode: a lock interleaved with other bad ticks keeps its clock
            _lockedOrCrossed = false;
        }

        return issue == MarketDataIssue.None && !Spikes.Accept(market.Mid, market.LocalTime) ? MarketDataIssue.Spike : issue;
    }
}
