using System;
using System.Collections.Generic;
using Lean.MarketMaking.Algorithms.Execution;
using Lean.MarketMaking.Algorithms.PortfolioConstruction;
using Moq;
using NUnit.Framework;
using QuantConnect;
using QuantConnect.Algorithm;
using QuantConnect.Algorithm.Framework.Portfolio;
using QuantConnect.Brokerages;
using QuantConnect.Interfaces;
using QuantConnect.Orders;
using QuantConnect.Securities;
using static Lean.MarketMaking.Tests.LeanLayer.LeanTestKit;

namespace Lean.MarketMaking.Tests.LeanLayer.Execution;

/// <summary>
/// Issue 11 §3: the execution model's venue rules, from a mocked LEAN brokerage model and router per case — post-only
/// properties and update-or-replace decided up front, minimum order size in the brokerage's unit, order-rate budgets.
/// </summary>
[TestFixture]
public class BrokerageAwareExecutionTests
{
    private Mock<IQuoteOrderRouter> _router = null!;
    private readonly List<int> _cancelRequests = new();
    private readonly QCAlgorithm _algorithm = new();
    private int _nextId;

    [SetUp]
    public void SetUp()
    {
        _nextId = 0;
        _cancelRequests.Clear();
        _router = new Mock<IQuoteOrderRouter>(MockBehavior.Strict);
        _router.Setup(r => r.Submit(It.IsAny<Symbol>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>())).Returns(() => ++_nextId);
        _router.Setup(r => r.SubmitMarketable(It.IsAny<Symbol>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>())).Returns(() => ++_nextId);
        _router.Setup(r => r.Update(It.IsAny<int>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>())).Returns(true);
        _router.Setup(r => r.GetUpdateOutcome(It.IsAny<int>())).Returns(UpdateOutcome.Applied);
        _router.Setup(r => r.IsOpen(It.IsAny<int>())).Returns(true);
        _router.Setup(r => r.Cancel(It.IsAny<int>(), It.IsAny<string>())).Callback<int, string>((id, _) => _cancelRequests.Add(id)).Returns(true);
        _router.Setup(r => r.Release(It.IsAny<int>()));
    }

    private static MarketMakingExecutionSettings Settings(OrderRateLimits? limits = null, IOrderProperties? properties = null) =>
        new(minRepriceTicks: 1, maxBookAge: TimeSpan.FromSeconds(5), quoteOrderProperties: properties, rateLimits: limits);

    private static QuoteTarget Quote(Symbol symbol, decimal bid, decimal ask, decimal size = 0.5m) =>
        new(symbol, default, bid, ask, size, size, (bid + ask) / 2);

    private static Security NewSecurity(Symbol symbol, decimal? minimumOrderSize = null) =>
        new(symbol, new SymbolProperties("test", "USDT", 1m, TickSize, Lot, "test", minimumOrderSize));

    private Venue NewVenue(IBrokerageModel brokerage, MarketMakingExecutionSettings settings, params Security[] securities)
    {
        var venue = new Venue(settings, _router.Object, brokerage);
        foreach (var security in securities)
        {
            security.Quote(99.99m, 100.01m, Start);
        }

        venue.OnSecuritiesChanged(_algorithm, Added(securities));
        return venue;
    }

    /// <summary>One step; first the cancels requested so far are confirmed, as LEAN does between steps.</summary>
    private void Step(Venue venue, params IPortfolioTarget[] targets)
    {
        foreach (var id in _cancelRequests)
        {
            venue.OnOrderEvent(_algorithm, new OrderEvent { OrderId = id, Symbol = Btc, Status = OrderStatus.Canceled });
        }

        _cancelRequests.Clear();
        venue.Execute(_algorithm, targets);
    }

    private static Mock<T> Brokerage<T>(bool canUpdate) where T : DefaultBrokerageModel
    {
        var model = new Mock<T>(AccountType.Cash);
        BrokerageMessageEvent message = null!;
        model.Setup(m => m.CanUpdateOrder(It.IsAny<Security>(), It.IsAny<Order>(), It.IsAny<UpdateOrderRequest>(), out message)).Returns(canUpdate);
        return model;
    }

