using System;
using System.Collections.Generic;
using System.Linq;

namespace Lean.MarketMaking.Research.Data.Synthetic;

/// <summary>
/// Turns a clean <see cref="SyntheticDay"/> into the bad day of issue 4's robustness check, written like any other day
/// so a real LEAN backtest reads it: at fixed fractions of the day's quote ticks it injects
/// <list type="bullet">
/// <item>crossed quotes (bid and ask swapped) and a locked quote (ask = bid);</item>
/// <item>zero and negative bid/ask prices (and a zero and a negative trade price);</item>
/// <item>spikes: the whole book ×1.5, then ×10, then ×0.1, each for a few ticks (a ×10 print that reaches LEAN's cache
/// marks the inventory at ten times its value);</item>
/// <item>duplicated ticks (same timestamp, same values) and out-of-order timestamps (a tick stamped before the one
/// written ahead of it);</item>
/// <item>a one-hour gap with no quote and no trade.</item>
/// </list>
/// Every fault is a short episode: the clean book resumes after it. Deterministic (no randomness): the positions are
/// fractions of the day, so the same clean day always gives the same bad day. <see cref="LockAndCross"/> makes a feed
/// that is often locked or crossed for a moment, like an aggregated forex feed.
/// </summary>
public static class MarketDataFaults
{
    private const int EpisodeTicks = 5;
    private const long GapMilliseconds = 3_600_000;

    /// <summary>What was injected into one day, by kind (counts of ticks).</summary>
    /// <param name="Crossed">Quotes with bid above ask.</param>
    /// <param name="Locked">Quotes with bid equal to ask.</param>
    /// <param name="ZeroOrNegative">Quotes and trades with a zero or negative price.</param>
    /// <param name="Spikes">Quotes moved ×1.5.</param>
    /// <param name="LargeSpikes">Quotes moved ×10 or ×0.1.</param>
    /// <param name="Duplicated">Extra copies of a tick at the same timestamp.</param>
    /// <param name="OutOfOrder">Ticks stamped before the tick written ahead of them.</param>
    /// <param name="GapStartMilliseconds">Start of the one-hour gap, milliseconds since midnight.</param>
    public readonly record struct Injected(int Crossed, int Locked, int ZeroOrNegative, int Spikes, int LargeSpikes, int Duplicated, int OutOfOrder, long GapStartMilliseconds);

    /// <summary>Returns <paramref name="day"/> with the faults injected, and what was injected.</summary>
    /// <param name="day">A clean day with at least 100 quote ticks spread over more than two hours.</param>
    public static (SyntheticDay Day, Injected Injected) Inject(SyntheticDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        if (day.Quotes.Count < 100 || day.Quotes[^1].Milliseconds - day.Quotes[0].Milliseconds < 2 * GapMilliseconds)
        {
            throw new ArgumentException("needs at least 100 quote ticks over more than two hours", nameof(day));
        }

        var quotes = day.Quotes.ToList();
        var trades = day.Trades.ToList();
        var zeroOrNegative = 0;

        // the gap first, in the middle of the day, so that the other faults' positions are counted without it
        var gapStart = quotes[quotes.Count / 2].Milliseconds;
        quotes.RemoveAll(q => q.Milliseconds >= gapStart && q.Milliseconds < gapStart + GapMilliseconds);
        trades.RemoveAll(t => t.Milliseconds >= gapStart && t.Milliseconds < gapStart + GapMilliseconds);

        var crossed = Replace(quotes, 0.10, q => q with { Bid = q.Ask, Ask = q.Bid, BidSize = q.AskSize, AskSize = q.BidSize });
        var locked = Replace(quotes, 0.15, q => q with { Ask = q.Bid }, count: 1);
        zeroOrNegative += Replace(quotes, 0.20, q => q with { Bid = 0m });
        zeroOrNegative += Replace(quotes, 0.25, q => q with { Ask = 0m, Bid = 0m });
        zeroOrNegative += Replace(quotes, 0.30, q => q with { Bid = -q.Bid, Ask = -q.Ask });
        var spikes = Replace(quotes, 0.35, q => q with { Bid = q.Bid * 1.5m, Ask = q.Ask * 1.5m });
        var largeSpikes = Replace(quotes, 0.36, q => q with { Bid = q.Bid * 10m, Ask = q.Ask * 10m });
        largeSpikes += Replace(quotes, 0.37, q => q with { Bid = q.Bid * 0.1m, Ask = q.Ask * 0.1m });

        // duplicates: each tick of the episode written twice in a row (same timestamp, same values)
        var duplicateAt = Position(quotes, 0.40);
        for (var i = 0; i < EpisodeTicks; i++)
        {
            quotes.Insert(duplicateAt + 2 * i + 1, quotes[duplicateAt + 2 * i]);
        }

        // out of order: a tick stamped one second before the tick written just ahead of it
        var outOfOrder = 0;
        for (var i = Position(quotes, 0.45); outOfOrder < EpisodeTicks; i += 2, outOfOrder++)
        {
            quotes[i] = quotes[i] with { Milliseconds = Math.Max(0, quotes[i - 1].Milliseconds - 1000) };
        }

        if (trades.Count > 10)
        {
            trades[trades.Count / 5] = trades[trades.Count / 5] with { Price = 0m };
            trades[trades.Count / 4] = trades[trades.Count / 4] with { Price = -trades[trades.Count / 4].Price };
            zeroOrNegative += 2;
        }

        return (day with { Quotes = quotes, Trades = trades },
            new Injected(crossed, locked, zeroOrNegative, spikes, largeSpikes, EpisodeTicks, outOfOrder, gapStart));
    }

