using System;
using System.Collections.Generic;
using System.Linq;
using Lean.MarketMaking.Algorithms.PortfolioConstruction;
using Lean.MarketMaking.Indicators;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Risk;
using Lean.MarketMaking.Risk;
using NUnit.Framework;
using QuantConnect.Algorithm;
using QuantConnect.Algorithm.Framework.Portfolio;
using QuantConnect.Algorithm.Framework.Risk;
using QuantConnect.Securities;
using Lean.MarketMaking.Tests.LeanLayer.Indicators;
using static Lean.MarketMaking.Tests.LeanLayer.LeanTestKit;

namespace Lean.MarketMaking.Tests.LeanLayer.Risk;

/// <summary>
/// One asset whose sampled price alternates 100 and 100·e^0.01: every log return is ±0.01, so the EWMA variance per
/// sampling interval is 0.01² exactly and at price 100 the 99 % one-interval VaR of q units is z·|q|·100·0.01 = 2.3263·|q|.
/// </summary>
[TestFixture]
public class ValueAtRiskLimitRiskManagementModelTests
{
    private const double Z99 = 2.3263478740408408;
    private static readonly QuantConnect.Symbol Eth = QuantConnect.Symbol.Create("ETHUSDT", QuantConnect.SecurityType.Crypto, QuantConnect.Market.Binance);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    // soft 1, hard 3, reduce 4 (currency)
    private static ValueAtRiskLimits Limits() => new(1.0, 3.0, 4.0, new ValueAtRiskParameters(0.99), new CovarianceSampling(Minute, TimeSpan.FromHours(1), 3));

    [Test]
    public void WhileWarmingUpNothingIsAdjustedThenVaRAndUtilisationAreThoseOfTheHoldings()
    {
        var (model, security) = Create();
        security.Holding(1m);
        model.Price = 100m;
        Assert.That(model.ManageRisk(new QCAlgorithm(), new IPortfolioTarget[] { Quote(1m) }), Is.Empty);
        Assert.That((model.State, double.IsNaN(model.ValueAtRisk)), Is.EqualTo((ValueAtRiskLimitState.WarmingUp, true)));

        WarmUp(model);

        Assert.That(model.ValueAtRisk, Is.EqualTo(Z99).Within(1e-9));
        Assert.That(model.Utilisation, Is.EqualTo(Z99 / 3.0).Within(1e-9));
        Assert.That(model.ExpectedShortfall, Is.GreaterThan(model.ValueAtRisk));
    }

    [Test]
    public void BelowTheSoftLimitQuotesPassUntouched()
    {
        var (model, security) = Create();
        security.Holding(0.2m); // VaR 0.465
        WarmUp(model);
        Assert.That(model.ManageRisk(new QCAlgorithm(), new IPortfolioTarget[] { Quote(0.2m) }), Is.Empty);
        Assert.That(model.State, Is.EqualTo(ValueAtRiskLimitState.Normal));
    }

    [TestCase(1, 0.336, 1)]   // long: the bid adds risk, × (3 − 2.3263)/(3 − 1) = 0.3368, down to the lot
    [TestCase(-1, 1, 0.336)]  // short: the ask adds risk
    public void BetweenSoftAndHardTheRiskIncreasingSideScalesLinearly(decimal holdings, decimal expectedBid, decimal expectedAsk)
    {
        var (model, security) = Create();
        security.Holding(holdings);
        WarmUp(model);

        var adjusted = (IQuoteTarget)model.ManageRisk(new QCAlgorithm(), new IPortfolioTarget[] { Quote(holdings) }).Single();

        Assert.That(model.State, Is.EqualTo(ValueAtRiskLimitState.Scaling));
        Assert.That((adjusted.BidSize, adjusted.AskSize), Is.EqualTo((expectedBid, expectedAsk)));
        Assert.That(Limits().SizeFactor(Z99), Is.EqualTo((3.0 - Z99) / 2.0).Within(1e-12));
    }

    [TestCase(1.5, 0, 1)]   // VaR 3.49: in [hard 3, reduce 4]
    [TestCase(-1.5, 1, 0)]
    public void AtTheHardLimitOnlyTheReducingSideIsQuoted(decimal holdings, decimal expectedBid, decimal expectedAsk)
    {
        var (model, security) = Create();
        security.Holding(holdings);
        WarmUp(model);

        var adjusted = (IQuoteTarget)model.ManageRisk(new QCAlgorithm(), new IPortfolioTarget[] { Quote(holdings) }).Single();

        Assert.That(model.State, Is.EqualTo(ValueAtRiskLimitState.ReducingOnly));
        Assert.That((adjusted.BidSize, adjusted.AskSize), Is.EqualTo((expectedBid, expectedAsk)));
    }

