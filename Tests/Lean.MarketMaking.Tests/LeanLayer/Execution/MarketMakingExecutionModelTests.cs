using System;
using System.Collections.Generic;
using System.Linq;
using Lean.MarketMaking.Algorithms.Execution;
using Lean.MarketMaking.Algorithms.PortfolioConstruction;
using Lean.MarketMaking.Models.Errors;
using Moq;
using NUnit.Framework;
using QuantConnect;
using QuantConnect.Algorithm;
using QuantConnect.Algorithm.Framework.Portfolio;
using QuantConnect.Orders;
using QuantConnect.Securities;
using static Lean.MarketMaking.Tests.LeanLayer.LeanTestKit;

namespace Lean.MarketMaking.Tests.LeanLayer.Execution;

[TestFixture]
public class MarketMakingExecutionModelTests
{
    private Mock<IQuoteOrderRouter> _router = null!;
    private TestableExecution _model = null!;
    private Security _security = null!;
    private readonly QCAlgorithm _algorithm = new();
    private int _nextId;

    [SetUp]
    public void SetUp()
    {
        _nextId = 0;
        _router = new Mock<IQuoteOrderRouter>(MockBehavior.Strict);
        _router.Setup(r => r.Submit(It.IsAny<Symbol>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>()))
            .Returns(() => ++_nextId);
        _router.Setup(r => r.SubmitMarketable(It.IsAny<Symbol>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>()))
            .Returns(() => ++_nextId);
        _router.Setup(r => r.Update(It.IsAny<int>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>())).Returns(true);
        _cancelRequests.Clear();
        _router.Setup(r => r.Cancel(It.IsAny<int>(), It.IsAny<string>())).Callback<int, string>((id, _) => _cancelRequests.Add(id)).Returns(true);
        _router.Setup(r => r.Release(It.IsAny<int>()));
        var settings = new MarketMakingExecutionSettings(minRepriceTicks: 3, maxBookAge: TimeSpan.FromSeconds(5), staleQuoteTimeout: TimeSpan.FromSeconds(30));
        _model = new TestableExecution(settings, _router.Object);
        _security = NewSecurity().Quote(99.99m, 100.01m, Start);
        _model.OnSecuritiesChanged(_algorithm, Added(_security));
    }

    private static QuoteTarget Quote(decimal bid, decimal ask, decimal bidSize = 0.5m, decimal askSize = 0.5m) =>
        new(Btc, default, bid, ask, bidSize, askSize, (bid + ask) / 2);

    private readonly List<int> _cancelRequests = new();

    /// <summary>One framework step; first, as LEAN does between steps, the cancels requested so far are confirmed.</summary>
    private void Step(params IPortfolioTarget[] targets)
    {
        foreach (var id in _cancelRequests)
        {
            _model.OnOrderEvent(_algorithm, new OrderEvent { OrderId = id, Symbol = Btc, Status = OrderStatus.Canceled });
        }

        _cancelRequests.Clear();
        _model.Execute(_algorithm, targets);
    }

    [Test]
    public void PlacesOneBidAndOneAskRoundedAwayFromTheMidAndToTheLot()
    {
        Step(Quote(99.9871m, 100.0129m, bidSize: 0.5005m, askSize: 0.25m));

        _router.Verify(r => r.Submit(Btc, 0.500m, 99.98m, "mm bid"), Times.Once);
        _router.Verify(r => r.Submit(Btc, -0.25m, 100.02m, "mm ask"), Times.Once);
        _router.Verify(r => r.Submit(It.IsAny<Symbol>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>()), Times.Exactly(2));
    }

