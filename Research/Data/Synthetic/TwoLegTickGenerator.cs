using System;
using System.Collections.Generic;
using Lean.MarketMaking.Models.Anchor;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Simulation;

namespace Lean.MarketMaking.Research.Data.Synthetic;

/// <summary>
/// Two related contracts for the anchor selection of arXiv:2507.05749 as LEAN tick days: each day, the first
/// <see cref="SecondsPerDay"/> seconds after midnight UTC of <see cref="TwoLegBookSimulator"/> (its default
/// <see cref="TwoLegSimulationSettings"/>: leg 0 steady and deep, leg 1 bursty and thin, cross-excited; seed = the
/// generator's seed + the day's index), turned into one <see cref="SyntheticDay"/> per leg: every book update is a quote
/// tick at the update's millisecond; a trade prints at the touch it hit (the ask for a buyer) for the size it took
/// (the drop of that touch's size, or the whole touch when it emptied), just before the book it left.
/// </summary>
public sealed class TwoLegTickGenerator
{
    /// <summary>Creates the generator.</summary>
    /// <param name="legs">The two legs' instruments (ticker, market, tick size, start day, number of days).</param>
    /// <param name="secondsPerDay">Simulated seconds written each day, in (0, 86,400).</param>
    /// <param name="seed">Seed of the simulation.</param>
    public TwoLegTickGenerator(IReadOnlyList<SyntheticMarketSettings> legs, double secondsPerDay, int seed)
    {
        ArgumentNullException.ThrowIfNull(legs);
        if (legs.Count != 2)
        {
            throw Guard.Invalid(nameof(legs), $"must hold two legs, got {legs.Count}");
        }

        Legs = legs;
        SecondsPerDay = Guard.InRange(secondsPerDay, 1e-3, 86_399, nameof(secondsPerDay));
        Seed = seed;
        Simulation = TwoLegSimulationSettings.Default();
        for (var k = 0; k < 2; k++)
        {
            if ((double)legs[k].Dynamics.TickSize != Simulation.TickSize[k])
            {
                throw Guard.Invalid(nameof(legs), $"leg {k}'s tick size must be the simulation's {Simulation.TickSize[k]}, got {legs[k].Dynamics.TickSize}");
            }
        }
    }

    /// <summary>The two legs' instruments.</summary>
    public IReadOnlyList<SyntheticMarketSettings> Legs { get; }

    /// <summary>Simulated seconds written each day.</summary>
    public double SecondsPerDay { get; }

    /// <summary>The simulation's seed.</summary>
    public int Seed { get; }

    /// <summary>The simulated process and book mechanics.</summary>
    public TwoLegSimulationSettings Simulation { get; }

    /// <summary>The days of both legs, in order.</summary>
    public IEnumerable<(SyntheticDay Leg0, SyntheticDay Leg1)> Days()
    {
        for (var d = 0; d < Legs[0].Days; d++)
        {
            var date = Legs[0].Start.AddDays(d);
            var updates = TwoLegBookSimulator.Simulate(Simulation, SecondsPerDay, Seed + d);
            var quotes = new[] { new List<SyntheticQuote>(), new List<SyntheticQuote>() };
            var trades = new[] { new List<SyntheticTrade>(), new List<SyntheticTrade>() };
            var books = new TopOfBook[2];
            for (var i = 0; i < updates.Count; i++)
            {
                var u = updates[i];
                var k = u.Contract;
                var ms = (long)Math.Floor(u.TimeSeconds * 1000);
                if (!u.IsTrade)
                {
                    books[k] = u.Book;
                    quotes[k].Add(new SyntheticQuote(ms, Price(u.Book.BidPrice, k), (decimal)u.Book.BidSize, Price(u.Book.AskPrice, k), (decimal)u.Book.AskSize));
                    continue;
                }

                // the simulator reports a trade just before the book it left
                var before = books[k];
                var after = i + 1 < updates.Count && updates[i + 1] is { IsTrade: false } next && next.Contract == k ? next.Book : before;
                var (price, size, left, leftSize) = u.BuyerInitiated
                    ? (before.AskPrice, before.AskSize, after.AskPrice, after.AskSize)
                    : (before.BidPrice, before.BidSize, after.BidPrice, after.BidSize);
                var taken = left == price ? size - leftSize : size;
                if (taken > 0)
                {
                    trades[k].Add(new SyntheticTrade(ms, Price(price, k), (decimal)taken, u.BuyerInitiated));
                }
            }

            yield return (new SyntheticDay(date, quotes[0], trades[0]), new SyntheticDay(date, quotes[1], trades[1]));
        }
    }

    // On the leg's tick grid (the simulation moves prices by whole ticks from a price on the grid).
    private decimal Price(double price, int leg) => Math.Round((decimal)price / Legs[leg].Dynamics.TickSize) * Legs[leg].Dynamics.TickSize;
}