    [Test]
    public void PostOnlyPropertiesArePickedFromTheBrokerageModelWithTheDefaultTimeInForce()
    {
        var cases = new (DefaultBrokerageModel Model, Type Properties)[]
        {
            (new BinanceBrokerageModel(), typeof(BinanceOrderProperties)),
            (new CoinbaseBrokerageModel(), typeof(CoinbaseOrderProperties)),
            (new KrakenBrokerageModel(), typeof(KrakenOrderProperties)),
            (new BybitBrokerageModel(), typeof(BybitOrderProperties)),
            (new BitfinexBrokerageModel(), typeof(BitfinexOrderProperties)),
            (new TradeStationBrokerageModel(), typeof(TradeStationOrderProperties)),
            (new dYdXBrokerageModel(), typeof(dYdXOrderProperties)),
        };
        foreach (var (model, type) in cases)
        {
            var properties = BrokerageQuoteRules.PostOnlyProperties(model, TimeInForce.Day);
            Assert.That(properties, Is.TypeOf(type), model.GetType().Name);
            Assert.That(Algorithms.Fills.PassiveQuoteFillModel.IsPostOnly(properties), Is.True, model.GetType().Name);
            Assert.That(properties!.TimeInForce, Is.SameAs(TimeInForce.Day));
        }

        Assert.That(BrokerageQuoteRules.PostOnlyProperties(new DefaultBrokerageModel(), TimeInForce.GoodTilCanceled), Is.Null, "LEAN's default model: default properties");
    }

    [Test]
    public void QuotesCarryTheBrokeragesPostOnlyPropertiesUnlessTheSettingsGiveOthers()
    {
        var security = NewSecurity(Btc);
        var rules = BrokerageQuoteRules.From(Brokerage<CoinbaseBrokerageModel>(true).Object, security, new OrderProperties(), Settings(), Start);
        Assert.That(rules.QuoteOrderProperties, Is.TypeOf<CoinbaseOrderProperties>());
        Assert.That(((CoinbaseOrderProperties)rules.QuoteOrderProperties!).PostOnly, Is.True);

        var own = new OrderProperties();
        Assert.That(BrokerageQuoteRules.From(Brokerage<CoinbaseBrokerageModel>(true).Object, security, null, Settings(properties: own), Start).QuoteOrderProperties,
            Is.SameAs(own));
    }

    [Test]
    public void OnABrokerageThatCannotUpdateTheFirstRepriceIsACancelAndReplaceWithoutAnUpdateTried()
    {
        var venue = NewVenue(Brokerage<BinanceBrokerageModel>(canUpdate: false).Object, Settings(OrderRateLimits.None), NewSecurity(Btc));
        Step(venue, Quote(Btc, 99.90m, 100.10m));
        Step(venue, Quote(Btc, 99.93m, 100.10m));

        _router.Verify(r => r.Update(It.IsAny<int>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>()), Times.Never,
            "decided from the brokerage model, not learned from a rejected update");
        _router.Verify(r => r.Cancel(1, "mm bid"), Times.Once);
        Step(venue, Quote(Btc, 99.93m, 100.10m));
        _router.Verify(r => r.Submit(Btc, 0.5m, 99.93m, "mm bid"), Times.Once, "replaced once the cancel is confirmed");
        Assert.That(venue.Statistics.Replacements, Is.EqualTo(1));
        Assert.That(venue.Statistics.Updates, Is.Zero);
    }

    [Test]
    public void CoinbaseUpdatesGoodTilCancelledQuotesAndReplacesDayOrders()
    {
        // LEAN's CoinbaseBrokerageModel lets only good-til-cancelled limit orders be updated, and only while they work
        // (New, Submitted, PartiallyFilled, UpdateSubmitted: a just-constructed LEAN order has status None): the probe
        // order is a working limit order with the quotes' properties and the algorithm's default time in force
        var model = new Mock<CoinbaseBrokerageModel>(AccountType.Cash);
        BrokerageMessageEvent message = null!;
        model.Setup(m => m.CanUpdateOrder(It.IsAny<Security>(),
                It.Is<Order>(o => o is LimitOrder && o.Properties.TimeInForce == TimeInForce.GoodTilCanceled
                    && (o.Status == OrderStatus.New || o.Status == OrderStatus.Submitted || o.Status == OrderStatus.PartiallyFilled || o.Status == OrderStatus.UpdateSubmitted)),
                It.IsAny<UpdateOrderRequest>(), out message))
            .Returns(true);

        var security = NewSecurity(Btc);
        Assert.That(BrokerageQuoteRules.From(model.Object, security, new OrderProperties(), Settings(), Start).CanUpdateQuotes, Is.True);
        Assert.That(BrokerageQuoteRules.From(model.Object, security, new OrderProperties { TimeInForce = TimeInForce.Day }, Settings(), Start).CanUpdateQuotes,
            Is.False);
    }