    [Test]
    public void NeverCrossesTheTouchEvenWhenTheModelDoes()
    {
        // model wants to buy above the best ask (100.01) and sell below the best bid (99.99)
        Step(Quote(100.20m, 100.30m));
        Step();
        _security.Quote(99.99m, 100.01m, Start.AddSeconds(1));
        _model.OnOrderEvent(_algorithm, new OrderEvent { OrderId = 1, Symbol = Btc, Status = OrderStatus.Canceled });
        _model.OnOrderEvent(_algorithm, new OrderEvent { OrderId = 2, Symbol = Btc, Status = OrderStatus.Canceled });
        Step(Quote(99.70m, 99.80m));

        _router.Verify(r => r.Submit(Btc, 0.5m, 100.00m, "mm bid"), Times.Once, "bid clamped one tick below the ask");
        _router.Verify(r => r.Submit(Btc, -0.5m, 100.30m, "mm ask"), Times.Once);
        _router.Verify(r => r.Submit(Btc, -0.5m, 100.00m, "mm ask"), Times.Once, "ask clamped one tick above the bid");
    }

    [Test]
    public void MovesAQuoteOnlyWhenItsPriceMovesByAtLeastNTicks()
    {
        Step(Quote(99.90m, 100.10m));
        Step(Quote(99.92m, 100.10m)); // 2 ticks: below the 3-tick threshold
        _router.Verify(r => r.Update(It.IsAny<int>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>()), Times.Never);

        Step(Quote(99.93m, 100.10m)); // 3 ticks from the working 99.90
        _router.Verify(r => r.Update(1, 0.5m, 99.93m, "mm bid"), Times.Once);
        _router.Verify(r => r.Update(2, It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>()), Times.Never);
        _router.Verify(r => r.Submit(It.IsAny<Symbol>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>()), Times.Exactly(2));
    }

    [Test]
    public void APartialFillKeepsTheOrderAndResizesItWithLeanTotalQuantitySemantics()
    {
        Step(Quote(99.90m, 100.10m));
        _model.OnOrderEvent(_algorithm, new OrderEvent { OrderId = 2, Symbol = Btc, Status = OrderStatus.PartiallyFilled, FillQuantity = -0.2m });

        // the model still wants 0.5 on the ask: unfilled 0.3 → total = filled (−0.2) + (−0.5) = −0.7
        Step(Quote(99.90m, 100.10m));
        _router.Verify(r => r.Update(2, -0.7m, 100.10m, "mm ask"), Times.Once);
        _router.Verify(r => r.Submit(It.IsAny<Symbol>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>()), Times.Exactly(2));
    }

    [Test]
    public void AFilledQuoteIsReplacedByANewOrder()
    {
        Step(Quote(99.90m, 100.10m));
        _model.OnOrderEvent(_algorithm, new OrderEvent { OrderId = 1, Symbol = Btc, Status = OrderStatus.Filled, FillQuantity = 0.5m });
        _router.Verify(r => r.Release(1), Times.Once);

        Step(Quote(99.90m, 100.10m));
        _router.Verify(r => r.Submit(Btc, 0.5m, 99.90m, "mm bid"), Times.Exactly(2));
    }

    [Test]
    public void AZeroSizeSideIsCancelled()
    {
        Step(Quote(99.90m, 100.10m));
        Step(Quote(99.90m, 100.10m, bidSize: 0m));
        _router.Verify(r => r.Cancel(1, "mm bid"), Times.Once);
        _router.Verify(r => r.Cancel(2, It.IsAny<string>()), Times.Never);
    }

    [Test]
    public void APlainTargetCancelsTheQuotesAndFlattensWithAMarketableLimitThenQuotingResumes()
    {
        Step(Quote(99.90m, 100.10m));
        _security.Holding(0.7m);

        Step(new PortfolioTarget(Btc, 0m)); // e.g. MaximumDrawdownPercentPerSecurity's liquidation target
        _router.Verify(r => r.Cancel(1, It.IsAny<string>()), Times.Once);
        _router.Verify(r => r.Cancel(2, It.IsAny<string>()), Times.Once);
        _router.Verify(r => r.SubmitMarketable(It.IsAny<Symbol>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>()), Times.Never,
            "no sell while the ask being cancelled may still fill");

        // the cancels are confirmed; quote targets are ignored while flattening
        Step(Quote(99.90m, 100.10m));
        _router.Verify(r => r.SubmitMarketable(Btc, -0.7m, 99.99m, "mm flatten"), Times.Once, "sell at the best bid, without the quotes' post-only properties");
        _router.Verify(r => r.Submit(Btc, It.IsAny<decimal>(), It.IsAny<decimal>(), "mm flatten"), Times.Never);
        _router.Verify(r => r.Submit(Btc, It.IsAny<decimal>(), It.IsAny<decimal>(), "mm bid"), Times.Once);

        // the touch drops by 3 ticks: the flattening order follows it
        _security.Quote(99.96m, 99.98m, Start.AddSeconds(1));
        Step();
        _router.Verify(r => r.Update(3, -0.7m, 99.96m, "mm flatten"), Times.Once);

        _model.OnOrderEvent(_algorithm, new OrderEvent { OrderId = 3, Symbol = Btc, Status = OrderStatus.Filled, FillQuantity = -0.7m });
        _security.Holding(0m);
        Step(Quote(99.90m, 100.10m));
        Step(Quote(99.90m, 100.10m));
        _router.Verify(r => r.Submit(Btc, 0.5m, 99.90m, "mm bid"), Times.Exactly(2), "quoting resumed after the flatten completed");
    }

