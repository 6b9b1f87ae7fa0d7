using System;
using System.Collections.Generic;
using System.Linq;
using Lean.MarketMaking.Algorithms.Execution;
using Lean.MarketMaking.Algorithms.PortfolioConstruction;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Microstructure;
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
        _router.Setup(r => r.GetUpdateOutcome(It.IsAny<int>())).Returns(UpdateOutcome.Applied);
        _router.Setup(r => r.IsOpen(It.IsAny<int>())).Returns(true);
        _cancelRequests.Clear();
        _router.Setup(r => r.Cancel(It.IsAny<int>(), It.IsAny<string>())).Callback<int, string>((id, _) => _cancelRequests.Add(id)).Returns(true);
        _router.Setup(r => r.Release(It.IsAny<int>()));
        var settings = new MarketMakingExecutionSettings(minRepriceTicks: 3, maxBookAge: TimeSpan.FromSeconds(5));
        _model = new TestableExecution(settings, _router.Object);
        _security = NewSecurity().Quote(99.99m, 100.01m, Start);
        _model.OnSecuritiesChanged(_algorithm, Added(_security));
    }

    private static QuoteTarget Quote(decimal bid, decimal ask, decimal bidSize = 0.5m, decimal askSize = 0.5m) =>
        new(Btc, default, bid, ask, bidSize, askSize, (bid + ask) / 2);

    private readonly List<int> _cancelRequests = new();

    /// <summary>Replaces the model with one of these settings, trading the same security.</summary>
    private void UseSettings(MarketMakingExecutionSettings settings)
    {
        _model = new TestableExecution(settings, _router.Object);
        _model.OnSecuritiesChanged(_algorithm, Added(_security));
    }

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
        _security.Quote(0m, 100.01m, Start.AddSeconds(3));
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
        UseSettings(new MarketMakingExecutionSettings(3, TimeSpan.FromSeconds(5), pullBeforeClose: TimeSpan.FromMinutes(10)));
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
        UseSettings(new MarketMakingExecutionSettings(3, TimeSpan.FromSeconds(5), pullBeforeClose: TimeSpan.FromMinutes(10)));
        Step(Quote(99.90m, 100.10m));
        _router.Verify(r => r.Submit(It.IsAny<Symbol>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>()), Times.Exactly(2));
        Assert.That(Assert.Throws<MarketMakingException>(() => new MarketMakingExecutionSettings(3, TimeSpan.FromSeconds(5),
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
    public void QuotesWithoutAFreshTargetArePulledAtOnceForEverySecurityOfAGroup()
    {
        // a multi-asset portfolio construction model emits all of a group's targets or none: the whole group is pulled
        var eth = NewSecurity(Symbol.Create("ETHUSDT", SecurityType.Crypto, Market.Binance)).Quote(9.99m, 10.01m, Start);
        _model.OnSecuritiesChanged(_algorithm, Added(eth));
        Step(Quote(99.90m, 100.10m), new QuoteTarget(eth.Symbol, default, 9.90m, 10.10m, 1m, 1m, 10m));
        _security.Quote(99.99m, 100.01m, Start.AddSeconds(1)); // a good book, one second on: no quote behind the orders
        Step();
        Step();

        foreach (var id in new[] { 1, 2, 3, 4 })
        {
            _router.Verify(r => r.Cancel(id, "no quote target"), Times.Once);
        }

        Assert.That(_model.Logs.Lines, Has.Count.EqualTo(2));
        Assert.That(_model.Logs.Lines, Has.All.Contain("no quote target"));
    }

    // portfolio construction decides from persistence whether a locked or crossed book is bad; when it still sends a
    // quote, each side is priced passively against the opposite touch: bid ≤ best ask − tick, ask ≥ best bid + tick
    [TestCase(100.00, 100.00, 100.03, 100.05, 99.99, 100.05, TestName = "LockedBookBidThroughTheAsk")]
    [TestCase(100.00, 100.00, 99.95, 99.97, 99.95, 100.01, TestName = "LockedBookAskThroughTheBid")]
    [TestCase(100.05, 99.95, 99.98, 100.02, 99.94, 100.06, TestName = "CrossedBookBothSidesThrough")]
    public void ALockedOrCrossedBookWithAQuoteTargetIsQuotedOffBothTouchesNotPulled(decimal bestBid, decimal bestAsk,
        decimal modelBid, decimal modelAsk, decimal expectedBid, decimal expectedAsk)
    {
        Step(Quote(99.90m, 100.10m));
        _security.Quote(bestBid, bestAsk, Start.AddSeconds(1));

        Step(Quote(modelBid, modelAsk));

        _router.Verify(r => r.Cancel(It.IsAny<int>(), It.IsAny<string>()), Times.Never, "not pulled");
        _router.Verify(r => r.Update(1, 0.5m, expectedBid, "mm bid"), Times.Once);
        _router.Verify(r => r.Update(2, -0.5m, expectedAsk, "mm ask"), Times.Once);
        Assert.That(_model.Logs.Lines, Is.Empty);
    }

    [Test]
    public void AStaleLockedBookIsStillPulled()
    {
        Step(Quote(99.90m, 100.10m));
        _security.Quote(100.00m, 100.00m, Start.AddSeconds(1));
        _security.SetLocalTimeForTests(Start.AddSeconds(7)); // last data 6 s old, max age 5 s
        Step(Quote(99.90m, 100.10m));
        _router.Verify(r => r.Cancel(It.IsAny<int>(), "bad market data"), Times.Exactly(2));
        Assert.That(_model.Logs.Lines.Single(), Does.Contain("Stale"));
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
        // until LEAN confirms the ask's move, the ask may still rest at 100.02: the bid stops a tick below it
        Assert.That(calls, Is.EqualTo(new[] { (2, 100.15m), (1, 100.01m) }));

        Step(Quote(100.05m, 100.15m)); // the ask's update is processed
        Assert.That(calls, Is.EqualTo(new[] { (2, 100.15m), (1, 100.01m), (1, 100.05m) }));
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
    public void AnUpdateRejectedAfterItWasAcceptedLeavesTheOldPriceAndSwitchesTheSecurityToCancelAndReplace()
    {
        Step(Quote(99.90m, 100.10m));
        // LEAN queues the update and answers success; its transaction handler rejects it afterwards (e.g. a brokerage
        // model whose CanUpdateOrder is false, like Binance's)
        _router.Setup(r => r.GetUpdateOutcome(1)).Returns(UpdateOutcome.Rejected);
        _security.Quote(100.09m, 100.11m, Start.AddSeconds(1));
        Step(Quote(100.02m, 100.20m));
        _router.Verify(r => r.Update(1, 0.5m, 100.02m, "mm bid"), Times.Once);
        _router.Verify(r => r.Update(2, -0.5m, 100.20m, "mm ask"), Times.Once);

        Step(Quote(100.02m, 100.20m)); // the bid is still at 99.90: re-priced, now by cancel-and-replace
        _router.Verify(r => r.Cancel(1, "mm bid"), Times.Once);
        Step(Quote(100.02m, 100.20m)); // cancel confirmed: the new bid goes out
        _router.Verify(r => r.Submit(Btc, 0.5m, 100.02m, "mm bid"), Times.Once);

        // every later re-price of this security is a cancel-and-replace, also on the side whose update went through
        _security.Quote(100.19m, 100.21m, Start.AddSeconds(2));
        Step(Quote(100.10m, 100.30m));
        _router.Verify(r => r.Cancel(2, "mm ask"), Times.Once);
        _router.Verify(r => r.Update(It.IsAny<int>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>()), Times.Exactly(2));
        Assert.That(_model.Logs.Lines.Single(), Does.Contain("cancel-and-replace"));
    }

    [Test]
    public void WhileAnUpdateIsUnprocessedNoSecondOneIsSentAndTheOtherSideStaysInsideBothPrices()
    {
        Step(Quote(99.90m, 100.10m));
        _router.Setup(r => r.GetUpdateOutcome(2)).Returns(UpdateOutcome.Pending);
        Step(Quote(99.90m, 100.04m)); // ask 100.10 → 100.04, not processed yet
        Step(Quote(99.90m, 100.00m));
        _router.Verify(r => r.Update(2, It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>()), Times.Once);

        _security.Quote(99.95m, 100.11m, Start.AddSeconds(1));
        Step(Quote(100.08m, 100.20m)); // the bid wants 100.08: the ask may rest at 100.04 or at 100.10
        _router.Verify(r => r.Update(1, 0.5m, 100.03m, "mm bid"), Times.Once);
    }

    [Test]
    public void ACancelNeverConfirmedIsDroppedOnceLeanReportsTheOrderClosed()
    {
        Step(Quote(99.90m, 100.10m));
        _model.Execute(_algorithm, new IPortfolioTarget[] { Quote(99.90m, 100.10m, askSize: 0m) }); // ask 2 cancelled, never confirmed
        _router.Setup(r => r.IsOpen(2)).Returns(false);
        _security.Quote(99.99m, 100.01m, Start.AddSeconds(4.9));
        _model.Execute(_algorithm, new IPortfolioTarget[] { Quote(99.90m, 100.10m) });
        _router.Verify(r => r.Submit(Btc, It.IsAny<decimal>(), It.IsAny<decimal>(), "mm ask"), Times.Once, "blocked within the 5 s timeout");

        _security.Quote(99.99m, 100.01m, Start.AddSeconds(5));
        _model.Execute(_algorithm, new IPortfolioTarget[] { Quote(99.90m, 100.10m) });
        _router.Verify(r => r.Release(2), Times.Once);
        _router.Verify(r => r.Submit(Btc, -0.5m, 100.10m, "mm ask"), Times.Exactly(2), "the side is free again");
    }

    [Test]
    public void ACancelNeverConfirmedOfAnOrderStillOpenIsSentAgainBoundedAndLogged()
    {
        Step(Quote(99.90m, 100.10m));
        _model.Execute(_algorithm, new IPortfolioTarget[] { Quote(99.90m, 100.10m, askSize: 0m) });
        for (var second = 5; second <= 40; second += 5)
        {
            _security.Quote(99.99m, 100.01m, Start.AddSeconds(second));
            _model.Execute(_algorithm, new IPortfolioTarget[] { Quote(99.90m, 100.10m) });
        }

        _router.Verify(r => r.Cancel(2, It.IsAny<string>()), Times.Exactly(1 + MarketMakingExecutionModel.MaxCancelResends));
        _router.Verify(r => r.Submit(Btc, It.IsAny<decimal>(), It.IsAny<decimal>(), "mm ask"), Times.Once, "the side stays blocked");
        Assert.That(_model.Logs.Lines, Has.Count.EqualTo(2));
        Assert.That(_model.Logs.Lines[0], Does.Contain("cancel sent again"));
        Assert.That(_model.Logs.Lines[1], Does.Contain("stays blocked"));
    }

    [Test]
    public void ARefusedCancelOfAnOrderLeanStillHoldsOpenKeepsItsSideBlocked()
    {
        Step(Quote(99.90m, 100.10m));
        _router.Setup(r => r.Cancel(2, It.IsAny<string>())).Returns(false); // e.g. LEAN refuses to cancel an order still New
        _model.Execute(_algorithm, new IPortfolioTarget[] { Quote(99.90m, 100.10m, askSize: 0m) });
        _model.Execute(_algorithm, new IPortfolioTarget[] { Quote(99.90m, 100.10m) });
        _router.Verify(r => r.Submit(Btc, It.IsAny<decimal>(), It.IsAny<decimal>(), "mm ask"), Times.Once);
        _router.Verify(r => r.Release(2), Times.Never);
    }

    [Test]
    public void WithOrderLatencyCancelsReachLeanOnlyOnceItHasPassedAndUpdatesGoAtOnce()
    {
        UseSettings(new MarketMakingExecutionSettings(3, TimeSpan.FromSeconds(5), orderLatency: TimeSpan.FromMilliseconds(50)));
        Step(Quote(99.90m, 100.10m));

        _security.Quote(99.99m, 100.01m, Start.AddMilliseconds(10));
        Step(Quote(99.95m, 100.10m, askSize: 0m)); // decided: move the bid, cancel the ask
        _router.Verify(r => r.Update(1, 0.5m, 99.95m, "mm bid"), Times.Once,
            "an update goes at once: the new price's latency at the venue is the fill model's, not counted twice");
        _security.Quote(99.99m, 100.01m, Start.AddMilliseconds(59));
        Step(Quote(99.95m, 100.10m));
        _router.Verify(r => r.Cancel(It.IsAny<int>(), It.IsAny<string>()), Times.Never, "still in flight to the venue");
        _router.Verify(r => r.Submit(Btc, It.IsAny<decimal>(), It.IsAny<decimal>(), "mm ask"), Times.Once, "the ask's side stays blocked meanwhile");

        _security.Quote(99.99m, 100.01m, Start.AddMilliseconds(60));
        Step(Quote(99.95m, 100.10m));
        _router.Verify(r => r.Cancel(2, "mm ask"), Times.Once);
        _router.Verify(r => r.Update(It.IsAny<int>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>()), Times.Once);
        Step(Quote(99.95m, 100.10m)); // the cancel is confirmed: a new ask may go out
        _router.Verify(r => r.Submit(Btc, -0.5m, 100.10m, "mm ask"), Times.Exactly(2));
    }

    [Test]
    public void WithADrawnLatencyEachCancelWaitsOutItsOwnDraw()
    {
        var latency = LatencyModel.LogNormal(TimeSpan.FromMilliseconds(50), 1.0, seed: 3);
        UseSettings(new MarketMakingExecutionSettings(3, TimeSpan.FromSeconds(5), latency: latency));
        Step(Quote(99.90m, 100.10m));
        var decided = Start.AddMilliseconds(10);
        _security.Quote(99.99m, 100.01m, decided);
        Step(Quote(99.95m, 100.10m, askSize: 0m, bidSize: 0m)); // decided: cancel the bid (order 1) and the ask (order 2)
        var bid = latency.Draw(1, _security.LocalTime.Ticks);
        var ask = latency.Draw(2, _security.LocalTime.Ticks);
        Assert.That(bid, Is.Not.EqualTo(ask));
        var (first, second) = bid < ask ? (bid, ask) : (ask, bid);

        _security.Quote(99.99m, 100.01m, decided + first - TimeSpan.FromTicks(1));
        Step(Quote(99.95m, 100.10m, askSize: 0m, bidSize: 0m));
        Assert.That(_router.Invocations.Count(i => i.Method.Name is "Cancel"), Is.Zero, "both still in flight");
        _security.Quote(99.99m, 100.01m, decided + first);
        Step(Quote(99.95m, 100.10m, askSize: 0m, bidSize: 0m));
        Assert.That(_router.Invocations.Count(i => i.Method.Name is "Cancel"), Is.EqualTo(1), "the shorter draw has passed");
        _security.Quote(99.99m, 100.01m, decided + second);
        Step(Quote(99.95m, 100.10m, askSize: 0m, bidSize: 0m));
        _router.Verify(r => r.Cancel(1, "mm bid"), Times.Once);
        _router.Verify(r => r.Cancel(2, "mm ask"), Times.Once);
    }

    [Test]
    public void AConstantAndADrawnLatencyCannotBothBeGiven() =>
        Assert.That(Assert.Throws<MarketMakingException>(() => new MarketMakingExecutionSettings(1, TimeSpan.FromSeconds(1),
            orderLatency: TimeSpan.FromMilliseconds(1), latency: LatencyModel.Constant(TimeSpan.FromMilliseconds(1))))!.ParameterName, Is.EqualTo("latency"));

    [Test]
    public void AFlattenTradesInClipsOfTheDisplayedSizeAtTheTouch()
    {
        _security.Quote(99.99m, 100.01m, Start, bidSize: 0.25m, askSize: 1m).Holding(0.7m);
        Step(new PortfolioTarget(Btc, 0m));
        _router.Verify(r => r.SubmitMarketable(Btc, -0.25m, 99.99m, "mm flatten"), Times.Once, "no more than the displayed bid size");

        _model.OnOrderEvent(_algorithm, new OrderEvent { OrderId = 1, Symbol = Btc, Status = OrderStatus.Filled, FillQuantity = -0.25m });
        _security.Holding(0.45m).Quote(99.98m, 100.00m, Start.AddSeconds(1), bidSize: 0.0004m);
        Step(new PortfolioTarget(Btc, 0m));
        _router.Verify(r => r.SubmitMarketable(Btc, -0.001m, 99.98m, "mm flatten"), Times.Once, "at least one lot");
    }

    [Test]
    public void WithoutSizesAtTheTouchAFlattenClipsAtTheLastQuoteSize()
    {
        // LEAN's forex quotes carry no sizes: clips of one lot would take thousands of orders
        _security.Quote(99.99m, 100.01m, Start, bidSize: 0m, askSize: 0m);
        Step(Quote(99.90m, 100.10m, bidSize: 0.3m, askSize: 0.2m));
        _security.Holding(0.7m);
        Step(new PortfolioTarget(Btc, 0m));
        Step(new PortfolioTarget(Btc, 0m)); // quotes' cancels confirmed
        _router.Verify(r => r.SubmitMarketable(Btc, -0.3m, 99.99m, "mm flatten"), Times.Once);
    }

    [Test]
    public void AFlattenNeverTradesBeyondItsWorstPrice()
    {
        UseSettings(new MarketMakingExecutionSettings(3, TimeSpan.FromSeconds(5), maxFlattenSlippage: 0.001m));
        _security.Holding(-0.5m);
        Step(new PortfolioTarget(Btc, 0m)); // starts at mid 100.00: no buy above 100.10
        _router.Verify(r => r.SubmitMarketable(Btc, 0.5m, 100.01m, "mm flatten"), Times.Once);
        _model.OnOrderEvent(_algorithm, new OrderEvent { OrderId = 1, Symbol = Btc, Status = OrderStatus.Canceled });

        _security.Quote(100.09m, 100.11m, Start.AddSeconds(1));
        Step(new PortfolioTarget(Btc, 0m));
        _security.Quote(100.10m, 100.12m, Start.AddSeconds(2));
        Step(new PortfolioTarget(Btc, 0m));
        _router.Verify(r => r.SubmitMarketable(It.IsAny<Symbol>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>()), Times.Once);
        Assert.That(_model.Logs.Lines.Single(), Does.Contain("worst price 100.10"));

        _security.Quote(100.08m, 100.10m, Start.AddSeconds(3));
        Step(new PortfolioTarget(Btc, 0m));
        _router.Verify(r => r.SubmitMarketable(Btc, 0.5m, 100.10m, "mm flatten"), Times.Once, "at the worst price, not beyond");
    }

    [Test]
    public void SettingsValidateTheFlattenBoundCancelTimeoutAndLatency()
    {
        MarketMakingException Fails(TestDelegate create) => Assert.Throws<MarketMakingException>(create)!;
        Assert.That(Fails(() => new MarketMakingExecutionSettings(1, TimeSpan.FromSeconds(1), maxFlattenSlippage: 0m)).ParameterName, Is.EqualTo("maxFlattenSlippage"));
        Assert.That(Fails(() => new MarketMakingExecutionSettings(1, TimeSpan.FromSeconds(1), maxFlattenSlippage: 1m)).ParameterName, Is.EqualTo("maxFlattenSlippage"));
        Assert.That(Fails(() => new MarketMakingExecutionSettings(1, TimeSpan.FromSeconds(1), cancelTimeout: TimeSpan.Zero)).ParameterName, Is.EqualTo("cancelTimeout"));
        Assert.That(Fails(() => new MarketMakingExecutionSettings(1, TimeSpan.FromSeconds(1), orderLatency: TimeSpan.FromMilliseconds(-1))).ParameterName, Is.EqualTo("orderLatency"));
        var defaults = new MarketMakingExecutionSettings(1, TimeSpan.FromSeconds(1));
        Assert.That((defaults.MaxFlattenSlippage, defaults.CancelTimeout, defaults.OrderLatency), Is.EqualTo((0.01m, TimeSpan.FromSeconds(5), TimeSpan.Zero)));
    }

    [Test]
    public void SettingsRejectAZeroRepriceThreshold() =>
        Assert.Throws<Models.Errors.MarketMakingException>(() =>
            new MarketMakingExecutionSettings(0, TimeSpan.FromSeconds(1)));

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