    [Test]
    public void AQuoteSideBelowTheMinimumNotionalIsNotPlacedOnBinance()
    {
        // Binance's minimum is a notional in the quote currency, strictly exceeded (LEAN's BinanceBrokerageModel):
        // 0.5 × 99.90 = 49.95 ≤ 50 is refused, 0.5 × 100.10 = 50.05 is accepted
        var venue = NewVenue(Brokerage<BinanceBrokerageModel>(false).Object, Settings(OrderRateLimits.None), NewSecurity(Btc, minimumOrderSize: 50m));
        Step(venue, Quote(Btc, 99.90m, 100.10m));

        _router.Verify(r => r.Submit(Btc, It.IsAny<decimal>(), It.IsAny<decimal>(), "mm bid"), Times.Never);
        _router.Verify(r => r.Submit(Btc, -0.5m, 100.10m, "mm ask"), Times.Once);
        Assert.That(venue.Statistics.BelowMinimumSize, Is.EqualTo(1));
        Assert.That(venue.Logs, Has.Some.Contains("below the venue's minimum order (50 notional)"));
    }

    [Test]
    public void AQuoteSideBelowTheMinimumUnitsIsNotPlacedOnCoinbase()
    {
        var venue = NewVenue(Brokerage<CoinbaseBrokerageModel>(true).Object, Settings(OrderRateLimits.None), NewSecurity(Btc, minimumOrderSize: 0.6m));
        Step(venue, Quote(Btc, 99.90m, 100.10m, size: 0.5m));
        _router.Verify(r => r.Submit(It.IsAny<Symbol>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>()), Times.Never);
        Assert.That(venue.Statistics.BelowMinimumSize, Is.EqualTo(2));

        Step(venue, Quote(Btc, 99.90m, 100.10m, size: 0.6m));
        _router.Verify(r => r.Submit(It.IsAny<Symbol>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>()), Times.Exactly(2));
    }

    [TestCase(false, 0.6, 100, 0.6)]
    [TestCase(false, 0.0005, 100, 0.001)]
    [TestCase(true, 50, 100, 0.501)]
    [TestCase(true, 50, 99.9, 0.501)]
    [TestCase(true, 5, 40000, 0.001)]
    public void MinimumQuantityIsOnTheLotGridInTheBrokeragesUnit(bool notional, decimal minimum, decimal price, decimal expected)
    {
        var rules = new BrokerageQuoteRules(null, true, minimum, notional, OrderRateLimits.None);
        Assert.That(rules.MinimumQuantity(price, Lot), Is.EqualTo(expected));
        if (notional)
        {
            Assert.That(expected * price, Is.GreaterThan(minimum));
            Assert.That((expected - Lot) * price, Is.LessThanOrEqualTo(minimum));
        }
    }

    [Test]
    public void TheMinimumsUnitFollowsTheBrokerageModelThenTheMarket()
    {
        var coinbaseBtc = Symbol.Create("BTCUSD", SecurityType.Crypto, Market.Coinbase);
        Assert.That(BrokerageQuoteRules.IsMinimumNotional(new BinanceBrokerageModel(), coinbaseBtc), Is.True);
        Assert.That(BrokerageQuoteRules.IsMinimumNotional(new CoinbaseBrokerageModel(), Btc), Is.False);
        Assert.That(BrokerageQuoteRules.IsMinimumNotional(new DefaultBrokerageModel(), Btc), Is.True, "binance rows hold a notional");
        Assert.That(BrokerageQuoteRules.IsMinimumNotional(new DefaultBrokerageModel(), coinbaseBtc), Is.False);
    }