    [TestCase(1.5, 0, 1.5)]   // VaR 3.49: an ask of 5 would overshoot the flat book (the VaR minimum) and raise the VaR again
    [TestCase(-1.5, 1.5, 0)]
    public void AtTheHardLimitTheReducingSideStopsAtTheVaRMinimisingQuantity(decimal holdings, decimal expectedBid, decimal expectedAsk)
    {
        var (model, security) = Create();
        security.Holding(holdings);
        WarmUp(model);

        var quote = new QuoteTarget(Btc, new InventoryExposure(holdings, 0m, 0m), 99m, 101m, 5m, 5m, 100m);
        var adjusted = (IQuoteTarget)model.ManageRisk(new QCAlgorithm(), new IPortfolioTarget[] { quote }).Single();

        Assert.That((adjusted.BidSize, adjusted.AskSize), Is.EqualTo((expectedBid, expectedAsk)));
    }

    [TestCase(2, 1.289)]    // VaR 4.65 > 4: 2 × 3/4.6527 = 1.2896, towards zero to the lot
    [TestCase(-2, -1.289)]
    public void BeyondTheReduceLimitThePositionIsScaledBackToTheHardLimitAndLoggedOnce(decimal holdings, decimal expected)
    {
        var (model, security) = Create();
        security.Holding(holdings);
        WarmUp(model);

        for (var i = 0; i < 3; i++)
        {
            var target = model.ManageRisk(new QCAlgorithm(), new IPortfolioTarget[] { Quote(holdings) }).Single();
            Assert.That(target, Is.Not.InstanceOf<IQuoteTarget>());
            Assert.That(target.Quantity, Is.EqualTo(expected));
        }

        Assert.That(model.State, Is.EqualTo(ValueAtRiskLimitState.Reducing));
        Assert.That(Z99 * (double)Math.Abs(expected), Is.LessThanOrEqualTo(3.0), "the reduced book is within the hard limit");
        Assert.That(model.Logs.Lines, Has.Count.EqualTo(1));
    }

    [Test]
    public void AStricterPlainTargetItIsGivenIsKeptALooserOneIsOverridden()
    {
        var (model, security) = Create();
        security.Holding(2m);
        WarmUp(model);
        Assert.That(model.ManageRisk(new QCAlgorithm(), new IPortfolioTarget[] { new PortfolioTarget(Btc, 0m) }), Is.Empty);
        Assert.That(model.ManageRisk(new QCAlgorithm(), new IPortfolioTarget[] { new PortfolioTarget(Btc, 1.5m) }).Single().Quantity, Is.EqualTo(1.289m));
    }

    [Test]
    public void ComposedWithTheKillSwitchAndTheInventoryLimitTheStrictestWins()
    {
        var (model, security) = Create();
        security.Holding(1m);
        WarmUp(model);
        var inventory = new InventoryLimitRiskManagementModel(new InventoryLimits(maxLong: 1.2m, maxShort: 10m));
        var kill = new QuietKillSwitch();
        var composite = new CompositeRiskManagementModel(kill, inventory, model);
        composite.OnSecuritiesChanged(new QCAlgorithm(), Added(security));
        model.Step();

        // VaR scales the bid to 0.336, the inventory limit (1 + 0.5 > 1.2) had switched it off: 0 wins; the ask keeps 1
        var quote = new QuoteTarget(Btc, new InventoryExposure(1m, 0m, 0m), 99m, 101m, 0.5m, 1m, 100m);
        var result = (IQuoteTarget)composite.ManageRisk(new QCAlgorithm(), new IPortfolioTarget[] { quote }).Single();
        Assert.That((result.BidSize, result.AskSize), Is.EqualTo((0m, 1m)));

        // the inventory limit leaves the bid alone (1 + 0.1 ≤ 1.2): the VaR scaling of the bid wins
        model.Step();
        quote = new QuoteTarget(Btc, new InventoryExposure(1m, 0m, 0m), 99m, 101m, 0.1m, 1m, 100m);
        result = (IQuoteTarget)composite.ManageRisk(new QCAlgorithm(), new IPortfolioTarget[] { quote }).Single();
        Assert.That((result.BidSize, result.AskSize), Is.EqualTo((0.033m, 1m)));

        // beyond the reduce limit with the kill switch tripped: its zero is stricter than the VaR reduction and is kept
        security.Holding(2m);
        kill.Kill("test");
        model.Step();
        var target = composite.ManageRisk(new QCAlgorithm(), new IPortfolioTarget[] { Quote(2m) }).Single();
        Assert.That((target.Quantity, target.Tag), Is.EqualTo((0m, KillSwitchRiskManagementModel.TagPrefix + "test")));
    }

