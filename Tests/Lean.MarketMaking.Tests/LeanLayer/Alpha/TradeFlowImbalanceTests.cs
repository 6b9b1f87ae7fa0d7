using System;
using Lean.MarketMaking.Algorithms.Alpha;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.LeanLayer.Alpha;

[TestFixture]
public class TradeFlowImbalanceTests
{
    private static readonly DateTime T0 = new(2024, 1, 2, 10, 0, 0);

    [TestCase(100.02, 1)]
    [TestCase(100.01, 1)]
    [TestCase(100.006, 1)]
    [TestCase(100.00, 0)]
    [TestCase(99.995, -1)]
    [TestCase(99.99, -1)]
    [TestCase(99.90, -1)]
    public void SignsTradesByTheQuoteRule(double price, int expected) =>
        Assert.That(TradeFlowImbalance.Sign(price, 99.99, 100.01), Is.EqualTo(expected));

    [Test]
    public void VolumeDecaysWithTheHalfLife()
    {
        var flow = new TradeFlowImbalance(TimeSpan.FromSeconds(10));
        flow.OnQuote(99.99, 100.01);
        flow.OnTrade(100.01, 10, T0);
        flow.OnTrade(99.99, 10, T0.AddSeconds(10));
        // the buy volume halves over one half-life: B = 5, S = 10
        Assert.That(flow.BuyVolume, Is.EqualTo(5).Within(1e-12));
        Assert.That(flow.SellVolume, Is.EqualTo(10));
        Assert.That(flow.Imbalance, Is.EqualTo(-1.0 / 3).Within(1e-12));
    }

    [Test]
    public void TradesBeforeAnyValidQuoteAreNotSigned()
    {
        var flow = new TradeFlowImbalance(TimeSpan.FromSeconds(10));
        flow.OnQuote(100.02, 100.01); // crossed: ignored
        Assert.That(flow.OnTrade(100.01, 10, T0), Is.EqualTo(0));
        Assert.That(flow.Imbalance, Is.EqualTo(0));
        flow.OnQuote(99.99, 100.01);
        Assert.That(flow.OnTrade(double.NaN, 10, T0), Is.EqualTo(0));
        Assert.That(flow.OnTrade(100.01, 10, T0), Is.EqualTo(1));
        Assert.That(flow.Imbalance, Is.EqualTo(1));
    }
}