    /// <summary>
    /// Returns <paramref name="day"/> with brief locked and crossed books, like an aggregated feed whose venues race:
    /// after a randomly chosen clean quote tick (seeded), a locked (ask = bid) or crossed (bid and ask swapped) tick 100 ms
    /// later, and the clean book again 200 ms after that, so that <paramref name="fraction"/> of all quote ticks are
    /// locked or crossed and none stays so longer than 200 ms.
    /// </summary>
    /// <param name="day">A clean day whose quote ticks are at least 300 ms apart.</param>
    /// <param name="fraction">Fraction of the resulting quote ticks that are locked or crossed, in [0, 0.4].</param>
    /// <param name="seed">Seed of the choice of ticks.</param>
    /// <returns>The day and the number of locked or crossed ticks written.</returns>
    public static (SyntheticDay Day, int LockedOrCrossed) LockAndCross(SyntheticDay day, double fraction, int seed)
    {
        ArgumentNullException.ThrowIfNull(day);
        if (!(fraction is >= 0 and <= 0.4))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "must be in [0, 0.4]");
        }

        // m bad ticks among n clean ones plus m bad and m restoring ones: m / (n + 2m) = fraction
        var probability = fraction / (1 - (2 * fraction));
        var random = new Random(seed);
        var quotes = new List<SyntheticQuote>(day.Quotes.Count * 2);
        var count = 0;
        for (var i = 0; i < day.Quotes.Count; i++)
        {
            var q = day.Quotes[i];
            quotes.Add(q);
            var roomMilliseconds = i + 1 < day.Quotes.Count ? day.Quotes[i + 1].Milliseconds - q.Milliseconds : long.MaxValue;
            if (roomMilliseconds >= 300 && random.NextDouble() < probability)
            {
                var bad = random.Next(2) == 0 ? q with { Ask = q.Bid, AskSize = q.BidSize } : q with { Bid = q.Ask, Ask = q.Bid, BidSize = q.AskSize, AskSize = q.BidSize };
                quotes.Add(bad with { Milliseconds = q.Milliseconds + 100 });
                quotes.Add(q with { Milliseconds = q.Milliseconds + 300 });
                count++;
            }
        }

        return (day with { Quotes = quotes }, count);
    }

    private static int Position(List<SyntheticQuote> quotes, double fraction) => Math.Max(1, (int)(quotes.Count * fraction));

    private static int Replace(List<SyntheticQuote> quotes, double fraction, Func<SyntheticQuote, SyntheticQuote> fault, int count = EpisodeTicks)
    {
        var start = Position(quotes, fraction);
        for (var i = start; i < start + count; i++)
        {
            quotes[i] = fault(quotes[i]);
        }

        return count;
    }
}
