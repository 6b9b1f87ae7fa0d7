using System;
using System.Collections.Generic;
using System.Linq;
using Lean.MarketMaking.Algorithms.Fills;
using Lean.MarketMaking.Models.Errors;
using NUnit.Framework;
using QuantConnect.Data.Market;
using QuantConnect.Orders;
using QuantConnect.Orders.Fills;
using QuantConnect.Securities;
using static Lean.MarketMaking.Tests.LeanLayer.LeanTestKit;

namespace Lean.MarketMaking.Tests.LeanLayer.Fills;

[TestFixture]
public class PassiveQuoteFillModelTests
{
    [Test]
    public void IntensityFillProbabilityIsOneMinusExpOfRateTimesTime()
    {
        // A = 2 /s, k = 1.5 /price unit, δ = 0.4, Δt = 0.5 s: λ = 2·e^(−0.6)
        var expected = 1 - Math.Exp(-2 * Math.Exp(-0.6) * 0.5);
        Assert.That(IntensityFill.Probability(2, 1.5, 0.4, 0.5), Is.EqualTo(expected).Within(1e-15));
        // tiny λΔt: the series branch agrees with the exact value to relative 1e-12
        const double x = 1e-6;
        var taylor = x - x * x / 2 + x * x * x / 6 - x * x * x * x / 24; // truncation error ~x⁵/120
        Assert.That(IntensityFill.Probability(1e-3, 1, 0, 1e-3), Is.EqualTo(taylor).Within(1e-12 * taylor));
        Assert.That(IntensityFill.Probability(2, 1.5, 0.4, 0), Is.EqualTo(0));
        Assert.That(IntensityFill.Probability(2, 1.5, 0.8, 0.5), Is.LessThan(IntensityFill.Probability(2, 1.5, 0.4, 0.5)));
    }

    [Test]
    public void IntensityModeCountsOnlyTheTimeSinceTheMarketOpenedAfterAClosure()
    {
        // an order resting over a 17.5-hour close is first evaluated again 0.5 s after the open: the fill probability is
        // that of 0.5 s of open market, not of the whole night (which would be ≈ 1)
        const int trials = 20_000;
        var model = Intensity(seed: 11, elapsedSeconds: 17.5 * 3600);
        model.MarketOpenedUtc = Start.AddSeconds(17.5 * 3600 - 0.5);
        var security = NewSecurity().Quote(99.99m, 100.01m, Start);
        var fills = Enumerable.Range(1, trials).Count(i => model.LimitFill(security, BuyOrder(i, 1m, 99.60m)).Status == OrderStatus.Filled);

        var p = 1 - Math.Exp(-2 * Math.Exp(-1.5 * 0.4) * 0.5);
        Assert.That((double)fills / trials, Is.EqualTo(p).Within(4 * Math.Sqrt(p * (1 - p) / trials)), "4 binomial standard errors");
    }

    [Test]
    public void RejectsInvalidIntensityParameters()
    {
        Assert.That(Assert.Throws<MarketMakingException>(() => new IntensityFill(0, 1, 1))!.ParameterName, Is.EqualTo("a"));
        Assert.That(Assert.Throws<MarketMakingException>(() => new IntensityFill(1, double.NaN, 1))!.ParameterName, Is.EqualTo("k"));
    }

    [Test]
    public void IntensityModeFillsWithTheModelProbabilityOverManySeededTrials()
    {
        const int trials = 20_000;
        var model = Intensity(seed: 7, elapsedSeconds: 0.5);
        var security = NewSecurity().Quote(99.99m, 100.01m, Start);
        var fills = 0;
        for (var i = 1; i <= trials; i++)
        {
            var fill = model.LimitFill(security, BuyOrder(i, 1m, 99.60m)); // δ = 0.40 from the 100.00 mid
            if (fill.Status == OrderStatus.Filled)
            {
                fills++;
                Assert.That((fill.FillQuantity, fill.FillPrice), Is.EqualTo((1m, 99.60m)));
            }
        }

        var p = 1 - Math.Exp(-2 * Math.Exp(-1.5 * 0.4) * 0.5);
        var standardError = Math.Sqrt(p * (1 - p) / trials);
        // 4 binomial standard errors (≈ 0.014): a false alarm has probability ~6e-5 for a correct model
        Assert.That((double)fills / trials, Is.EqualTo(p).Within(4 * standardError));
    }

