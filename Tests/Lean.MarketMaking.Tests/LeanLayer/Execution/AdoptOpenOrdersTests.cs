using System;
using System.Collections.Generic;
using System.Linq;
using Lean.MarketMaking.Algorithms.Execution;
using Lean.MarketMaking.Algorithms.PortfolioConstruction;
using Moq;
using NUnit.Framework;
using QuantConnect;
using QuantConnect.Algorithm;
using QuantConnect.Orders;
using QuantConnect.Securities;
using static Lean.MarketMaking.Tests.LeanLayer.LeanTestKit;

namespace Lean.MarketMaking.Tests.LeanLayer.Execution;

/// <summary>
/// Issue 11 §2: after a restart the open orders LEAN reports are adopted (one per side, the newest limit order) or
/// cancelled, so that the next quote target re-prices the adopted orders and never places a second quote on a side.
/// </summary>
[TestFixture]
public class AdoptOpenOrdersTests
{
    private readonly QCAlgorithm _algorithm = new();
    private Mock<IQuoteOrderRouter> _router = null!;
    private Restarted _model = null!;
    private readonly List<int> _cancels = new();
    private int _nextId;

    [SetUp]
    public void SetUp()
    {
        _nextId = 100;
        _cancels.Clear();
        _router = new Mock<IQuoteOrderRouter>(MockBehavior.Strict);
        _router.Setup(r => r.Submit(It.IsAny<Symbol>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>())).Returns(() => ++_nextId);
        _router.Setup(r => r.Update(It.IsAny<int>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>())).Returns(true);
        _router.Setup(r => r.GetUpdateOutcome(It.IsAny<int>())).Returns(UpdateOutcome.Applied);
        _router.Setup(r => r.IsOpen(It.IsAny<int>())).Returns(true);
        _router.Setup(r => r.Cancel(It.IsAny<int>(), It.IsAny<string>())).Callback<int, string>((id, _) => _cancels.Add(id)).Returns(true);
        _router.Setup(r => r.Release(It.IsAny<int>()));
        _router.Setup(r => r.Adopt(It.IsAny<int>())).Returns(true);
        _model = new Restarted(new MarketMakingExecutionSettings(minRepriceTicks: 3, maxBookAge: TimeSpan.FromSeconds(5)), _router.Object);
        _model.OnSecuritiesChanged(_algorithm, Added(NewSecurity().Quote(99.99m, 100.01m, Start)));
    }

    private static QuoteTarget Quote(decimal bid, decimal ask) => new(Btc, default, bid, ask, 0.5m, 0.5m, (bid + ask) / 2);

    [Test]
    public void TheNewestLimitOrderOfEachSideIsAdoptedAndTheOthersCancelled()
    {
        _model.Open.AddRange(new[]
        {
            new RestingOrder(7, 0.5m, 0m, 99.95m),
            new RestingOrder(9, 0.5m, 0.2m, 99.96m),
            new RestingOrder(8, -0.5m, 0m, 100.05m),
            new RestingOrder(10, 1m, 0m, null),
        });

        _model.AdoptOpenOrders(_algorithm);

        Assert.That(_model.WorkingQuote(Btc, buy: true)!.OrderId, Is.EqualTo(9), "the newest bid");
        Assert.That(_model.WorkingQuote(Btc, buy: true)!.Filled, Is.EqualTo(0.2m), "with what it has filled");
        Assert.That(_model.WorkingQuote(Btc, buy: false)!.OrderId, Is.EqualTo(8));
        Assert.That(_cancels, Is.EquivalentTo(new[] { 7, 10 }), "the older bid and the market order");
        Assert.That((_model.Statistics.OrdersAdopted, _model.Statistics.OrdersCancelledAtStart), Is.EqualTo((2, 2)));
        Assert.That(_model.Logs.Count(l => l.Contains("adopted")), Is.EqualTo(2));

        // the next target re-prices the adopted orders: no new order on either side
        _model.Execute(_algorithm, new[] { Quote(99.90m, 100.10m) });
        _router.Verify(r => r.Submit(It.IsAny<Symbol>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>()), Times.Never, "no second quote on a side");
        _router.Verify(r => r.Update(9, 0.7m, 99.90m, "mm bid"), Times.Once, "LEAN's total quantity: filled 0.2 + 0.5");
        _router.Verify(r => r.Update(8, -0.5m, 100.10m, "mm ask"), Times.Once);
    }

    [Test]
    public void ASideWithAQuoteAlreadyKeepsItAndTheOpenOrderIsCancelledAndBlocksTheSideUntilClosed()
    {
        _model.Execute(_algorithm, new[] { Quote(99.90m, 100.10m) }); // this run's quotes: 101 bid, 102 ask
        _model.Open.Add(new RestingOrder(5, 0.5m, 0m, 99.97m));

        _model.AdoptOpenOrders(_algorithm);

        Assert.That(_model.WorkingQuote(Btc, buy: true)!.OrderId, Is.EqualTo(101));
        Assert.That(_cancels, Is.EqualTo(new[] { 5 }));
        _model.OnOrderEvent(_algorithm, new OrderEvent { OrderId = 101, Symbol = Btc, Status = OrderStatus.Filled, FillQuantity = 0.5m });
        _model.Execute(_algorithm, new[] { Quote(99.90m, 100.10m) });
        _router.Verify(r => r.Submit(Btc, 0.5m, It.IsAny<decimal>(), "mm bid"), Times.Once, "no new bid while the cancelled open order may still fill");
        _model.OnOrderEvent(_algorithm, new OrderEvent { OrderId = 5, Symbol = Btc, Status = OrderStatus.Canceled });
        _model.Execute(_algorithm, new[] { Quote(99.90m, 100.10m) });
        _router.Verify(r => r.Submit(Btc, 0.5m, It.IsAny<decimal>(), "mm bid"), Times.Exactly(2), "the bid returns once it is closed");
    }

    [Test]
    public void AnOrderTheRouterCannotAdoptIsLeftAloneAndLogged()
    {
        _router.Setup(r => r.Adopt(It.IsAny<int>())).Returns(false);
        _model.Open.Add(new RestingOrder(5, 0.5m, 0m, 99.97m));

        _model.AdoptOpenOrders(_algorithm);

        Assert.That(_model.WorkingQuote(Btc, buy: true), Is.Null);
        Assert.That(_cancels, Is.Empty);
        Assert.That(_model.Logs, Has.Some.Contains("cannot be adopted"));
    }

    private sealed class Restarted : MarketMakingExecutionModel
    {
        private readonly IQuoteOrderRouter _router;

        public Restarted(MarketMakingExecutionSettings settings, IQuoteOrderRouter router)
            : base(settings) => _router = router;

        public List<RestingOrder> Open { get; } = new();

        public List<string> Logs { get; } = new();

        protected override IQuoteOrderRouter CreateOrderRouter(QCAlgorithm algorithm) => _router;

        protected override IEnumerable<RestingOrder> GetOpenOrders(QCAlgorithm algorithm, Symbol symbol) => Open;

        protected override void Log(QCAlgorithm algorithm, string message) => Logs.Add(message);
    }
}
