using Lean.MarketMaking.Models.Estimation.OrderFlow;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Estimation.OrderFlow;

[TestFixture]
public class LeeReadyTradeSignerTests
{
    [Test]
    public void QuoteRuleThenTickTest()
    {
        var signer = default(LeeReadyTradeSigner);
        Assert.That(signer.Sign(100.00, 100.00), Is.EqualTo(TradeAggressor.Unknown), "at the mid with no earlier price");
        Assert.That(signer.Sign(100.01, 100.00), Is.EqualTo(TradeAggressor.Buy), "above the mid");
        Assert.That(signer.Sign(100.01, 100.01), Is.EqualTo(TradeAggressor.Buy), "at the mid after an uptick");
        Assert.That(signer.Sign(100.01, 100.01), Is.EqualTo(TradeAggressor.Buy), "a zero tick keeps the last direction");
        Assert.That(signer.Sign(100.00, 100.005), Is.EqualTo(TradeAggressor.Sell), "below the mid");
        Assert.That(signer.Sign(100.00, double.NaN), Is.EqualTo(TradeAggressor.Sell), "no quote: tick test (zero tick after a downtick)");
        Assert.That(signer.Sign(100.02, double.NaN), Is.EqualTo(TradeAggressor.Buy), "no quote: uptick");
    }

    [Test]
    public void ResetForgetsThePriceHistory()
    {
        var signer = default(LeeReadyTradeSigner);
        signer.Sign(100.00, 99.0);
        signer.Sign(100.01, 99.0);
        signer.Reset();
        Assert.That(signer.Sign(100.02, 100.02), Is.EqualTo(TradeAggressor.Unknown));
    }

    [TestCase(100.01, 100.0, TradeAggressor.Buy)]
    [TestCase(99.99, 100.0, TradeAggressor.Sell)]
    [TestCase(100.0, 100.0, TradeAggressor.Unknown)]
    [TestCase(100.0, double.NaN, TradeAggressor.Unknown)]
    public void QuoteRuleAlone(double price, double mid, TradeAggressor expected) =>
        Assert.That(LeeReadyTradeSigner.QuoteRule(price, mid), Is.EqualTo(expected));
}
