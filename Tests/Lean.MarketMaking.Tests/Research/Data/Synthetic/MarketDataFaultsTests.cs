using System;
using System.Linq;
using Lean.MarketMaking.Research.Data.Synthetic;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Research.Data.Synthetic;

/// <summary>The robustness bad day: every promised kind of fault is really in the ticks, and nothing else changes.</summary>
[TestFixture]
public class MarketDataFaultsTests
{
    [Test]
    public void EveryKindOfFaultIsInjectedAndCounted()
    {
        var clean = new SyntheticTickGenerator(new SyntheticMarketSettings(days: 1), seed: 5).Days().Single();
        var (bad, injected) = MarketDataFaults.Inject(clean);
        var quotes = bad.Quotes;

        Assert.That(quotes.Count(q => q.Bid > q.Ask && q.Bid > 0 && q.Ask > 0), Is.EqualTo(injected.Crossed).And.GreaterThan(0));
        Assert.That(quotes.Count(q => q.Bid == q.Ask && q.Bid > 0), Is.EqualTo(injected.Locked).And.GreaterThan(0));
        var nonPositive = quotes.Count(q => q.Bid <= 0 || q.Ask <= 0) + bad.Trades.Count(t => t.Price <= 0);
        Assert.That(nonPositive, Is.EqualTo(injected.ZeroOrNegative).And.GreaterThan(0));

        var cleanMid = (double)(clean.Quotes[0].Bid + clean.Quotes[0].Ask) / 2;
        double Mid(SyntheticQuote q) => (double)(q.Bid + q.Ask) / 2;
        Assert.That(quotes.Count(q => q.Bid > 0 && q.Ask > q.Bid && Mid(q) > 1.4 * cleanMid && Mid(q) < 2 * cleanMid), Is.EqualTo(injected.Spikes).And.GreaterThan(0));
        Assert.That(quotes.Count(q => q.Bid > 0 && q.Ask > q.Bid && Mid(q) > 8 * cleanMid), Is.EqualTo(injected.LargeSpikes / 2).And.GreaterThan(0), "×10");
        Assert.That(quotes.Count(q => q.Bid > 0 && q.Ask > q.Bid && Mid(q) < 0.2 * cleanMid), Is.EqualTo(injected.LargeSpikes / 2).And.GreaterThan(0), "×0.1");

        var duplicates = quotes.Zip(quotes.Skip(1)).Count(p => p.First == p.Second);
        Assert.That(duplicates, Is.GreaterThanOrEqualTo(1), "an episode of ticks written twice");
        Assert.That(quotes.Count - clean.Quotes.Count(q => q.Milliseconds < injected.GapStartMilliseconds || q.Milliseconds >= injected.GapStartMilliseconds + 3_600_000),
            Is.EqualTo(injected.Duplicated), "the only added ticks are the duplicates");
        Assert.That(quotes.Zip(quotes.Skip(1)).Count(p => p.Second.Milliseconds < p.First.Milliseconds), Is.EqualTo(injected.OutOfOrder).And.GreaterThan(0));

        Assert.That(quotes.Any(q => q.Milliseconds >= injected.GapStartMilliseconds && q.Milliseconds < injected.GapStartMilliseconds + 3_600_000), Is.False, "an hour with no quote");
        Assert.That(bad.Trades.Any(t => t.Milliseconds >= injected.GapStartMilliseconds && t.Milliseconds < injected.GapStartMilliseconds + 3_600_000), Is.False, "and no trade");
    }

    [Test]
    public void ALockedFeedHasTheRequestedFractionOfBriefLockedOrCrossedTicks()
    {
        var clean = new SyntheticTickGenerator(new SyntheticMarketSettings(days: 1), seed: 5).Days().Single();
        var (day, written) = MarketDataFaults.LockAndCross(clean, 0.086, seed: 3);
        var quotes = day.Quotes;

        var bad = quotes.Select((q, i) => (q, i)).Where(x => x.q.Bid >= x.q.Ask).ToArray();
        Assert.That(bad, Has.Length.EqualTo(written));
        Assert.That(bad.Length / (double)quotes.Count, Is.EqualTo(0.086).Within(0.005));
        Assert.That(bad.Count(x => x.q.Bid == x.q.Ask), Is.GreaterThan(written / 3), "locked");
        Assert.That(bad.Count(x => x.q.Bid > x.q.Ask), Is.GreaterThan(written / 3), "and crossed");
        foreach (var (q, i) in bad)
        {
            var next = quotes[i + 1];
            Assert.That(next.Bid < next.Ask && next.Milliseconds - q.Milliseconds == 200, Is.True, "cleared 200 ms later");
        }

        Assert.That(quotes.Zip(quotes.Skip(1)).All(p => p.Second.Milliseconds >= p.First.Milliseconds), Is.True, "still in time order");
        Assert.That(quotes.Count(q => q.Bid < q.Ask), Is.EqualTo(clean.Quotes.Count + written), "the clean ticks and one restoring tick per lock or cross");
        Assert.That(quotes.Where(q => q.Milliseconds % 1000 == 0), Is.EqualTo(clean.Quotes), "the clean ticks unchanged");
    }

    [Test]
    public void TheSameCleanDayGivesTheSameBadDay()
    {
        var clean = new SyntheticTickGenerator(new SyntheticMarketSettings(days: 1), seed: 5).Days().Single();
        Assert.That(MarketDataFaults.Inject(clean).Day.Quotes, Is.EqualTo(MarketDataFaults.Inject(clean).Day.Quotes));
    }

    [Test]
    public void ADayTooShortForTheGapIsRejected()
    {
        var clean = new SyntheticTickGenerator(new SyntheticMarketSettings(days: 1), seed: 5).Days().Single();
        var shortDay = clean with { Quotes = clean.Quotes.Take(50).ToList() };
        Assert.Throws<ArgumentException>(() => MarketDataFaults.Inject(shortDay));
    }
}