    [Test]
    public void IntensityModeIsReproducibleForASeed()
    {
        var security = NewSecurity().Quote(99.99m, 100.01m, Start);
        string Run(int seed)
        {
            var model = Intensity(seed, 0.5);
            return string.Concat(Enumerable.Range(1, 200).Select(i => model.LimitFill(security, BuyOrder(i, 1m, 99.6m)).Status == OrderStatus.Filled ? '1' : '0'));
        }

        Assert.That(Run(11), Is.EqualTo(Run(11)));
        Assert.That(Run(11), Is.Not.EqualTo(Run(12)));
    }

    [Test]
    public void QueueModeFillsPartiallyAfterTheQueueAheadTrades()
    {
        var model = Queue();
        var security = NewSecurity().Quote(99.99m, 100.01m, Start, bidSize: 10m, askSize: 4m);
        var order = BuyOrder(1, 5m, 99.99m);
        var arrival = model.LimitFill(security, order); // joins behind the 10 displayed
        Assert.That(arrival.FillQuantity, Is.EqualTo(0m));
        Assert.That(arrival.Status, Is.EqualTo(OrderStatus.Submitted), "a no-fill event carries the order's status, as in LEAN");

        Step(security, model, 1, 99.99m, 4m, Trade(1, 99.99m, 6m));
        Assert.That(model.LimitFill(security, order).FillQuantity, Is.EqualTo(0m), "6 traded against 10 ahead");

        Step(security, model, 2, 99.99m, 1m, Trade(2, 99.99m, 7m));
        var second = model.LimitFill(security, order);
        Assert.That((second.Status, second.FillQuantity, second.FillPrice), Is.EqualTo((OrderStatus.PartiallyFilled, 3m, 99.99m)));

        // the same step evaluated again: its trades are not counted twice
        Assert.That(model.LimitFill(security, order).FillQuantity, Is.EqualTo(0m));

        Step(security, model, 3, 99.98m, 1m, Trade(3, 99.98m, 0.1m));
        var third = model.LimitFill(security, order);
        Assert.That((third.Status, third.FillQuantity, third.FillPrice), Is.EqualTo((OrderStatus.Filled, 2m, 99.99m)));
    }

    [Test]
    public void ARepricedOrderGoesToTheBackOfTheQueue()
    {
        var model = Queue();
        var security = NewSecurity().Quote(99.99m, 100.01m, Start, bidSize: 10m, askSize: 4m);
        var order = BuyOrder(1, 5m, 100.00m); // improves the bid: first in queue
        model.LimitFill(security, order);

        order.LimitPrice = 99.99m; // moved back to the bid (as LEAN's UpdateOrderFields would)
        Step(security, model, 1, 99.99m, 10m, Trade(1, 99.99m, 50m));
        Assert.That(model.LimitFill(security, order).FillQuantity, Is.EqualTo(0m), "joins behind 10; this step's prints preceded it");
        Step(security, model, 2, 99.99m, 6m, Trade(2, 99.99m, 4m));
        Assert.That(model.LimitFill(security, order).FillQuantity, Is.EqualTo(0m), "6 still ahead");
        Step(security, model, 3, 99.99m, 1m, Trade(3, 99.99m, 8m));
        Assert.That(model.LimitFill(security, order).FillQuantity, Is.EqualTo(2m));
    }

    [Test]
    public void AMarketableOrderFillsAtTheTouchOnFirstEvaluation()
    {
        var model = Queue();
        var security = NewSecurity().Quote(99.99m, 100.01m, Start);
        var fill = model.LimitFill(security, SellOrder(1, 2m, 99.50m));
        Assert.That((fill.Status, fill.FillQuantity, fill.FillPrice), Is.EqualTo((OrderStatus.Filled, -2m, 99.99m)));
    }

    [TestCase(100.02, 100.01)]
    [TestCase(0, 100.01)]
    public void NoFillOnABadBook(decimal bid, decimal ask)
    {
        var model = Intensity(seed: 1, elapsedSeconds: 1e6); // would fill with probability ≈ 1
        var security = NewSecurity().Quote(bid, ask, Start);
        Assert.That(model.LimitFill(security, BuyOrder(1, 1m, 99.60m)).FillQuantity, Is.EqualTo(0m));
    }

    [Test]
    public void NoFillForACanceledOrderOrAClosedExchange()
    {
        var security = NewSecurity().Quote(99.99m, 100.01m, Start);
        var canceled = BuyOrder(1, 1m, 99.60m);
        canceled.Status = OrderStatus.Canceled;
        Assert.That(Intensity(1, 1e6).LimitFill(security, canceled).FillQuantity, Is.EqualTo(0m));
        var closed = Intensity(1, 1e6);
        closed.ExchangeOpen = false;
        Assert.That(closed.LimitFill(security, BuyOrder(2, 1m, 99.60m)).FillQuantity, Is.EqualTo(0m));
    }

