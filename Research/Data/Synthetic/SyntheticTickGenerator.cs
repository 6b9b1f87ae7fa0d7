using System;
using System.Collections.Generic;
using Lean.MarketMaking.Models.Simulation;

namespace Lean.MarketMaking.Research.Data.Synthetic;

/// <summary>
/// Generates tick days of the synthetic instrument of <see cref="SyntheticMarketSettings"/>, reproducibly from a seed:
/// each day is one segment of <see cref="SyntheticMarketGenerator"/> (jump-diffusion mid on a one-second grid, continued
/// from one day to the next; a quote tick each second the touch changes; two-sided Hawkes market orders walking
/// Exp(k) depths), with times in milliseconds since midnight UTC.
/// </summary>
public sealed class SyntheticTickGenerator
{
    private const int SecondsPerDay = 86_400;
    private readonly SyntheticMarketSettings _settings;
    private readonly int _seed;
    private readonly SyntheticMarketGenerator _generator;

    /// <summary>Creates the generator.</summary>
    /// <param name="settings">The instrument and its dynamics.</param>
    /// <param name="seed">Seed: the same seed and settings give the same ticks.</param>
    public SyntheticTickGenerator(SyntheticMarketSettings settings, int seed)
    {
        _settings = settings ?? throw new ArgumentNullException(nameof(settings));
        _seed = seed;
        _generator = new SyntheticMarketGenerator(settings.Dynamics);
    }

    /// <summary>Generates every day of the settings, in order.</summary>
    public IEnumerable<SyntheticDay> Days()
    {
        var mid = _settings.Dynamics.InitialMid;
        for (var day = 0; day < _settings.Days; day++)
        {
            var generated = Day(_settings.Start.AddDays(day), day, mid, out mid);
            yield return generated;
        }
    }

    private SyntheticDay Day(DateOnly date, int index, double startMid, out double endMid)
    {
        var random = new Random(unchecked((_seed * 1_000_003) + index));
        var segment = _generator.Generate(startMid, SecondsPerDay, 1, random);
        endMid = segment.EndMid;
        var quotes = new List<SyntheticQuote>(segment.Quotes.Count);
        foreach (var q in segment.Quotes)
        {
            quotes.Add(new SyntheticQuote((long)Math.Round(q.Seconds * 1000), q.Bid, q.BidSize, q.Ask, q.AskSize));
        }

        var trades = new List<SyntheticTrade>(segment.Trades.Count);
        foreach (var t in segment.Trades)
        {
            trades.Add(new SyntheticTrade(Math.Min((long)(t.Seconds * 1000), (SecondsPerDay * 1000L) - 1), t.Price, t.Quantity, t.IsBuy));
        }

        return new SyntheticDay(date, quotes, trades);
    }
}
