using System;
using System.Collections.Generic;
using System.Linq;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Volatility;
using Lean.MarketMaking.Risk;
using NUnit.Framework;
using QuantConnect;
using QuantConnect.Algorithm;
using QuantConnect.Algorithm.Framework.Portfolio;
using QuantConnect.Securities;
using Lean.MarketMaking.Indicators;
using Lean.MarketMaking.Tests.LeanLayer.Indicators;
using static Lean.MarketMaking.Tests.LeanLayer.LeanTestKit;

namespace Lean.MarketMaking.Tests.LeanLayer.Risk;

/// <summary>
/// A quoted asset ETH and a hedge instrument BTC whose returns are half ETH's plus noise, sampled every minute; the
/// expected hedge is the one-instrument minimum-variance hedge h* = −q·(p_ETH/p_BTC)·Cov(r_ETH, r_BTC)/Var(r_BTC) of an
/// EWMA covariance fed the same prices.
/// </summary>
[TestFixture]
public class MinimumVarianceHedgeRiskManagementModelTests
{
    private const double Band = 0.1;
    private static readonly Symbol Eth = Symbol.Create("ETHUSDT", SecurityType.Crypto, Market.Binance);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly double[] EthReturns = { 0.010, -0.004, 0.007, -0.012, 0.003, 0.009, -0.006, 0.002 };
    private static readonly double[] Noise = { 0.002, 0.003, -0.004, 0.001, -0.002, 0.004, 0.001, -0.003 };

    [Test]
    public void BeyondTheBandTheTargetIsTheMinimumVarianceHedge()
    {
        var (model, eth, btc) = Create();
        eth.Holding(10m);
        var expected = WarmUp(model, 10.0);

        var target = model.ManageRisk(new QCAlgorithm(), Array.Empty<IPortfolioTarget>()).Single();

        Assert.That(expected, Is.LessThan(-1.0), "a long ETH is hedged by selling BTC");
        Assert.That(target.Symbol, Is.EqualTo(Btc));
        Assert.That((double)target.Quantity, Is.EqualTo(expected).Within((double)Lot / 2), "h* to the nearest lot");
        Assert.That(model.MinimumVarianceQuantity(Btc), Is.EqualTo(expected).Within(1e-9));
        Assert.That(double.IsNaN(model.MinimumVarianceQuantity(Eth)), "ETH is not a hedge instrument");
    }

    [TestCase(0.9, false)]
    [TestCase(1.1, true)]
    [TestCase(-0.9, false)]
    [TestCase(-1.1, true)]
    public void HedgeTargetsAppearOnlyBeyondTheBand(double bandsOfDrift, bool expectTarget)
    {
        var (model, eth, btc) = Create();
        eth.Holding(10m);
        var expected = WarmUp(model, 10.0);
        btc.Holding((decimal)(expected * (1 + (bandsOfDrift * Band))));

        var targets = model.ManageRisk(new QCAlgorithm(), Array.Empty<IPortfolioTarget>()).ToList();

        Assert.That(targets, Has.Count.EqualTo(expectTarget ? 1 : 0));
    }

    [Test]
    public void NoHedgeWhileWarmingUpOrWhenAPlainTargetWasGivenForTheHedgeInstrument()
    {
        var (model, eth, _) = Create();
        eth.Holding(10m);
        model.Prices = (100m, 50m);
        Assert.That(model.ManageRisk(new QCAlgorithm(), Array.Empty<IPortfolioTarget>()), Is.Empty, "no covariance yet");
        model.Time += Minute;
        WarmUp(model, 10.0);
        var killed = new IPortfolioTarget[] { new PortfolioTarget(Btc, 0m, "kill switch") };
        Assert.That(model.ManageRisk(new QCAlgorithm(), killed), Is.Empty, "the earlier model's zero wins");
    }

    [Test]
    public void SettingsAreValidated()
    {
        var sampling = new CovarianceSampling(Minute, Minute, 2);
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new HedgeSettings(-0.1, sampling))!.ParameterName, Is.EqualTo("relativeBand"));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new MinimumVarianceHedgeRiskManagementModel(Array.Empty<Symbol>(), new HedgeSettings(0.1, sampling)))!.ParameterName,
            Is.EqualTo("hedgeSymbols"));
    }

    /// <summary>Feeds the price path a minute apart; returns h* of <paramref name="ethHoldings"/> from an independent estimator.</summary>
    private static double WarmUp(TestableHedge model, double ethHoldings)
    {
        var reference = new EwmaCovarianceEstimator(2, TimeSpan.FromHours(1).TotalSeconds);
        double logEth = Math.Log(100), logBtc = Math.Log(50);
        var t0 = model.Time;
        for (var k = 0; k <= EthReturns.Length; k++)
        {
            if (k > 0)
            {
                logEth += EthReturns[k - 1];
                logBtc += (0.5 * EthReturns[k - 1]) + Noise[k - 1];
            }

            model.Prices = ((decimal)Math.Exp(logEth), (decimal)Math.Exp(logBtc));
            var prices = new[] { (double)model.Prices.Eth, (double)model.Prices.Btc };
            reference.Update((model.Time - t0).TotalSeconds, prices);
            if (k < EthReturns.Length)
            {
                model.ManageRisk(new QCAlgorithm(), Array.Empty<IPortfolioTarget>());
                model.Time += Minute;
            }
        }

        var (pEth, pBtc) = ((double)model.Prices.Eth, (double)model.Prices.Btc);
        return -ethHoldings * (pEth / pBtc) * reference.Covariance(0, 1) / reference.Covariance(1, 1);
    }

    private static (TestableHedge Model, Security Eth, Security Btc) Create()
    {
        var model = new TestableHedge(new HedgeSettings(Band, new CovarianceSampling(Minute, TimeSpan.FromHours(1), 3)));
        var eth = NewSecurity(Eth);
        var btc = NewSecurity(Btc);
        model.OnSecuritiesChanged(new QCAlgorithm(), Added(eth, btc));
        return (model, eth, btc);
    }

    private sealed class TestableHedge : MinimumVarianceHedgeRiskManagementModel
    {
        public TestableHedge(HedgeSettings settings) : base(new[] { Btc }, settings)
        {
        }

        public DateTime Time { get; set; } = Start;

        public (decimal Eth, decimal Btc) Prices { get; set; } = (100m, 50m);

        protected override DateTime GetTime(QCAlgorithm algorithm) => Time;

        protected override OpenMarketClock CreateClock(IReadOnlyList<Security> securities) => TestMarketHours.AlwaysOpen();

        protected override decimal GetPrice(Security security) => security.Symbol == Btc ? Prices.Btc : Prices.Eth;
    }
}
