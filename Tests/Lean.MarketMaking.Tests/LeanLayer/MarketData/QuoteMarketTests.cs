using System;
using Lean.MarketMaking.Algorithms.MarketData;
using NUnit.Framework;
using QuantConnect.Data.Market;
using static Lean.MarketMaking.Tests.LeanLayer.LeanTestKit;

namespace Lean.MarketMaking.Tests.LeanLayer.MarketData;

[TestFixture]
public class QuoteMarketTests
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(5);

    [Test]
    public void ReadsTheTopOfBookTickAndLotFromTheSecurity()
    {
        var market = QuoteMarket.From(NewSecurity().Quote(99.98m, 100.02m, Start, bidSize: 3m, askSize: 4m));
        Assert.That(market, Is.EqualTo(new QuoteMarket(99.98m, 100.02m, 3m, 4m, Start, Start, TickSize, Lot, 100.00m)));
        Assert.That(market.Mid, Is.EqualTo(100.00m));
        Assert.That(market.Validate(MaxAge), Is.EqualTo(MarketDataIssue.None));
    }

    [Test]
    public void TradesAloneAreAMissingQuoteNotALockedBook()
    {
        // LEAN's Security.BidPrice would fall back to this trade price on both sides
        var security = NewSecurity();
        security.Cache.AddData(new Tick(Start, Btc, "", "", 1m, 100m));
        security.SetLocalTimeForTests(Start);
        Assert.That(QuoteMarket.From(security).Validate(MaxAge), Is.EqualTo(MarketDataIssue.Missing));
    }

    [Test]
    public void ALastDataPointAtPriceZeroIsFlaggedEvenIfTheCachedBookLooksValid()
    {
        // LEAN's cache keeps the last non-zero bid and ask, but converts currencies at the last data point's price
        var market = QuoteMarket.From(NewSecurity().Quote(99.98m, 100.02m, Start)) with { LastPrice = 0m };
        Assert.That(market.Validate(MaxAge), Is.EqualTo(MarketDataIssue.NonPositiveLastPrice));
        Assert.That((market with { LastPrice = -1m }).Validate(MaxAge), Is.EqualTo(MarketDataIssue.NonPositiveLastPrice));
    }

    [TestCase(100.02, 100.02, MarketDataIssue.Locked)]
    [TestCase(100.03, 100.02, MarketDataIssue.Crossed)]
    [TestCase(-0.01, 100.02, MarketDataIssue.NonPositive)]
    [TestCase(99.98, 0, MarketDataIssue.Missing)]
    public void FlagsBadBooks(decimal bid, decimal ask, MarketDataIssue issue) =>
        Assert.That(QuoteMarket.From(NewSecurity().Quote(bid, ask, Start)).Validate(MaxAge), Is.EqualTo(issue));

    [Test]
    public void FlagsStaleDataAndUnusableSymbolProperties()
    {
        var security = NewSecurity().Quote(99.98m, 100.02m, Start);
        security.SetLocalTimeForTests(Start + MaxAge);
        Assert.That(QuoteMarket.From(security).Validate(MaxAge), Is.EqualTo(MarketDataIssue.None), "exactly the max age is fresh");
        security.SetLocalTimeForTests(Start + MaxAge + TimeSpan.FromTicks(1));
        Assert.That(QuoteMarket.From(security).Validate(MaxAge), Is.EqualTo(MarketDataIssue.Stale));
        Assert.That(QuoteMarket.From(security).Validate(TimeSpan.MaxValue), Is.EqualTo(MarketDataIssue.None));
        Assert.That(QuoteMarket.From(NewSecurity(tick: 0m).Quote(99.98m, 100.02m, Start)).Validate(MaxAge),
            Is.EqualTo(MarketDataIssue.InvalidSymbolProperties));
    }
}
