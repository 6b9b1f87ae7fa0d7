using System;
using Lean.MarketMaking.Algorithms.Reporting;
using Lean.MarketMaking.Models.Errors;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.LeanLayer.Reporting;

[TestFixture]
public class MarkoutTrackerTests
{
    private static readonly DateTime T0 = new(2024, 1, 2, 10, 0, 0);

    private static MarkoutTracker OneTenSixty(int capacity = 16) =>
        new(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(60) }, tickSize: 0.01m, capacity);

    private static DateTime At(double seconds) => T0.AddSeconds(seconds);

    [Test]
    public void AKnownMidPathGivesKnownMarkoutsPerSideAndHorizon()
    {
        var markouts = OneTenSixty();
        markouts.Update(At(0), 100.00m);
        // bid filled at 99.99 (1 unit) and ask filled at 100.01 (3 units) at t = 0
        markouts.RecordFill(At(0), 1m, 99.99m);
        markouts.RecordFill(At(0), -3m, 100.01m);
        // the mid drops to 99.97 at 0.5 s and stays there until 9 s, then 99.95 until 59 s, then 100.05
        markouts.Update(At(0.5), 99.97m);
        markouts.Update(At(9), 99.95m);
        markouts.Update(At(59), 100.05m);
        markouts.Update(At(61), 100.05m);

        // bid (buy 1 at 99.99): +1 s → 99.97 − 99.99 = −0.02; +10 s → −0.04; +60 s → 100.05 − 99.99 = +0.06
        Assert.That(markouts.Average(0, FillSide.Bid), Is.EqualTo(-0.02m));
        Assert.That(markouts.Average(1, FillSide.Bid), Is.EqualTo(-0.04m));
        Assert.That(markouts.Average(2, FillSide.Bid), Is.EqualTo(0.06m));
        // ask (sell 3 at 100.01): −(mid − 100.01): +0.04, +0.06, −0.04
        Assert.That(markouts.Average(0, FillSide.Ask), Is.EqualTo(0.04m));
        Assert.That(markouts.Average(1, FillSide.Ask), Is.EqualTo(0.06m));
        Assert.That(markouts.Average(2, FillSide.Ask), Is.EqualTo(-0.04m));
        Assert.That(markouts.AverageTicks(2, FillSide.Ask), Is.EqualTo(-4m), "in ticks of 0.01");
        Assert.That(markouts.Resolved(2, FillSide.Ask), Is.EqualTo(1));
        Assert.That(markouts.Pending, Is.Zero);
    }

    [Test]
    public void TheStandardErrorIsThatOfTheQuantityWeightedMean()
    {
        // three bids at t = 0, 10, 20 s, sizes 1, 2, 1, 1 s markouts −1, +2, +3 ticks: weighted mean (−1 + 4 + 3)/4 = 1.5
        // ticks; SE² = Σq²(m − m̄)²/(Σq)² = (1·6.25 + 4·0.25 + 1·2.25)/16 = 9.5/16 ticks²
        var markouts = OneTenSixty();
        var fills = new[] { (At(0), 1m, 99.99m, 99.98m), (At(10), 2m, 99.99m, 100.01m), (At(20), 1m, 99.99m, 100.02m) };
        foreach (var (time, quantity, price, midAfter) in fills)
        {
            markouts.Update(time, 100m);
            markouts.RecordFill(time, quantity, price);
            markouts.Update(time.AddSeconds(1), midAfter);
        }

        Assert.That(markouts.AverageTicks(0, FillSide.Bid), Is.EqualTo(1.5m));
        Assert.That(markouts.StandardErrorTicks(0, FillSide.Bid), Is.EqualTo(Math.Sqrt(9.5 / 16)).Within(1e-9));
        Assert.That(markouts.StandardError(0, FillSide.Ask), Is.Zero, "no fill, no error");
    }

    [Test]
    public void TheMidAtTheHorizonIsTheOnePrevailingThenNotTheNextOne()
    {
        // a fill just before a data gap (a close): its 60 s markout uses the last mid before the gap, not the reopening one
        var markouts = OneTenSixty();
        markouts.Update(At(0), 100m);
        markouts.RecordFill(At(0), 2m, 99.99m);
        markouts.Update(At(30), 100.02m);
        markouts.Update(At(3600), 105m);
        Assert.That(markouts.Average(2, FillSide.Bid), Is.EqualTo(0.03m));
        Assert.That(markouts.Average(1, FillSide.Bid), Is.EqualTo(0.01m), "mid at 10 s is still the 0 s mid");
        // a data point exactly at the horizon is used
        markouts.RecordFill(At(3600), -1m, 105m);
        markouts.Update(At(3601), 104.9m);
        Assert.That(markouts.Average(0, FillSide.Ask), Is.EqualTo(0.1m));
    }

    [Test]
    public void AveragesAreQuantityWeightedAndFillsResolveInOrder()
    {
        var markouts = OneTenSixty();
        markouts.Update(At(0), 100m);
        markouts.RecordFill(At(0), 1m, 100m);
        markouts.Update(At(0.5), 100m);
        markouts.RecordFill(At(0.5), 3m, 99.98m);
        markouts.Update(At(1), 100.04m);   // first fill's 1 s: +0.04
        Assert.That(markouts.Resolved(0, FillSide.Bid), Is.EqualTo(1));
        markouts.Update(At(2), 100.10m);   // second fill's 1 s (due 1.5 s): mid 100.04 → +0.06
        Assert.That(markouts.Average(0, FillSide.Bid), Is.EqualTo((0.04m + 3 * 0.06m) / 4));
        Assert.That(markouts.Resolved(0, FillSide.Ask), Is.Zero);
        Assert.That(markouts.Average(0, FillSide.Ask), Is.Zero, "no fill: 0");
        Assert.That(markouts.Pending, Is.EqualTo(2), "both still wait for 10 s and 60 s");
    }

    [Test]
    public void AFullQueueDropsTheOldestFillAndCountsIt()
    {
        var markouts = OneTenSixty(capacity: 2);
        markouts.Update(At(0), 100m);
        markouts.RecordFill(At(0), 1m, 99m);
        markouts.RecordFill(At(0.1), 1m, 99m);
        markouts.RecordFill(At(0.2), 1m, 98m);
        Assert.That((markouts.Pending, markouts.Dropped), Is.EqualTo((2, 1L)));
        markouts.Update(At(100), 101m);
        Assert.That(markouts.Resolved(2, FillSide.Bid), Is.EqualTo(2));
        Assert.That(markouts.Average(2, FillSide.Bid), Is.EqualTo(1.5m), "(1 + 2)/2 from the two kept fills (the mid before 100 s was 100)");
    }

    [Test]
    public void BadMidsAndZeroFillsAreIgnored()
    {
        var markouts = OneTenSixty();
        markouts.Update(At(0), 100m);
        markouts.RecordFill(At(0), 0m, 100m);
        markouts.RecordFill(At(0), 1m, 0m);
        markouts.RecordFill(At(0), 1m, 99.99m);
        markouts.Update(At(0.5), 0m);
        markouts.Update(At(0.7), -1m);
        markouts.Update(At(-1), 50m);    // out of order
        markouts.Update(At(2), 100.01m);
        Assert.That(markouts.Average(0, FillSide.Bid), Is.EqualTo(0.01m), "the mid at 1 s is the 0 s one");
        Assert.That(markouts.Resolved(0, FillSide.Bid), Is.EqualTo(1));
    }

    [Test]
    public void ParametersAreValidated()
    {
        Assert.Throws<MarketMakingException>(() => new MarkoutTracker(Array.Empty<TimeSpan>(), 0.01m));
        Assert.Throws<MarketMakingException>(() => new MarkoutTracker(new[] { TimeSpan.Zero }, 0.01m));
        Assert.Throws<MarketMakingException>(() => new MarkoutTracker(new[] { TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1) }, 0.01m));
        Assert.Throws<MarketMakingException>(() => new MarkoutTracker(new[] { TimeSpan.FromSeconds(1) }, 0m));
        Assert.Throws<MarketMakingException>(() => new MarkoutTracker(new[] { TimeSpan.FromSeconds(1) }, 0.01m, capacity: 0));
    }

    [Test]
    public void UpdatesAllocateNothing()
    {
        var markouts = OneTenSixty(capacity: 1024);
        for (var i = 0; i < 200; i++)
        {
            markouts.Update(At(i * 0.5), 100m + (i % 7) * 0.01m);
            markouts.RecordFill(At(i * 0.5), i % 2 == 0 ? 1m : -1m, 100m);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 200; i < 2200; i++)
        {
            markouts.Update(At(i * 0.5), 100m + (i % 7) * 0.01m);
            markouts.RecordFill(At(i * 0.5), i % 2 == 0 ? 1m : -1m, 100m);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