    [Test]
    public void FillIsEmptyUnlessTheOrderFillsSoLeanSkipsUnchangedOrders()
    {
        var security = NewSecurity().Quote(99.99m, 100.01m, Start);
        var never = Intensity(seed: 1, elapsedSeconds: 1e-9); // Δt rounds to 0: fill probability 0
        Assert.That(never.Fill(Parameters(security, BuyOrder(1, 1m, 99.60m))), Is.Empty);
        // a marketable order fills on its first evaluation: one event, as LimitFill returns it
        var fills = Queue().Fill(Parameters(security, SellOrder(2, 2m, 99.50m))).ToList();
        Assert.That(fills.Select(f => (f.Status, f.FillQuantity, f.FillPrice)), Is.EqualTo(new[] { (OrderStatus.Filled, -2m, 99.99m) }));
    }

    [Test]
    public void TheStateOfAnOrderMissingFromAScanIsDropped()
    {
        // LEAN scans every pending order of the security at each step and never passes a cancelled one: order 1,
        // absent from the scan at t = 1 s, was closed; its state goes at the next scan, order 2's stays
        var model = Queue();
        var security = NewSecurity().Quote(99.99m, 100.01m, Start, bidSize: 10m, askSize: 4m);
        model.LimitFill(security, BuyOrder(1, 1m, 99.98m));
        model.LimitFill(security, BuyOrder(2, 1m, 99.97m));
        Assert.That(model.TrackedOrders, Is.EqualTo(2));
        Step(security, model, 1, 99.99m, 10m);
        model.LimitFill(security, BuyOrder(2, 1m, 99.97m));
        Assert.That(model.TrackedOrders, Is.EqualTo(2), "order 1 was last seen at the previous scan");
        Step(security, model, 2, 99.99m, 10m);
        model.LimitFill(security, BuyOrder(2, 1m, 99.97m));
        Assert.That(model.TrackedOrders, Is.EqualTo(1));
    }

    private static FillModelParameters Parameters(Security security, Order order) =>
        new(security, order, null!, TimeSpan.FromHours(1), new Dictionary<Order, Security> { [order] = security });

    private static TestableFillModel Intensity(int seed, double elapsedSeconds) =>
        new(PassiveFillMode.Intensity, new IntensityFill(a: 2, k: 1.5, seed), elapsedSeconds);

    private static TestableFillModel Queue() => new(PassiveFillMode.QueuePosition, null, 0);

    private static LimitOrder BuyOrder(int id, decimal quantity, decimal price) =>
        new(Btc, quantity, price, Start) { Id = id, Status = OrderStatus.Submitted };

    private static LimitOrder SellOrder(int id, decimal quantity, decimal price) =>
        new(Btc, -quantity, price, Start) { Id = id, Status = OrderStatus.Submitted };

    private static Tick Trade(int second, decimal price, decimal size) => new(Start.AddSeconds(second), Btc, "", "", size, price);

    private static void Step(Security security, TestableFillModel model, int second, decimal bid, decimal bidSize, params Tick[] trades)
    {
        security.Quote(bid, 100.01m, Start.AddSeconds(second), bidSize: bidSize, askSize: 4m);
        model.Trades = trades;
    }

    /// <summary>
    /// The fill model with LEAN's engine-dependent reads replaced: UTC = order time + elapsed seconds (intensity tests)
    /// or the exchange clock with a zero offset (queue tests); exchange open unless told otherwise; trades as given.
    /// </summary>
    private sealed class TestableFillModel : PassiveQuoteFillModel
    {
        private readonly double _elapsedSeconds;

        public TestableFillModel(PassiveFillMode mode, IntensityFill? intensity, double elapsedSeconds)
            : base(mode, intensity) => _elapsedSeconds = elapsedSeconds;

        public IEnumerable<Tick> Trades { get; set; } = Array.Empty<Tick>();

        public bool ExchangeOpen { get; set; } = true;

        /// <summary>When set, the exchange (re)opened then: the intensity rule counts time from there.</summary>
        public DateTime? MarketOpenedUtc { get; set; }

        protected override DateTime GetUtcTime(Security asset) =>
            _elapsedSeconds > 0 ? Start.AddSeconds(_elapsedSeconds) : asset.LocalTime;

        protected override bool IsExchangeOpen(Security asset, bool isExtendedMarketHours) => ExchangeOpen;

        protected override DateTime OpenSince(Security asset, DateTime fromUtc, DateTime utcNow) =>
            MarketOpenedUtc is { } opened && opened > fromUtc ? opened : fromUtc;

        protected override IEnumerable<Tick> GetTrades(Security asset) => Trades;
    }
}