    [TestCase(100.02, 100.01, TestName = "CrossedBook")]
    [TestCase(100.00, 100.00, TestName = "LockedBook")]
    [TestCase(0, 100.01, TestName = "MissingBid")]
    [TestCase(-1, 100.01, TestName = "NegativeBid")]
    public void ABadBookNeverProducesAnOrderPullsQuotesAndLogsOnce(decimal bid, decimal ask)
    {
        Step(Quote(99.90m, 100.10m));
        _security.Quote(bid, ask, Start.AddSeconds(1));
        for (var i = 0; i < 5; i++)
        {
            Step(Quote(99.90m, 100.10m));
        }

        _router.Verify(r => r.Submit(It.IsAny<Symbol>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>()), Times.Exactly(2));
        _router.Verify(r => r.Update(It.IsAny<int>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>()), Times.Never);
        _router.Verify(r => r.Cancel(1, It.IsAny<string>()), Times.Once);
        _router.Verify(r => r.Cancel(2, It.IsAny<string>()), Times.Once);
        Assert.That(_model.Logs.Lines, Has.Count.EqualTo(1));

        // recovery: quoting resumes, and a later problem is logged again
        _security.Quote(99.99m, 100.01m, Start.AddSeconds(2));
        Step(Quote(99.90m, 100.10m));
        _router.Verify(r => r.Submit(It.IsAny<Symbol>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>()), Times.Exactly(4));
        _security.Quote(100.02m, 100.01m, Start.AddSeconds(3));
        Step(Quote(99.90m, 100.10m));
        Assert.That(_model.Logs.Lines, Has.Count.EqualTo(2));
    }

    [Test]
    public void AStaleBookPlacesNothing()
    {
        _security.SetLocalTimeForTests(Start.AddSeconds(6)); // last data at Start, max age 5 s
        Step(Quote(99.90m, 100.10m));
        _router.Verify(r => r.Submit(It.IsAny<Symbol>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>()), Times.Never);
        Assert.That(_model.Logs.Lines.Single(), Does.Contain("Stale"));
    }

    [Test]
    public void ASideIsNotReplacedUntilItsCancelIsConfirmed()
    {
        Step(Quote(99.90m, 100.10m));
        _model.Execute(_algorithm, new IPortfolioTarget[] { Quote(99.90m, 100.10m, askSize: 0m) }); // ask cancelled
        _router.Verify(r => r.Cancel(2, It.IsAny<string>()), Times.Once);
        _model.Execute(_algorithm, new IPortfolioTarget[] { Quote(99.90m, 100.10m) }); // no confirmation yet
        _router.Verify(r => r.Submit(Btc, It.IsAny<decimal>(), It.IsAny<decimal>(), "mm ask"), Times.Once, "the first ask only");

        // the cancelled ask filled before the cancel landed: LEAN reports Filled, the side is free again
        _cancelRequests.Clear();
        _model.OnOrderEvent(_algorithm, new OrderEvent { OrderId = 2, Symbol = Btc, Status = OrderStatus.Filled, FillQuantity = -0.5m });
        _model.Execute(_algorithm, new IPortfolioTarget[] { Quote(99.90m, 100.10m) });
        _router.Verify(r => r.Submit(Btc, It.IsAny<decimal>(), It.IsAny<decimal>(), "mm ask"), Times.Exactly(2));
        _router.Verify(r => r.Release(2), Times.Once);
    }

