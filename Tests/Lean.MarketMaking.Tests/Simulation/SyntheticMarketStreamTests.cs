using System;
using System.Collections.Generic;
using System.Linq;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Simulation;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Simulation;

/// <summary>
/// The synthetic market's generator on a fine grid and its real-time stream (what the live-paper data queue handler
/// replays): one book update per grid step, events released only when the clock passes them and in time order, the
/// mid continued over segment boundaries, the same seed giving the same stream, bad settings refused.
/// </summary>
[TestFixture]
public class SyntheticMarketStreamTests
{
    private static readonly SyntheticMarketGenerator Generator = new(new SyntheticMarketDynamics());

    [Test]
    public void EveryStepIsABookUpdateOnTheGridWhenAskedFor()
    {
        var segment = Generator.Generate(1.1, steps: 500, stepSeconds: 0.01, new Random(3), quoteEveryStep: true);
        Assert.That(segment.Quotes, Has.Count.EqualTo(500));
        Assert.That(segment.Quotes.Select(q => q.Seconds), Is.EqualTo(Enumerable.Range(0, 500).Select(i => i * 0.01)));
        Assert.That(segment.Quotes, Has.All.Matches<SyntheticBookUpdate>(q => q.Ask - q.Bid == 4 * 0.00001m && q.BidSize >= 1 && q.AskSize >= 1));
        Assert.That(segment.Seconds, Is.EqualTo(5.0).Within(1e-12));
    }

    [Test]
    public void EventsAreReleasedOnlyOnceTheClockPassesThemAndInTimeOrder()
    {
        var stream = new SyntheticMarketStream(Generator, seed: 1, quotesPerSecond: 100, segmentSeconds: 2);
        var events = new List<(double Time, SyntheticMarketEventKind Kind)>();
        for (var i = 0; i <= 200; i++)
        {
            var clock = i * 0.05;
            while (stream.TryDequeue(clock, out var quote, out var trade) is var kind && kind != SyntheticMarketEventKind.None)
            {
                var time = kind == SyntheticMarketEventKind.Quote ? quote.Seconds : trade.Seconds;
                Assert.That(time, Is.LessThanOrEqualTo(clock), "nothing before its time");
                Assert.That(time, Is.GreaterThan(clock - 0.05 - 1e-9), "nothing held back past its time");
                events.Add((time, kind));
            }
        }

        Assert.That(events.Select(e => e.Time), Is.Ordered, "time order across quotes, trades and segments");
        // 100 updates a second over [0, 10]: steps 0 … 1000
        Assert.That(events.Count(e => e.Kind == SyntheticMarketEventKind.Quote), Is.EqualTo(1001));
    }

    [Test]
    public void TheMidContinuesOverSegmentBoundaries()
    {
        // a fast mid (σ = 1e-3 relative per √s, no jumps): a 0.1 s step moves it by sd 3.5e-4, while after k one-second
        // segments it is some 1.1e-3·√k away from the start, where a restart would send it back
        var fast = new SyntheticMarketGenerator(new SyntheticMarketDynamics(volatility: 1e-3, jumpsPerDay: 0));
        var stream = new SyntheticMarketStream(fast, seed: 2, quotesPerSecond: 10, segmentSeconds: 1);
        var mids = new List<double>();
        while (mids.Count < 1000)
        {
            if (stream.TryDequeue(double.MaxValue, out var quote, out _) == SyntheticMarketEventKind.Quote)
            {
                mids.Add((double)(quote.Bid + quote.Ask) / 2);
            }
        }

        var boundarySteps = Enumerable.Range(1, 99).Select(k => Math.Abs(mids[10 * k] - mids[(10 * k) - 1])).ToArray();
        Assert.That(boundarySteps.Max(), Is.LessThan(5 * 3.5e-4), "each segment starts where the previous one ended");
        Assert.That(mids.Max() - mids.Min(), Is.GreaterThan(5 * 3.5e-4), "the mid wanders further than a boundary step could hide");
    }

    [Test]
    public void TheSameSeedGivesTheSameStream()
    {
        static List<string> Take(int seed)
        {
            var stream = new SyntheticMarketStream(Generator, seed, quotesPerSecond: 50, segmentSeconds: 3);
            var taken = new List<string>();
            while (taken.Count < 2000)
            {
                var kind = stream.TryDequeue(double.MaxValue, out var quote, out var trade);
                taken.Add(kind == SyntheticMarketEventKind.Quote ? quote.ToString() : trade.ToString());
            }

            return taken;
        }

        Assert.That(Take(7), Is.EqualTo(Take(7)));
        Assert.That(Take(8), Is.Not.EqualTo(Take(7)));
    }

    [Test]
    public void BadSettingsAreRefused()
    {
        Assert.That(() => new SyntheticMarketStream(Generator, 1, quotesPerSecond: 0),
            Throws.TypeOf<MarketMakingException>().With.Property(nameof(MarketMakingException.ParameterName)).EqualTo("quotesPerSecond"));
        Assert.That(() => new SyntheticMarketStream(Generator, 1, 10, segmentSeconds: -1),
            Throws.TypeOf<MarketMakingException>().With.Property(nameof(MarketMakingException.ParameterName)).EqualTo("segmentSeconds"));
        Assert.That(() => Generator.Generate(1.1, steps: 0, 1, new Random(1)),
            Throws.TypeOf<MarketMakingException>().With.Property(nameof(MarketMakingException.ParameterName)).EqualTo("steps"));
        Assert.That(() => new SyntheticMarketDynamics(volatility: double.NaN),
            Throws.TypeOf<MarketMakingException>().With.Property(nameof(MarketMakingException.ParameterName)).EqualTo("volatility"));
    }
}
