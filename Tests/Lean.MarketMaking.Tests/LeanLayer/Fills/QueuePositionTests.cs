using System;
using Lean.MarketMaking.Algorithms.Fills;
using NUnit.Framework;
using QuantConnect.Data.Market;
using static Lean.MarketMaking.Tests.LeanLayer.LeanTestKit;

namespace Lean.MarketMaking.Tests.LeanLayer.Fills;

[TestFixture]
public class QueuePositionTests
{
    private static Tick Trade(decimal price, decimal size, int second = 0) => new(Start.AddSeconds(second), Btc, "", "", size, price);

    [Test]
    public void JoiningTheBestPriceQueuesBehindTheDisplayedSize()
    {
        Assert.That(new QueuePosition(true, 99.99m, 99.99m, 10m, 100.01m, 4m).Ahead, Is.EqualTo(10m));
        Assert.That(new QueuePosition(false, 100.01m, 99.99m, 10m, 100.01m, 4m).Ahead, Is.EqualTo(4m));
    }

    [Test]
    public void ImprovingTheBestPriceIsFirstInQueue() =>
        Assert.That(new QueuePosition(true, 100.00m, 99.99m, 10m, 100.01m, 4m).Ahead, Is.EqualTo(0m));

    [Test]
    public void BehindTheBestPriceTheQueueIsUnknownUntilThePriceBecomesTheTouch()
    {
        var queue = new QueuePosition(true, 99.98m, 99.99m, 10m, 100.01m, 4m);
        Assert.That(queue.Ahead, Is.EqualTo(decimal.MaxValue));
        queue.Step(1m, Array.Empty<Tick>(), 99.98m, 6m, 100.00m, 4m);
        Assert.That(queue.Ahead, Is.EqualTo(6m));
    }

    [Test]
    public void TradesAtThePriceConsumeTheQueueThenFillPartially()
    {
        var queue = new QueuePosition(true, 99.99m, 99.99m, 10m, 100.01m, 4m);
        Assert.That(queue.Step(5m, new[] { Trade(99.99m, 6m) }, 99.99m, 4m, 100.01m, 4m), Is.EqualTo(0m));
        Assert.That(queue.Ahead, Is.EqualTo(4m));
        Assert.That(queue.Step(5m, new[] { Trade(99.99m, 3m, 1), Trade(99.99m, 4m, 1) }, 99.99m, 1m, 100.01m, 4m), Is.EqualTo(3m));
        Assert.That(queue.Ahead, Is.EqualTo(0m));
    }

    [Test]
    public void TradesAwayFromThePriceDoNotFillAndCancellationsAheadAdvanceTheOrder()
    {
        var queue = new QueuePosition(false, 100.01m, 99.99m, 10m, 100.01m, 8m);
        Assert.That(queue.Step(2m, new[] { Trade(100.00m, 50m), Trade(99.99m, 50m) }, 99.99m, 10m, 100.01m, 3m), Is.EqualTo(0m));
        Assert.That(queue.Ahead, Is.EqualTo(3m), "displayed size fell to 3: at most 3 can be ahead");
    }

    [Test]
    public void ATradeThroughThePriceFillsOnlyItsSizeBeyondTheQueueAhead()
    {
        var small = new QueuePosition(false, 100.01m, 99.99m, 10m, 100.01m, 8m);
        Assert.That(small.Step(5m, new[] { Trade(100.02m, 0.5m) }, 99.99m, 1m, 100.03m, 1m), Is.EqualTo(0m), "0.5 of the 8 ahead");
        var large = new QueuePosition(false, 100.01m, 99.99m, 10m, 100.01m, 8m);
        Assert.That(large.Step(5m, new[] { Trade(100.02m, 10m) }, 99.99m, 1m, 100.03m, 1m), Is.EqualTo(2m), "8 ahead, then 2");
    }

    [Test]
    public void TradesAlreadyCountedAreSkipped()
    {
        var queue = new QueuePosition(true, 99.99m, 99.99m, 0m, 100.01m, 4m, countedUntil: Start);
        Assert.That(queue.Step(5m, new[] { Trade(99.99m, 3m) }, 99.99m, 1m, 100.01m, 4m), Is.EqualTo(0m), "printed before the order joined");
        var later = new Tick(Start.AddSeconds(1), Btc, "", "", 3m, 99.99m);
        Assert.That(queue.Step(5m, new[] { later }, 99.99m, 1m, 100.01m, 4m), Is.EqualTo(3m));
        Assert.That(queue.Step(5m, new[] { later }, 99.99m, 1m, 100.01m, 4m), Is.EqualTo(0m), "counted once");
    }
}
