using System;
using Lean.MarketMaking.Models.Anchor;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Anchor;

[TestFixture]
public class BookEventClassifierTests
{
    private static readonly TopOfBook Before = new(100.0, 10, 100.1, 20);

    [TestCase(100.05, 10, 100.1, 20, BookEventKind.BidPriceUp)]
    [TestCase(99.95, 10, 100.1, 20, BookEventKind.BidPriceDown)]
    [TestCase(100.0, 12, 100.1, 20, BookEventKind.BidSizeUp)]
    [TestCase(100.0, 4, 100.1, 20, BookEventKind.BidSizeDown)]
    [TestCase(100.0, 10, 100.15, 20, BookEventKind.AskPriceUp)]
    [TestCase(100.0, 10, 100.05, 20, BookEventKind.AskPriceDown)]
    [TestCase(100.0, 10, 100.1, 25, BookEventKind.AskSizeUp)]
    [TestCase(100.0, 10, 100.1, 1, BookEventKind.AskSizeDown)]
    public void OneSideChangedGivesOneEvent(double bid, double bidSize, double ask, double askSize, BookEventKind expected)
    {
        Span<BookEventKind> events = stackalloc BookEventKind[BookEventClassifier.MaxEventsPerUpdate];
        var n = new BookEventClassifier().Classify(Before, new TopOfBook(bid, bidSize, ask, askSize), events);
        Assert.That(n, Is.EqualTo(1));
        Assert.That(events[0], Is.EqualTo(expected));
    }

    [Test]
    public void PriceChangeWinsOverSizeChangeAndBothSidesAreReported()
    {
        Span<BookEventKind> events = stackalloc BookEventKind[BookEventClassifier.MaxEventsPerUpdate];
        var n = new BookEventClassifier().Classify(Before, new TopOfBook(99.95, 50, 100.1, 3), events);
        Assert.That(n, Is.EqualTo(2));
        Assert.That(events[0], Is.EqualTo(BookEventKind.BidPriceDown), "the bid moved (its size too): one price event");
        Assert.That(events[1], Is.EqualTo(BookEventKind.AskSizeDown));
        Assert.That(new BookEventClassifier().Classify(Before, Before, events), Is.Zero, "no change, no event");
    }

    [Test]
    public void ReferenceImpactingEventsAreThoseRemovingLiquidityFromTheTouch()
    {
        var classifier = new BookEventClassifier();
        var impacting = new[]
        {
            BookEventKind.BuyTrade, BookEventKind.SellTrade, BookEventKind.BidSizeDown, BookEventKind.AskSizeDown,
            BookEventKind.BidPriceDown, BookEventKind.AskPriceUp,
        };
        foreach (var kind in Enum.GetValues<BookEventKind>())
        {
            Assert.That(classifier.IsReferenceImpacting(kind), Is.EqualTo(Array.IndexOf(impacting, kind) >= 0), kind.ToString());
        }

        Assert.That(classifier.Node(BookEventKind.SellTrade), Is.EqualTo(AnchorHawkesNodes.BidImpacting), "a sell takes the bid");
        Assert.That(classifier.Node(BookEventKind.BuyTrade), Is.EqualTo(AnchorHawkesNodes.AskImpacting));
        Assert.That(classifier.Node(BookEventKind.BidPriceUp), Is.EqualTo(AnchorHawkesNodes.BidOther));
        Assert.That(classifier.Node(BookEventKind.AskSizeUp), Is.EqualTo(AnchorHawkesNodes.AskOther));
        Assert.That(BookEventClassifier.Trade(buyerInitiated: true), Is.EqualTo(BookEventKind.BuyTrade));
    }
}
