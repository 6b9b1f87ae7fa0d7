using System;
using System.Collections.Generic;
using Lean.MarketMaking.Models.Anchor;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Hawkes;

namespace Lean.MarketMaking.Models.Simulation;

/// <summary>
/// Two related contracts whose top-of-book events follow a known eight-node Hawkes process
/// (<see cref="TwoLegSimulationSettings"/>, simulated by <see cref="HawkesSimulator"/>), turned into book updates and
/// trades: a reference-impacting event on a side is a trade (share <c>TradeShare</c>, reported as a trade and then as
/// the reduced book) or a cancellation that removes a clip from the touch; an emptied touch moves one tick away and
/// refills with a new level; another event improves the touch by a tick (share <c>ImproveShare</c>, when the spread is
/// wider than a tick) or adds a clip, up to three times the mean depth. The ground truth for arXiv:2507.05749's evaluation: which contract's events and
/// depth make its price less stable is known by construction. Seeded.
/// </summary>
public static class TwoLegBookSimulator
{
    /// <summary>Simulates <paramref name="horizonSeconds"/> seconds of both contracts' updates, in time order.</summary>
    /// <param name="settings">The process and book mechanics.</param>
    /// <param name="horizonSeconds">Length, seconds, &gt; 0.</param>
    /// <param name="seed">Seed for both the event times and the book draws.</param>
    /// <exception cref="MarketMakingException">InvalidParameters for bad settings.</exception>
    public static List<ContractUpdate> Simulate(TwoLegSimulationSettings settings, double horizonSeconds, int seed)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        Guard.Positive(horizonSeconds, nameof(horizonSeconds));
        var events = HawkesSimulator.Simulate(settings.Process, horizonSeconds, seed);
        var random = new Random(unchecked((seed * 7919) + 17));
        var books = new TopOfBook[2];
        for (var k = 0; k < 2; k++)
        {
            var bid = settings.StartPrice[k];
            books[k] = new TopOfBook(bid, NewDepth(settings.MeanDepth[k], random), bid + settings.TickSize[k], NewDepth(settings.MeanDepth[k], random));
        }

        var updates = new List<ContractUpdate>((2 * events.TotalCount) + 2);
        updates.Add(ContractUpdate.Quote(0, 0, books[0]));
        updates.Add(ContractUpdate.Quote(0, 1, books[1]));
        for (var e = 0; e < events.TotalCount; e++)
        {
            var t = events.MergedTimes[e];
            var node = events.MergedTypes[e];
            var contract = node / AnchorHawkesNodes.Count;
            var local = node % AnchorHawkesNodes.Count;
            var bidSide = local is AnchorHawkesNodes.BidImpacting or AnchorHawkesNodes.BidOther;
            var book = books[contract];
            if (AnchorHawkesNodes.IsImpacting(local))
            {
                if (random.NextDouble() < settings.TradeShare[contract])
                {
                    updates.Add(ContractUpdate.Trade(t, contract, buyerInitiated: !bidSide));
                }

                book = Remove(book, bidSide, Clip(settings.MaxClip[contract], random), settings.TickSize[contract], settings.MeanDepth[contract], random);
            }
            else
            {
                book = Add(book, bidSide, Clip(settings.MaxClip[contract], random), settings.TickSize[contract], 3 * settings.MeanDepth[contract], random.NextDouble() < settings.ImproveShare[contract]);
            }

            books[contract] = book;
            updates.Add(ContractUpdate.Quote(t, contract, book));
        }

        return updates;
    }

    private static TopOfBook Remove(in TopOfBook book, bool bidSide, int clip, double tick, double meanDepth, Random random)
    {
        if (bidSide)
        {
            return book.BidSize > clip
                ? book with { BidSize = book.BidSize - clip }
                : book with { BidPrice = book.BidPrice - tick, BidSize = NewDepth(meanDepth, random) };
        }

        return book.AskSize > clip
            ? book with { AskSize = book.AskSize - clip }
            : book with { AskPrice = book.AskPrice + tick, AskSize = NewDepth(meanDepth, random) };
    }

    private static TopOfBook Add(in TopOfBook book, bool bidSide, int clip, double tick, double maxDepth, bool improve)
    {
        // Improve only while the spread is wider than a tick (half a tick of slack for rounding); a touch holds at most maxDepth.
        var canImprove = improve && book.AskPrice - book.BidPrice > 1.5 * tick;
        if (bidSide)
        {
            return canImprove ? book with { BidPrice = book.BidPrice + tick, BidSize = clip } : book with { BidSize = Math.Min(book.BidSize + clip, maxDepth) };
        }

        return canImprove ? book with { AskPrice = book.AskPrice - tick, AskSize = clip } : book with { AskSize = Math.Min(book.AskSize + clip, maxDepth) };
    }

    private static int Clip(int maxClip, Random random) => 1 + random.Next(maxClip);

    /// <summary>1 + a geometric draw with mean <paramref name="meanDepth"/> − 1, so the mean is <paramref name="meanDepth"/>.</summary>
    private static double NewDepth(double meanDepth, Random random)
    {
        if (meanDepth <= 1)
        {
            return 1;
        }

        var p = 1.0 / meanDepth;
        return 1 + Math.Floor(Math.Log(1.0 - random.NextDouble()) / Math.Log(1.0 - p));
    }
}