    [Test]
    public void AFlattenClipIsAtLeastTheVenueMinimumAndADustRemainderEndsTheFlatten()
    {
        var security = NewSecurity(Btc, minimumOrderSize: 0.3m);
        var venue = NewVenue(Brokerage<CoinbaseBrokerageModel>(true).Object, Settings(OrderRateLimits.None), security);
        security.Quote(99.99m, 100.01m, Start, bidSize: 0.1m, askSize: 0.1m).Holding(0.7m);
        Step(venue, new PortfolioTarget(Btc, 0m));
        _router.Verify(r => r.SubmitMarketable(Btc, -0.3m, 99.99m, "mm flatten"), Times.Once, "displayed 0.1 raised to the 0.3 minimum");

        venue.OnOrderEvent(_algorithm, new OrderEvent { OrderId = 1, Symbol = Btc, Status = OrderStatus.Filled, FillQuantity = -0.3m });
        venue.OnOrderEvent(_algorithm, new OrderEvent { OrderId = 2, Symbol = Btc, Status = OrderStatus.Filled, FillQuantity = -0.3m });
        security.Holding(0.2m);
        Step(venue, new PortfolioTarget(Btc, 0m));
        _router.Verify(r => r.SubmitMarketable(It.IsAny<Symbol>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>()), Times.Once,
            "0.2 left is below the minimum: no order the venue would refuse");
        Assert.That(venue.Logs, Has.Some.Contains("below the venue's minimum order of 0.300; flatten ended"));
    }

    [Test]
    public void ARepriceBeyondTheSymbolBudgetIsDeferredNotDroppedAndCancelsAlwaysGoOut()
    {
        // two requests at once, then one per second
        var limits = new OrderRateLimits(new OrderRateLimit(1, 2), null);
        var security = NewSecurity(Btc);
        var venue = NewVenue(new DefaultBrokerageModel(), Settings(limits), security);
        Step(venue, Quote(Btc, 99.90m, 100.10m)); // both quotes: the bucket is empty

        venue.Now = Start.AddSeconds(0.5);
        security.Quote(99.99m, 100.01m, venue.Now);
        Step(venue, Quote(Btc, 99.95m, 100.10m));
        _router.Verify(r => r.Update(It.IsAny<int>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>()), Times.Never);
        Assert.That(venue.Statistics.Deferred, Is.EqualTo(1));
        Assert.That(venue.Logs, Has.Some.Contains("order-rate budget spent"));

        venue.Now = Start.AddSeconds(1.0);
        security.Quote(99.99m, 100.01m, venue.Now);
        Step(venue, Quote(Btc, 99.96m, 100.10m));
        _router.Verify(r => r.Update(1, 0.5m, 99.96m, "mm bid"), Times.Once, "re-priced at the then current quote once the budget refilled");

        // the budget is spent again, but a pulled side is cancelled at once (into debt)
        Step(venue, Quote(Btc, 99.96m, 100.10m, size: 0m));
        _router.Verify(r => r.Cancel(1, It.IsAny<string>()), Times.Once);
        _router.Verify(r => r.Cancel(2, It.IsAny<string>()), Times.Once);
        Assert.That(venue.Statistics.Cancels, Is.EqualTo(2));
        Assert.That(venue.Statistics.OrdersSubmitted, Is.EqualTo(2));
        Assert.That(venue.Statistics.Updates, Is.EqualTo(1));
    }

    [Test]
    public void TheAccountBudgetIsSharedByEverySecurityAndAReplaceWaitsForBothOfItsRequests()
    {
        var eth = Symbol.Create("ETHUSDT", SecurityType.Crypto, Market.Binance);
        var btc = NewSecurity(Btc);
        var ethSecurity = NewSecurity(eth);
        var limits = new OrderRateLimits(null, new OrderRateLimit(1, 3));
        var venue = NewVenue(Brokerage<BinanceBrokerageModel>(false).Object, Settings(limits), btc, ethSecurity);
        Step(venue, Quote(Btc, 99.90m, 100.10m), Quote(eth, 99.90m, 100.10m));
        _router.Verify(r => r.Submit(It.IsAny<Symbol>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>()), Times.Exactly(3),
            "three requests in the account's burst; the fourth deferred");
        Assert.That(venue.Statistics.Deferred, Is.EqualTo(1));

        // 1.5 s later: 1.5 tokens, not enough for BTC's cancel-and-replace (2 requests), which waits with the bid where it
        // rests; ETH's deferred ask goes out with one of them
        venue.Now = Start.AddSeconds(1.5);
        btc.Quote(99.99m, 100.01m, venue.Now);
        ethSecurity.Quote(99.99m, 100.01m, venue.Now);
        Step(venue, Quote(Btc, 99.93m, 100.10m), Quote(eth, 99.90m, 100.10m));
        _router.Verify(r => r.Cancel(It.IsAny<int>(), It.IsAny<string>()), Times.Never);
        _router.Verify(r => r.Submit(eth, -0.5m, 100.10m, "mm ask"), Times.Once);
        Assert.That(venue.Statistics.Deferred, Is.EqualTo(2));

        venue.Now = Start.AddSeconds(3.0);
        btc.Quote(99.99m, 100.01m, venue.Now);
        ethSecurity.Quote(99.99m, 100.01m, venue.Now);
        Step(venue, Quote(Btc, 99.93m, 100.10m), Quote(eth, 99.90m, 100.10m));
        _router.Verify(r => r.Cancel(1, "mm bid"), Times.Once, "two tokens again: the replace goes out");
    }