    [Test]
    public void QuotesArePulledBeforeTheCloseAndResumeAfterTheOpen()
    {
        var settings = new MarketMakingExecutionSettings(3, TimeSpan.FromSeconds(5), TimeSpan.FromHours(1), pullBeforeClose: TimeSpan.FromMinutes(10));
        _model = new TestableExecution(settings, _router.Object);
        _model.OnSecuritiesChanged(_algorithm, Added(_security));
        var close = Start.AddMinutes(30);
        _model.Closes.Add(close);
        _model.Closes.Add(close.AddHours(24));

        Step(Quote(99.90m, 100.10m));
        _security.Quote(99.99m, 100.01m, close.AddMinutes(-11));
        Step(Quote(99.90m, 100.10m));
        _router.Verify(r => r.Cancel(It.IsAny<int>(), It.IsAny<string>()), Times.Never, "11 minutes before the close: still quoting");

        _security.Quote(99.99m, 100.01m, close.AddMinutes(-10));
        Step(Quote(99.90m, 100.10m));
        Step(Quote(99.90m, 100.10m));
        _router.Verify(r => r.Cancel(It.IsAny<int>(), It.IsAny<string>()), Times.Exactly(2), "both sides pulled 10 minutes before the close");
        _router.Verify(r => r.Submit(It.IsAny<Symbol>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>()), Times.Exactly(2), "and not placed again");
        Assert.That(_model.Logs.Lines.Single(), Does.Contain("closing"));

        _security.Quote(99.99m, 100.01m, close); // the bar that ends at the close: the market is closed
        Step(Quote(99.90m, 100.10m));
        _router.Verify(r => r.Submit(It.IsAny<Symbol>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>()), Times.Exactly(2), "nothing at the close");

        _security.Quote(99.99m, 100.01m, close.AddHours(17.5));
        Step(Quote(99.90m, 100.10m));
        _router.Verify(r => r.Submit(It.IsAny<Symbol>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>()), Times.Exactly(4), "quoting resumes after the open");
        Assert.That(_model.CloseLookups, Is.EqualTo(2), "the next close is looked up once per session");
    }

    [Test]
    public void AMarketThatNeverClosesIsQuotedThroughout()
    {
        var settings = new MarketMakingExecutionSettings(3, TimeSpan.FromSeconds(5), TimeSpan.FromHours(1), pullBeforeClose: TimeSpan.FromMinutes(10));
        _model = new TestableExecution(settings, _router.Object);
        _model.OnSecuritiesChanged(_algorithm, Added(_security));
        Step(Quote(99.90m, 100.10m));
        _router.Verify(r => r.Submit(It.IsAny<Symbol>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>()), Times.Exactly(2));
        Assert.That(Assert.Throws<MarketMakingException>(() => new MarketMakingExecutionSettings(3, TimeSpan.FromSeconds(5), TimeSpan.FromHours(1),
            pullBeforeClose: TimeSpan.Zero))!.ParameterName, Is.EqualTo("pullBeforeClose"));
    }

    [Test]
    public void TheBidStaysBelowAnAskWhoseCancelIsNotYetConfirmed()
    {
        Step(Quote(99.90m, 100.10m));
        _model.Execute(_algorithm, new IPortfolioTarget[] { Quote(99.90m, 100.10m, askSize: 0m) }); // ask 2 being cancelled
        _security.Quote(100.20m, 100.22m, Start.AddSeconds(1)); // jump up
        _model.Execute(_algorithm, new IPortfolioTarget[] { Quote(100.15m, 100.30m, askSize: 0m) });
        _router.Verify(r => r.Update(1, 0.5m, 100.09m, "mm bid"), Times.Once, "a tick below the ask at 100.10 that may still fill");
    }

