using FsCheck;
using FsCheck.Fluent;
using Lean.MarketMaking.Algorithms.Execution;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.LeanLayer.Execution;

[TestFixture]
public class QuotePricingTests
{
    [TestCase(100.019, 0.01, 100.01)]
    [TestCase(100.01, 0.01, 100.01)]
    [TestCase(99.999, 0.5, 99.5)]
    public void BidsRoundDownToTheTick(decimal price, decimal tick, decimal expected) =>
        Assert.That(QuotePricing.RoundDown(price, tick), Is.EqualTo(expected));

    [TestCase(100.011, 0.01, 100.02)]
    [TestCase(100.01, 0.01, 100.01)]
    [TestCase(99.001, 0.5, 99.5)]
    public void AsksRoundUpToTheTick(decimal price, decimal tick, decimal expected) =>
        Assert.That(QuotePricing.RoundUp(price, tick), Is.EqualTo(expected));

    [TestCase(0.0129, 0.001, 0.012)]
    [TestCase(0.0009, 0.001, 0)]
    [TestCase(-1, 0.001, 0)]
    [TestCase(7, 5, 5)]
    public void SizesRoundDownToTheLot(decimal size, decimal lot, decimal expected) =>
        Assert.That(QuotePricing.RoundLotDown(size, lot), Is.EqualTo(expected));

    [Test]
    public void AModelBidThroughTheAskIsClampedOneTickBehindIt()
    {
        Assert.That(QuotePricing.PassiveBid(100.50m, bestAsk: 100.05m, tick: 0.01m), Is.EqualTo(100.04m));
        Assert.That(QuotePricing.PassiveAsk(99.50m, bestBid: 100.00m, tick: 0.01m), Is.EqualTo(100.01m));
        // a bid below the touch is only rounded
        Assert.That(QuotePricing.PassiveBid(99.987m, bestAsk: 100.05m, tick: 0.01m), Is.EqualTo(99.98m));
    }

    [Test]
    public void PassiveQuotesNeverCrossTheTouchAndStayOnTheGrid()
    {
        var gen =
            from bidTicks in Gen.Choose(1, 100_000)
            from spreadTicks in Gen.Choose(1, 50)
            from modelOffset in Gen.Choose(-200, 200)
            from tickIndex in Gen.Choose(0, 3)
            select (bidTicks, spreadTicks, modelOffset, tick: new[] { 0.01m, 0.5m, 0.0001m, 1m }[tickIndex]);
        Prop.ForAll(gen.ToArbitrary(), c =>
        {
            var bestBid = c.bidTicks * c.tick;
            var bestAsk = bestBid + c.spreadTicks * c.tick;
            var model = (bestBid + bestAsk) / 2 + c.modelOffset * c.tick / 3;
            var bid = QuotePricing.PassiveBid(model, bestAsk, c.tick);
            var ask = QuotePricing.PassiveAsk(model, bestBid, c.tick);
            // never crossing, on the grid, and rounding never improves the model's quote
            return bid < bestAsk && ask > bestBid && bid % c.tick == 0 && ask % c.tick == 0 && bid <= model && ask >= model;
        }).QuickCheckThrowOnFailure();
    }

    [TestCase(100.00, 100.02, 3, false)]
    [TestCase(100.00, 100.03, 3, true)]
    [TestCase(100.03, 100.00, 3, true)]
    [TestCase(100.00, 100.00, 1, false)]
    public void RepricesOnlyWhenThePriceMovesByAtLeastNTicks(decimal working, decimal desired, int minTicks, bool expected) =>
        Assert.That(QuotePricing.ShouldReprice(working, desired, 0.01m, minTicks), Is.EqualTo(expected));

    [Test]
    public void MarketablePriceIsTheOppositeTouch()
    {
        Assert.That(QuotePricing.MarketablePrice(+2m, 99.99m, 100.01m, 0.01m), Is.EqualTo(100.01m));
        Assert.That(QuotePricing.MarketablePrice(-2m, 99.99m, 100.01m, 0.01m), Is.EqualTo(99.99m));
    }

    [TestCase(0.7, 0.25, 0.001, 0.25)]    // the displayed size
    [TestCase(0.2, 0.25, 0.001, 0.2)]     // what is left
    [TestCase(0.7, 0.0004, 0.001, 0.001)] // at least one lot
    [TestCase(0.7, 0.2567, 0.01, 0.25)]   // rounded down to the lot
    [TestCase(0.7, 0, 0.001, 0.001)]
    public void AFlattenClipIsTheDisplayedSizeCappedByWhatIsLeftAndAtLeastOneLot(decimal remaining, decimal displayed, decimal lot, decimal expected) =>
        Assert.That(QuotePricing.FlattenClip(remaining, displayed, lot), Is.EqualTo(expected));

    [Test]
    public void TheWorstFlattenPriceLiesTheSlippageFromTheStartingMidRoundedInward()
    {
        Assert.That(QuotePricing.WorstFlattenPrice(+1, 100.005m, 0.001m, 0.01m), Is.EqualTo(100.10m)); // 100.105005 down
        Assert.That(QuotePricing.WorstFlattenPrice(-1, 100.005m, 0.001m, 0.01m), Is.EqualTo(99.91m));  // 99.904995 up
    }
}
