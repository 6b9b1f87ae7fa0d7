using System;
using System.Collections.Generic;
using Lean.MarketMaking.Algorithms.Execution;
using Lean.MarketMaking.Algorithms.PortfolioConstruction;
using Lean.MarketMaking.Models.Errors;
using Moq;
using NUnit.Framework;
using QuantConnect;
using QuantConnect.Algorithm;
using QuantConnect.Algorithm.Framework.Portfolio;
using static Lean.MarketMaking.Tests.LeanLayer.LeanTestKit;

namespace Lean.MarketMaking.Tests.LeanLayer.Execution;

/// <summary>
/// The tick-to-order latency: in live mode every order request the router takes is timed from the arrival of the step's
/// oldest tick to the wall clock after the request; nothing is measured in a backtest or in a step without a tick;
/// quantiles are nearest-rank upper ones over the last requests kept.
/// </summary>
[TestFixture]
public class TickToOrderLatencyTests
{
    private static readonly DateTime Arrival = new(2026, 12, 3, 19, 0, 0, DateTimeKind.Utc);

    private static QuoteTarget Quote(decimal bid, decimal ask) => new(Btc, default, bid, ask, 0.5m, 0.5m, (bid + ask) / 2);

    [Test]
    public void EveryRequestInLiveModeIsTimedFromTheStepsDataArrival()
    {
        var model = new TimedExecution(live: true);
        var algorithm = new QCAlgorithm();
        model.OnSecuritiesChanged(algorithm, Added(NewSecurity().Quote(99.99m, 100.01m, Start)));

        model.ArrivalUtc = Arrival;
        model.Clock.Enqueue(Arrival.AddTicks(2_500)); // the bid: 250 µs after the tick
        model.Clock.Enqueue(Arrival.AddTicks(4_000)); // the ask: 400 µs
        model.Execute(algorithm, new IPortfolioTarget[] { Quote(99.90m, 100.10m) });

        model.ArrivalUtc = null; // a step without a tick of the quoted security: its requests are not timed
        model.Execute(algorithm, new IPortfolioTarget[] { Quote(99.80m, 100.20m) });

        model.ArrivalUtc = Arrival.AddSeconds(1);
        model.Clock.Enqueue(Arrival.AddSeconds(1).AddTicks(10_000)); // a re-price by update: 1 ms
        model.Clock.Enqueue(Arrival.AddSeconds(1).AddTicks(10_000));
        model.Execute(algorithm, new IPortfolioTarget[] { Quote(99.50m, 100.50m) });

        var latency = model.Statistics.Latency!;
        Assert.That(latency.Count, Is.EqualTo(4), "two placements, two updates; the untimed step's updates not counted");
        Assert.That(latency.Quantile(0.5), Is.EqualTo(TimeSpan.FromTicks(4_000)));
        Assert.That(latency.Quantile(0.99), Is.EqualTo(TimeSpan.FromMilliseconds(1)));
        Assert.That(model.Clock, Is.Empty, "the wall clock read once per timed request");
    }

    [Test]
    public void RequestsAreStillTimedWhenOpenOrdersWereAdoptedBeforeTheFirstStep()
    {
        // a restart adopts LEAN's open orders before the first Execute: the router it creates must be the timed one
        var model = new TimedExecution(live: true);
        var algorithm = new QCAlgorithm();
        model.OnSecuritiesChanged(algorithm, Added(NewSecurity().Quote(99.99m, 100.01m, Start)));
        model.AdoptOpenOrders(algorithm);

        model.ArrivalUtc = Arrival;
        model.Clock.Enqueue(Arrival.AddTicks(2_500));
        model.Clock.Enqueue(Arrival.AddTicks(4_000));
        model.Execute(algorithm, new IPortfolioTarget[] { Quote(99.90m, 100.10m) });

        Assert.That(model.Statistics.Latency?.Count, Is.EqualTo(2));
    }

    [Test]
    public void NothingIsMeasuredInABacktest()
    {
        var model = new TimedExecution(live: false);
        var algorithm = new QCAlgorithm();
        model.OnSecuritiesChanged(algorithm, Added(NewSecurity().Quote(99.99m, 100.01m, Start)));
        model.ArrivalUtc = Arrival;
        model.Execute(algorithm, new IPortfolioTarget[] { Quote(99.90m, 100.10m) });
        Assert.That(model.Statistics.Latency, Is.Null);
    }

    [Test]
    public void QuantilesAreNearestRankUpperOnesOverTheLastRequestsKept()
    {
        var latency = new TickToOrderLatency(capacity: 100);
        Assert.That(latency.Quantile(0.99), Is.EqualTo(TimeSpan.Zero), "none yet");
        for (var i = 1; i <= 100; i++)
        {
            latency.Record(TimeSpan.FromMicroseconds(i));
        }

        Assert.That(latency.Quantile(0.5), Is.EqualTo(TimeSpan.FromMicroseconds(50)));
        Assert.That(latency.Quantile(0.99), Is.EqualTo(TimeSpan.FromMicroseconds(99)));
        Assert.That(latency.Quantile(0.995), Is.EqualTo(TimeSpan.FromMicroseconds(100)), "rank ⌈99.5⌉ = 100: the upper sample");
        for (var i = 0; i < 100; i++)
        {
            latency.Record(TimeSpan.FromMicroseconds(1000)); // pushes every earlier request out of the ring
        }

        Assert.That(latency.Quantile(0.5), Is.EqualTo(TimeSpan.FromMicroseconds(1000)));
        Assert.That(latency.Count, Is.EqualTo(200));
        latency.Record(TimeSpan.FromTicks(-5));
        Assert.That(() => latency.Quantile(0), Throws.TypeOf<MarketMakingException>());
        Assert.That(() => new TickToOrderLatency(0), Throws.TypeOf<MarketMakingException>());
    }

    private sealed class TimedExecution : MarketMakingExecutionModel
    {
        private readonly bool _live;
        private readonly IQuoteOrderRouter _router;
        private int _nextId;

        public TimedExecution(bool live)
            : base(new MarketMakingExecutionSettings(minRepriceTicks: 1, maxBookAge: TimeSpan.FromDays(1)))
        {
            _live = live;
            var router = new Mock<IQuoteOrderRouter>();
            router.Setup(r => r.Submit(It.IsAny<Symbol>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>())).Returns(() => ++_nextId);
            router.Setup(r => r.Update(It.IsAny<int>(), It.IsAny<decimal>(), It.IsAny<decimal>(), It.IsAny<string>())).Returns(true);
            router.Setup(r => r.GetUpdateOutcome(It.IsAny<int>())).Returns(UpdateOutcome.Applied);
            router.Setup(r => r.IsOpen(It.IsAny<int>())).Returns(true);
            _router = router.Object;
        }

        public DateTime? ArrivalUtc { get; set; }

        public Queue<DateTime> Clock { get; } = new();

        protected override IQuoteOrderRouter CreateOrderRouter(QCAlgorithm algorithm) => _router;

        protected override bool MeasuresLatency(QCAlgorithm algorithm) => _live;

        protected override DateTime? GetDataArrivalUtc(QCAlgorithm algorithm) => ArrivalUtc;

        protected override DateTime GetWallClockUtc() => Clock.Dequeue();

        protected override IEnumerable<RestingOrder> GetOpenOrders(QCAlgorithm algorithm, Symbol symbol) => Array.Empty<RestingOrder>();
    }
}