    [Test]
    public void TheRiskIncreasingSideIsDecidedByTheMarginalVaROfTheBookNotByTheSignOfTheHolding()
    {
        // ETH moves with BTC (identical returns): short 0.5 ETH hedges half of the long BTC, VaR = z·0.01·(100 − 50) = 1.163;
        // buying ETH removes the hedge, so ETH's bid (not its ask) is the risk-increasing side and is scaled by (3 − 1.163)/2
        var model = new TestableVaR(Limits());
        var btc = NewSecurity().Holding(1m);
        var eth = NewSecurity(Eth).Holding(-0.5m);
        model.OnSecuritiesChanged(new QCAlgorithm(), Added(btc, eth));
        WarmUp(model);
        var quote = new QuoteTarget(Eth, new InventoryExposure(-0.5m, 0m, 0m), 99m, 101m, 1m, 1m, 100m);

        var adjusted = (IQuoteTarget)model.ManageRisk(new QCAlgorithm(), new IPortfolioTarget[] { quote }).Single();

        Assert.That(model.ValueAtRisk, Is.EqualTo(Z99 * 0.5).Within(1e-9));
        Assert.That((adjusted.BidSize, adjusted.AskSize), Is.EqualTo((0.918m, 1m)));
    }

    [Test]
    public void AStepAfterTheWarmUpAllocatesNothingWhenNothingIsAdjusted()
    {
        var (model, security) = Create();
        security.Holding(0.2m);
        WarmUp(model);
        var algorithm = new QCAlgorithm();
        var targets = new IPortfolioTarget[] { Quote(0.2m) };
        model.ManageRisk(algorithm, targets);
        model.Time += Minute; // a sampling step too
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            model.ManageRisk(algorithm, targets);
            model.Step();
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void ARoundingNegativeVarianceOfAPerfectlyHedgedBookIsNoRiskNotACrash()
    {
        // identical returns priced 100/99 and 200/198: e'Σe of +1 BTC (100) and −0.5 ETH (−100) rounds to about −3e-16
        var model = new TestableVaR(Limits()) { EthPriceFactor = 2m };
        var btc = NewSecurity().Holding(1m);
        var eth = NewSecurity(Eth).Holding(-0.5m);
        model.OnSecuritiesChanged(new QCAlgorithm(), Added(btc, eth));
        foreach (var price in new[] { 100m, 99m, 100m, 99m, 100m })
        {
            model.Price = price;
            Assert.DoesNotThrow(() => model.ManageRisk(new QCAlgorithm(), new IPortfolioTarget[] { Quote(1m) }).ToList());
            model.Time += Minute;
        }

        Assert.That((model.State, model.ValueAtRisk), Is.EqualTo((ValueAtRiskLimitState.Normal, 0.0)));
    }

    [Test]
    public void ReturnsAreSampledOnTheOpenMarketClockSoTheOvernightGapIsNoReturn()
    {
        // US equity hours: a session of alternating ±0.01 log returns from 15:56 to 15:59, a 20 % gap overnight, the next
        // session alternating again from 09:30; one sample a minute. The gap is no return and the close is no time:
        // VaR stays z·|q|·100·0.01. On the calendar clock the gap would be a return and 17.5 hours one interval
        var day = new DateTime(2024, 1, 2);
        var model = new TestableVaR(Limits()) { Clock = TestMarketHours.Equity(day, 3), Time = day.AddHours(15).AddMinutes(56) };
        var security = NewSecurity().Holding(1m);
        model.OnSecuritiesChanged(new QCAlgorithm(), Added(security));
        var up = (decimal)(100 * Math.Exp(0.01));
        foreach (var price in new[] { 100m, up, 100m, up })
        {
            model.Price = price;
            model.ManageRisk(new QCAlgorithm(), Array.Empty<IPortfolioTarget>());
            model.Time += Minute;
        }

        model.Time = day.AddDays(1).AddHours(9.5);
        foreach (var price in new[] { 120m, (decimal)(120 * Math.Exp(0.01)), 120m })
        {
            model.Price = price;
            model.ManageRisk(new QCAlgorithm(), Array.Empty<IPortfolioTarget>());
            model.Time += Minute;
        }

        Assert.That(model.ValueAtRisk, Is.EqualTo(Z99 * 1.2).Within(1e-9), "VaR of 1 unit at 120 with σ = 0.01 per minute");
    }

    [Test]
    public void MeasureGivesTheVaROfTheHoldingsNowWithoutSamplingOrChangingTheState()
    {
        var (model, security) = Create();
        Assert.That(double.IsNaN(model.Measure()), "warming up");
        security.Holding(0.2m);
        WarmUp(model);
        model.ManageRisk(new QCAlgorithm(), Array.Empty<IPortfolioTarget>());
        security.Holding(-1.5m); // a fill between two steps
        model.Price = 50m;       // not sampled: the covariance is the last step's

        Assert.That(model.Measure(), Is.EqualTo(Z99 * 1.5 * 0.5).Within(1e-9));
        Assert.That(model.ValueAtRisk, Is.EqualTo(Z99 * 0.75).Within(1e-9));
        Assert.That(model.State, Is.EqualTo(ValueAtRiskLimitState.Normal), "the state is the last step's");
        Assert.That(model.Measure(Btc, 1.5m), Is.EqualTo(0.0).Within(1e-9), "the book before a fill of -1.5");
    }

    [Test]
    public void LimitsAreValidated()
    {
        var p = new ValueAtRiskParameters(0.99);
        var s = new CovarianceSampling(Minute, Minute, 2);
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new ValueAtRiskLimits(0, 1, 1, p, s))!.ParameterName, Is.EqualTo("softLimit"));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new ValueAtRiskLimits(2, 2, 3, p, s))!.ParameterName, Is.EqualTo("hardLimit"));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new ValueAtRiskLimits(1, 2, 1.5, p, s))!.ParameterName, Is.EqualTo("reduceLimit"));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new ValueAtRiskLimits(1, 2, 3, new ValueAtRiskParameters(0.4), s))!.ParameterName, Is.EqualTo("valueAtRisk"));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new CovarianceSampling(TimeSpan.Zero, Minute, 2))!.ParameterName, Is.EqualTo("interval"));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new CovarianceSampling(Minute, Minute, 1))!.ParameterName, Is.EqualTo("minimumSamples"));
    }

    [Test]
    public void ABadPriceIsSkippedNotThrownOn()
    {
        var (model, security) = Create();
        security.Holding(1m);
        WarmUp(model);
        model.Price = 0m;
        model.Time += Minute;
        Assert.DoesNotThrow(() => model.ManageRisk(new QCAlgorithm(), new IPortfolioTarget[] { Quote(1m) }).ToList());
    }

    private static QuoteTarget Quote(decimal holdings) => new(Btc, new InventoryExposure(holdings, 0m, 0m), 99m, 101m, 1m, 1m, 100m);

    /// <summary>Four samples one minute apart: 100, 100e^0.01, 100, 100e^0.01 (log returns ±0.01), ending at 100.</summary>
    private static void WarmUp(TestableVaR model)
    {
        foreach (var price in new[] { 100m, (decimal)(100 * Math.Exp(0.01)), 100m, (decimal)(100 * Math.Exp(0.01)), 100m })
        {
            model.Price = price;
            model.ManageRisk(new QCAlgorithm(), Array.Empty<IPortfolioTarget>());
            model.Time += Minute;
        }

        model.Time -= Minute; // the next step is not a new sample: the VaR stays at price 100
    }

    private static (TestableVaR Model, Security Security) Create()
    {
        var model = new TestableVaR(Limits());
        var security = NewSecurity();
        model.OnSecuritiesChanged(new QCAlgorithm(), Added(security));
        return (model, security);
    }

    private sealed class TestableVaR : ValueAtRiskLimitRiskManagementModel
    {
        public TestableVaR(ValueAtRiskLimits limits) : base(limits)
        {
        }

        public DateTime Time { get; set; } = Start;

        public decimal Price { get; set; } = 100m;

        public LogSink Logs { get; } = new();

        /// <summary>Advances the clock by less than an interval: no new sample.</summary>
        public void Step() => Time += TimeSpan.FromSeconds(1);

        protected override DateTime GetTime(QCAlgorithm algorithm) => Time;

        public OpenMarketClock Clock { get; init; } = TestMarketHours.AlwaysOpen();

        protected override OpenMarketClock CreateClock(IReadOnlyList<Security> securities) => Clock;

        public decimal EthPriceFactor { get; set; } = 1m;

        protected override decimal GetPrice(Security security) => security.Symbol == Eth ? Price * EthPriceFactor : Price;

        protected override void Log(QCAlgorithm algorithm, string message) => Logs.Add(message);
    }

    private sealed class QuietKillSwitch : KillSwitchRiskManagementModel
    {
        public QuietKillSwitch() : base(KillSwitchLimits.ManualOnly)
        {
        }

        protected override decimal GetEquity(QCAlgorithm algorithm) => 1000m;

        protected override DateTime GetTime(QCAlgorithm algorithm) => Start;

        protected override void Log(QCAlgorithm algorithm, string message)
        {
        }
    }
}