    [Test]
    public void ABadBookWithoutAQuoteTargetPullsTheWorkingQuotesAtOnce()
    {
        // portfolio construction skips a security with a bad book: the execution model sees no target, only the book
        Step(Quote(99.90m, 100.10m));
        _security.Quote(100.02m, 100.00m, Start.AddSeconds(1)); // crossed
        Step();
        Step();
        _router.Verify(r => r.Cancel(It.IsAny<int>(), It.IsAny<string>()), Times.Exactly(2), "both sides pulled, once");
        Assert.That(_model.Logs.Lines.Single(), Does.Contain("Crossed").And.Contain("quotes pulled"));
    }

    [Test]
    public void QuotesWithoutFreshTargetsAreCancelledAfterTheTimeout()
    {
        Step(Quote(99.90m, 100.10m));
        _security.Quote(99.99m, 100.01m, Start.AddSeconds(30));
        Step();
        _router.Verify(r => r.Cancel(It.IsAny<int>(), It.IsAny<string>()), Times.Never);
        _security.Quote(99.99m, 100.01m, Start.AddSeconds(31));
        Step();
        _router.Verify(r => r.Cancel(1, "stale quote"), Times.Once);
        _router.Verify(r => r.Cancel(2, "stale quote"), Times.Once);
    }

    [Test]
    public void UnknownSymbolsAreIgnored()
    {
        var other = Symbol.Create("ETHUSDT", SecurityType.Crypto, Market.Binance);
        Step(new QuoteTarget(other, default, 1m, 2m, 1m, 1m, 1.5m));
        _router.Verify(r => r.Submit(It.IsAny<Symbol>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>()), Times.Never);
    }

    [Test]
    public void AfterAJumpTheAskMovesBeforeTheBidSoOurOwnQuotesNeverCross()
    {
        Step(Quote(99.98m, 100.02m)); // bid #1 at 99.98, ask #2 at 100.02
        var calls = new List<(int Id, decimal Price)>();
        _router.Setup(r => r.Update(It.IsAny<int>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>()))
            .Callback((int id, decimal _, decimal price, string _) => calls.Add((id, price))).Returns(true);
        _security.Quote(100.09m, 100.11m, Start.AddSeconds(1));

        Step(Quote(100.05m, 100.15m)); // the new bid 100.05 is above the working ask 100.02

        Assert.That(calls, Is.EqualTo(new[] { (2, 100.15m), (1, 100.05m) }));
    }

    [Test]
    public void IfTheAskCannotMoveTheBidStaysATickBelowIt()
    {
        Step(Quote(99.98m, 100.02m));
        _router.Setup(r => r.Update(2, It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>())).Returns(false);
        _security.Quote(100.09m, 100.11m, Start.AddSeconds(1));

        Step(Quote(100.05m, 100.15m));

        _router.Verify(r => r.Update(1, 0.5m, 100.01m, "mm bid"), Times.Once, "capped one tick below our own ask");
    }

    [Test]
    public void SettingsRejectAZeroRepriceThreshold() =>
        Assert.Throws<Models.Errors.MarketMakingException>(() =>
            new MarketMakingExecutionSettings(0, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)));

    private sealed class TestableExecution : MarketMakingExecutionModel
    {
        private readonly IQuoteOrderRouter _router;

        public TestableExecution(MarketMakingExecutionSettings settings, IQuoteOrderRouter router)
            : base(settings) => _router = router;

        public LogSink Logs { get; } = new();

        /// <summary>The market's regular-hours closes, in order (none: a market that never closes).</summary>
        public List<DateTime> Closes { get; } = new();

        public int CloseLookups { get; private set; }

        protected override IQuoteOrderRouter CreateOrderRouter(QCAlgorithm algorithm) => _router;

        protected override DateTime? GetNextMarketClose(Security security, DateTime localTime)
        {
            CloseLookups++;
            return Closes.Where(c => c > localTime).Select(c => (DateTime?)c).FirstOrDefault();
        }

        /// <summary>Closed for 17.5 hours after each close (16:00 to 09:30).</summary>
        protected override bool IsMarketOpen(Security security, DateTime localTime) =>
            !Closes.Any(c => c <= localTime && localTime < c.AddHours(17.5));

        protected override void Log(QCAlgorithm algorithm, string message) => Logs.Add(message);
    }
}