    [Test]
    public void TheBrokerageDefaultBudgetsAreTheVenuesPublishedLimits()
    {
        Assert.That(BrokerageQuoteRules.DefaultRateLimits(new BinanceBrokerageModel()).PerAccount!.RequestsPerSecond, Is.EqualTo(160_000.0 / 86_400).Within(1e-12));
        Assert.That(BrokerageQuoteRules.DefaultRateLimits(new BinanceBrokerageModel()).PerAccount!.Burst, Is.EqualTo(50));
        Assert.That(BrokerageQuoteRules.DefaultRateLimits(new CoinbaseBrokerageModel()).PerAccount!.RequestsPerSecond, Is.EqualTo(30));
        Assert.That(BrokerageQuoteRules.DefaultRateLimits(new BybitBrokerageModel()).PerAccount!.RequestsPerSecond, Is.EqualTo(20));
        Assert.That(BrokerageQuoteRules.DefaultRateLimits(new KrakenBrokerageModel()).PerSymbol!.Burst, Is.EqualTo(13));
        Assert.That(BrokerageQuoteRules.DefaultRateLimits(new DefaultBrokerageModel()), Is.SameAs(OrderRateLimits.None));
    }

    [Test]
    public void ATokenBucketRefillsAtItsRateUpToItsBurstAndCarriesDebt()
    {
        var bucket = new TokenBucket(new OrderRateLimit(2, 3));
        Assert.That(bucket.Available(Start), Is.EqualTo(3));
        bucket.Take(Start);
        bucket.Take(Start);
        bucket.Take(Start);
        bucket.Take(Start);
        Assert.That(bucket.Available(Start), Is.EqualTo(-1), "a forced request leaves a debt");
        Assert.That(bucket.Available(Start.AddSeconds(1)), Is.EqualTo(1).Within(1e-9));
        Assert.That(bucket.Available(Start.AddSeconds(60)), Is.EqualTo(3), "capped at the burst");
        Assert.That(bucket.Available(Start.AddSeconds(30)), Is.EqualTo(3), "an earlier time never refills nor drains");
    }

    [Test]
    public void BadBudgetsAreRejected()
    {
        Assert.Throws<Models.Errors.MarketMakingException>(() => _ = new OrderRateLimit(0, 1));
        Assert.Throws<Models.Errors.MarketMakingException>(() => _ = new OrderRateLimit(1, 0));
    }

    private sealed class Venue : MarketMakingExecutionModel
    {
        private readonly IQuoteOrderRouter _router;
        private readonly IBrokerageModel _brokerage;

        public Venue(MarketMakingExecutionSettings settings, IQuoteOrderRouter router, IBrokerageModel brokerage)
            : base(settings)
        {
            _router = router;
            _brokerage = brokerage;
        }

        public List<string> Logs { get; } = new();

        public DateTime Now { get; set; } = Start;

        protected override IQuoteOrderRouter CreateOrderRouter(QCAlgorithm algorithm) => _router;

        protected override BrokerageQuoteRules CreateQuoteRules(QCAlgorithm algorithm, Security security) =>
            BrokerageQuoteRules.From(_brokerage, security, algorithm.DefaultOrderProperties, Settings, security.LocalTime);

        protected override DateTime GetUtcTime(QCAlgorithm algorithm) => Now;

        protected override void Log(QCAlgorithm algorithm, string message) => Logs.Add(message);
    }
}
