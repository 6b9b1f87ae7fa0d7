using System;
using System.Collections.Generic;
using System.Linq;
using Lean.MarketMaking.Algorithms.Fills;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Microstructure;
using NUnit.Framework;
using QuantConnect.Data.Market;
using QuantConnect.Interfaces;
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
        var fills = Enumerable.Range(1, trials).Count(i => model.LimitFill(security, BuyOrder(i, 1m, 99.99m)).Status == OrderStatus.Filled);

        var p = 1 - Math.Exp(-2 * Math.Exp(-1.5 * 0.01) * 0.5);
        Assert.That((double)fills / trials, Is.EqualTo(p).Within(4 * Math.Sqrt(p * (1 - p) / trials)), "4 binomial standard errors");
    }

    [Test]
    public void RejectsInvalidIntensityParameters()
    {
        Assert.That(Assert.Throws<MarketMakingException>(() => new IntensityFill(0, 1, 1))!.ParameterName, Is.EqualTo("a"));
        Assert.That(Assert.Throws<MarketMakingException>(() => new IntensityFill(1, double.NaN, 1))!.ParameterName, Is.EqualTo("k"));
        Assert.That(Assert.Throws<MarketMakingException>(() => new IntensityFill(1, -1, 1))!.ParameterName, Is.EqualTo("k"));
        Assert.That(Assert.Throws<MarketMakingException>(() => new IntensityFill(1, 1, 1, (IntensityClock)7))!.ParameterName, Is.EqualTo("clock"));
        Assert.That(IntensityFill.Probability(2, 0, 0.3, 0.5), Is.EqualTo(1 - Math.Exp(-1)).Within(1e-15), "k = 0: the same rate at every depth");
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
            var fill = model.LimitFill(security, BuyOrder(i, 1m, 99.99m)); // at the bid, δ = 0.01 from the 100.00 mid
            if (fill.Status == OrderStatus.Filled)
            {
                fills++;
                Assert.That((fill.FillQuantity, fill.FillPrice), Is.EqualTo((1m, 99.99m)));
            }
        }

        var p = 1 - Math.Exp(-2 * Math.Exp(-1.5 * 0.01) * 0.5);
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
            return string.Concat(Enumerable.Range(1, 200).Select(i => model.LimitFill(security, BuyOrder(i, 1m, 99.99m)).Status == OrderStatus.Filled ? '1' : '0'));
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

        Step(security, model, 3, 99.98m, 1m, Trade(3, 99.98m, 5m));
        var third = model.LimitFill(security, order);
        Assert.That((third.Status, third.FillQuantity, third.FillPrice), Is.EqualTo((OrderStatus.Filled, 2m, 99.99m)));
    }

    [Test]
    public void ObservedRestingStepsCarryTheIntensityRulesInputsAndLeaveTheQueueFillsUnchanged()
    {
        // the queue test above, observed: the same fills, and per resting step δ, Δt, the gate and the quantity filled
        var model = new TestableFillModel(PassiveFillMode.QueuePosition, null, 0) { Observe = true };
        var security = NewSecurity().Quote(99.99m, 100.01m, Start, bidSize: 10m, askSize: 4m);
        var order = BuyOrder(1, 5m, 99.99m);
        model.LimitFill(security, order);
        Step(security, model, 1, 99.99m, 4m, Trade(1, 99.99m, 6m));
        Assert.That(model.LimitFill(security, order).FillQuantity, Is.EqualTo(0m));
        Step(security, model, 2, 99.99m, 1m, Trade(2, 99.99m, 7m));
        Assert.That(model.LimitFill(security, order).FillQuantity, Is.EqualTo(3m));
        Step(security, model, 3, 99.98m, 1m, Trade(3, 99.98m, 5m));
        Assert.That(model.LimitFill(security, order).FillQuantity, Is.EqualTo(2m));

        Assert.That(model.Observed, Is.EqualTo(new[]
        {
            (true, 0.01, 0.0, true, false, 0m),  // arrival: rests, nothing can fill it this step
            (true, 0.01, 1.0, true, true, 0m),   // at the touch: the gate is open; the bid's size fell 10 → 4: a depletion
            (true, 0.01, 1.0, true, true, 3m),
            (true, 0.005, 1.0, true, true, 2m),  // the bid fell below the quote: δ from the new mid 99.995
        }));
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
    public void AMarketableOrderFillsAtTheTouchWithinTheDisplayedSize()
    {
        var model = Queue();
        var security = NewSecurity().Quote(99.99m, 100.01m, Start, bidSize: 5m);
        var fill = model.LimitFill(security, SellOrder(1, 2m, 99.50m, sentBid: 99.99m, sentAsk: 100.01m));
        Assert.That((fill.Status, fill.FillQuantity, fill.FillPrice), Is.EqualTo((OrderStatus.Filled, -2m, 99.99m)));
    }

    [Test]
    public void AMarketableOrderTakesOnlyTheDisplayedSizeOncePerDataPoint()
    {
        // without an impact model nothing fills beyond the displayed size; the same book is not taken twice
        var model = Queue();
        var security = NewSecurity().Quote(99.99m, 100.01m, Start, bidSize: 2m);
        var order = SellOrder(1, 5m, 99.50m, sentBid: 99.99m, sentAsk: 100.01m);
        var first = model.LimitFill(security, order);
        Assert.That((first.Status, first.FillQuantity, first.FillPrice), Is.EqualTo((OrderStatus.PartiallyFilled, -2m, 99.99m)));
        Assert.That(model.LimitFill(security, order).FillQuantity, Is.EqualTo(0m), "same data point: its displayed size is gone");

        security.Quote(99.98m, 100.00m, Start.AddSeconds(1), bidSize: 10m);
        var second = model.LimitFill(security, order);
        Assert.That((second.Status, second.FillQuantity, second.FillPrice), Is.EqualTo((OrderStatus.Filled, -3m, 99.98m)));
    }

    [Test]
    public void BeyondTheDisplayedSizeAMarketableOrderPaysSquareRootImpactNeverPastItsLimit()
    {
        // Y = 1, σ = 0.5 (price units per horizon), V = 10,000 units per horizon: I(Q) = 0.005·√Q
        var impact = new SquareRootImpactModel(1, 0.5, 10_000);
        var settings = new PassiveFillSettings(impact: impact);

        // limit 100.05 leaves room for the whole rest: 10 at the 100.01 ask, 40 at 100.01 + (2/3)·0.005·√40
        var security = NewSecurity().Quote(99.99m, 100.01m, Start, askSize: 10m);
        var wide = Queue(settings).LimitFill(security, BuyOrder(1, 50m, 100.05m, sentBid: 99.99m, sentAsk: 100.01m));
        var beyond = 100.01 + 2.0 / 3.0 * 0.005 * Math.Sqrt(40);
        Assert.That((wide.Status, wide.FillQuantity), Is.EqualTo((OrderStatus.Filled, 50m)));
        Assert.That((double)wide.FillPrice, Is.EqualTo((10 * 100.01 + 40 * beyond) / 50).Within(1e-9));

        // limit 100.02: the last unit may pay at most 0.01 over the ask, so Q ≤ V·(0.01/0.5)² = 4 beyond the 10 shown
        var tight = Queue(settings).LimitFill(security, BuyOrder(2, 50m, 100.02m, sentBid: 99.99m, sentAsk: 100.01m));
        var tightBeyond = 100.01 + 2.0 / 3.0 * 0.005 * Math.Sqrt(4);
        Assert.That((tight.Status, tight.FillQuantity), Is.EqualTo((OrderStatus.PartiallyFilled, 14m)));
        Assert.That((double)tight.FillPrice, Is.EqualTo((10 * 100.01 + 4 * tightBeyond) / 14).Within(1e-9));
        Assert.That(tight.FillPrice, Is.LessThanOrEqualTo(100.02m));
    }

    [Test]
    public void WithoutDisplayedSizesAMarketableOrderTakesTheTouchOrTheImpactPricesAllOfIt()
    {
        // forex quote ticks carry no sizes
        var security = NewSecurity().Quote(99.99m, 100.01m, Start, bidSize: 0m, askSize: 0m);
        var plain = Queue().LimitFill(security, BuyOrder(1, 5m, 100.05m, sentBid: 99.99m, sentAsk: 100.01m));
        Assert.That((plain.Status, plain.FillQuantity, plain.FillPrice), Is.EqualTo((OrderStatus.Filled, 5m, 100.01m)));

        var impact = new SquareRootImpactModel(1, 0.5, 10_000);
        var priced = Queue(new PassiveFillSettings(impact: impact)).LimitFill(security, BuyOrder(2, 5m, 100.05m, sentBid: 99.99m, sentAsk: 100.01m));
        Assert.That((priced.Status, priced.FillQuantity), Is.EqualTo((OrderStatus.Filled, 5m)));
        Assert.That((double)priced.FillPrice, Is.EqualTo(100.01 + impact.AverageImpact(5)).Within(1e-9));
    }

    [Test]
    public void AQuoteTheBookCrossedBeforeItsFirstEvaluationFillsAtItsLimitNotBetter()
    {
        // sent passive against 99.98 x 100.00; by its first evaluation the ask has fallen through it to 99.97
        var model = Queue();
        var security = NewSecurity().Quote(99.95m, 99.97m, Start.AddSeconds(1), askSize: 50m);
        var fill = model.LimitFill(security, BuyOrder(1, 2m, 99.99m, sentBid: 99.98m, sentAsk: 100.00m));
        Assert.That((fill.Status, fill.FillQuantity, fill.FillPrice), Is.EqualTo((OrderStatus.Filled, 2m, 99.99m)));
    }

    [Test]
    public void ASmallTradeThroughThePriceFillsOnlyItsSizeBeyondTheQueueAhead()
    {
        var model = Queue();
        var security = NewSecurity().Quote(99.99m, 100.01m, Start, bidSize: 10m, askSize: 4m);
        var order = BuyOrder(1, 5m, 99.99m);
        model.LimitFill(security, order); // behind 10
        Step(security, model, 1, 99.98m, 3m, Trade(1, 99.98m, 12m));
        var fill = model.LimitFill(security, order);
        Assert.That((fill.Status, fill.FillQuantity, fill.FillPrice), Is.EqualTo((OrderStatus.PartiallyFilled, 2m, 99.99m)), "12 traded: 10 ahead, 2 for the order");
    }

    [Test]
    public void AnOrderImprovingTheTouchStartsFirstButNeedsATradeToFill()
    {
        var model = Queue();
        var security = NewSecurity().Quote(99.99m, 100.01m, Start, bidSize: 10m, askSize: 4m);
        var order = BuyOrder(1, 5m, 100.00m);
        Assert.That(model.LimitFill(security, order).FillQuantity, Is.EqualTo(0m));
        Step(security, model, 1, 99.99m, 10m);
        Assert.That(model.LimitFill(security, order).FillQuantity, Is.EqualTo(0m), "no trade, no fill");
        Step(security, model, 2, 99.99m, 9m, Trade(2, 99.99m, 1m));
        var fill = model.LimitFill(security, order);
        Assert.That((fill.Status, fill.FillQuantity, fill.FillPrice), Is.EqualTo((OrderStatus.PartiallyFilled, 1m, 100.00m)), "the 1-lot sell reaches it first");
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
        var canceled = BuyOrder(1, 1m, 99.99m);
        canceled.Status = OrderStatus.Canceled;
        Assert.That(Intensity(1, 1e6).LimitFill(security, canceled).FillQuantity, Is.EqualTo(0m));
        var closed = Intensity(1, 1e6);
        closed.ExchangeOpen = false;
        Assert.That(closed.LimitFill(security, BuyOrder(2, 1m, 99.99m)).FillQuantity, Is.EqualTo(0m));
    }

    [Test]
    public void FillIsEmptyUnlessTheOrderFillsSoLeanSkipsUnchangedOrders()
    {
        var security = NewSecurity().Quote(99.99m, 100.01m, Start);
        var never = Intensity(seed: 1, elapsedSeconds: 1e-9); // Δt rounds to 0: fill probability 0
        Assert.That(never.Fill(Parameters(security, BuyOrder(1, 1m, 99.60m))), Is.Empty);
        // a marketable order fills on its first evaluation: one event, as LimitFill returns it
        var fills = Queue().Fill(Parameters(security, SellOrder(2, 1m, 99.50m, sentBid: 99.99m, sentAsk: 100.01m))).ToList();
        Assert.That(fills.Select(f => (f.Status, f.FillQuantity, f.FillPrice)), Is.EqualTo(new[] { (OrderStatus.Filled, -1m, 99.99m) }));
    }

    [Test]
    public void AnOrderSkippedByAScanKeepsItsFilledQuantityAndQueue()
    {
        // order 1 fills 3 of 5; LEAN skips it at t = 2 s (order 2 is evaluated); at t = 4 s a large trade through its
        // price may fill only the 2 left, not the original 5 again
        var model = Queue();
        var security = NewSecurity().Quote(99.99m, 100.01m, Start, bidSize: 10m, askSize: 4m);
        var order = BuyOrder(1, 5m, 99.99m);
        model.LimitFill(security, order);
        Step(security, model, 1, 99.99m, 1m, Trade(1, 99.99m, 13m));
        Assert.That(model.LimitFill(security, order).FillQuantity, Is.EqualTo(3m));
        for (var second = 2; second <= 3; second++)
        {
            Step(security, model, second, 99.99m, 1m);
            model.LimitFill(security, BuyOrder(2, 1m, 99.97m));
        }

        Step(security, model, 4, 99.98m, 1m, Trade(4, 99.98m, 100m));
        var fill = model.LimitFill(security, order);
        Assert.That((fill.Status, fill.FillQuantity), Is.EqualTo((OrderStatus.Filled, 2m)));
    }

    [Test]
    public void TheStateOfAnOrderUnseenForTheRetentionIsDropped()
    {
        // retention 3 scans: order 1 (a cancelled order LEAN no longer passes in) is forgotten once unseen for more than
        // 3 scans of its symbol; order 2, evaluated at every scan, stays
        var model = new TestableFillModel(PassiveFillMode.QueuePosition, null, 0, new PassiveFillSettings(stateRetentionScans: 3));
        var security = NewSecurity().Quote(99.99m, 100.01m, Start, bidSize: 10m, askSize: 4m);
        model.LimitFill(security, BuyOrder(1, 1m, 99.98m));
        model.LimitFill(security, BuyOrder(2, 1m, 99.97m));
        for (var second = 1; second <= 6; second++)
        {
            Step(security, model, second, 99.99m, 10m);
            model.LimitFill(security, BuyOrder(2, 1m, 99.97m));
            Assert.That(model.TrackedOrders, Is.EqualTo(second < 5 ? 2 : 1), $"after scan {second + 1}");
        }
    }

    [TestCase(typeof(BinanceOrderProperties))]
    [TestCase(typeof(BitfinexOrderProperties))]
    [TestCase(typeof(BybitOrderProperties))]
    [TestCase(typeof(CoinbaseOrderProperties))]
    [TestCase(typeof(FTXOrderProperties))]
    [TestCase(typeof(KrakenOrderProperties))]
    [TestCase(typeof(TradeStationOrderProperties))]
    [TestCase(typeof(dYdXOrderProperties))]
    public void APostOnlyOrderThatWouldCrossOnArrivalIsRejected(Type propertiesType)
    {
        var properties = (IOrderProperties)Activator.CreateInstance(propertiesType)!;
        propertiesType.GetProperty("PostOnly")!.SetValue(properties, true);
        Assert.That(PassiveQuoteFillModel.IsPostOnly(properties), Is.True);

        var security = NewSecurity().Quote(99.99m, 100.01m, Start, askSize: 5m);
        var crossing = new LimitOrder(Btc, 1m, 100.01m, Start, "", properties)
            { Id = 1, Status = OrderStatus.Submitted, OrderSubmissionData = new OrderSubmissionData(99.99m, 100.01m, 100m) };
        var rejected = Queue().Fill(Parameters(security, crossing)).Single();
        Assert.That((rejected.Status, rejected.FillQuantity), Is.EqualTo((OrderStatus.Invalid, 0m)));
        Assert.That(rejected.Message, Does.Contain("Post-only"));

        // the same order without post-only takes the ask; a post-only order that does not cross rests
        var taker = new LimitOrder(Btc, 1m, 100.01m, Start) { Id = 2, Status = OrderStatus.Submitted, OrderSubmissionData = new OrderSubmissionData(99.99m, 100.01m, 100m) };
        Assert.That(Queue().LimitFill(security, taker).Status, Is.EqualTo(OrderStatus.Filled));
        var resting = new LimitOrder(Btc, 1m, 100.00m, Start, "", properties) { Id = 3, Status = OrderStatus.Submitted, OrderSubmissionData = new OrderSubmissionData(99.99m, 100.01m, 100m) };
        Assert.That(Queue().LimitFill(security, resting).Status, Is.EqualTo(OrderStatus.Submitted));
    }

    [Test]
    public void PostOnlyIsReadOnlyFromPropertiesThatHaveIt()
    {
        Assert.That(PassiveQuoteFillModel.IsPostOnly(null), Is.False);
        Assert.That(PassiveQuoteFillModel.IsPostOnly(new OrderProperties()), Is.False);
        Assert.That(PassiveQuoteFillModel.IsPostOnly(new BinanceOrderProperties()), Is.False);
    }

    [Test]
    public void AnOrderCannotFillBeforeItsEntryLatencyHasPassed()
    {
        var model = new TestableFillModel(PassiveFillMode.QueuePosition, null, 0, new PassiveFillSettings(entryLatency: TimeSpan.FromSeconds(2)));
        var order = BuyOrder(1, 1m, 99.99m, sentBid: 99.98m, sentAsk: 100.00m);
        var security = NewSecurity().Quote(99.96m, 99.98m, Start.AddSeconds(1), askSize: 5m); // crosses it 1 s after sending
        Assert.That(model.LimitFill(security, order).FillQuantity, Is.EqualTo(0m), "still on its way to the exchange");
        security.Quote(99.96m, 99.98m, Start.AddSeconds(2), askSize: 5m);
        var fill = model.LimitFill(security, order);
        Assert.That((fill.Status, fill.FillQuantity, fill.FillPrice), Is.EqualTo((OrderStatus.Filled, 1m, 99.99m)));
    }

    [Test]
    public void EachOrderAndEachRepriceWaitsOutItsOwnDrawnLatency()
    {
        // log-normal latency, median 2 s: every order, and every re-price, draws its own latency once
        var latency = LatencyModel.LogNormal(TimeSpan.FromSeconds(2), 0.8, seed: 11);
        var model = new TestableFillModel(PassiveFillMode.QueuePosition, null, 0, new PassiveFillSettings(latency: latency));
        var drawn = new List<TimeSpan>();
        var security = NewSecurity();
        for (var id = 1; id <= 3; id++)
        {
            var order = BuyOrder(id, 1m, 99.99m, sentBid: 99.98m, sentAsk: 100.00m);
            var wait = latency.Draw(id, order.Time.Ticks);
            drawn.Add(wait);
            security.Quote(99.96m, 99.98m, Start + wait - TimeSpan.FromMilliseconds(1), askSize: 5m); // crosses it
            Assert.That(model.LimitFill(security, order).FillQuantity, Is.EqualTo(0m), $"order {id} still on its way ({wait})");
            security.Quote(99.96m, 99.98m, Start + wait, askSize: 5m);
            Assert.That(model.LimitFill(security, order).FillQuantity, Is.EqualTo(1m), $"order {id} has arrived ({wait})");
        }

        Assert.That(drawn.Distinct().Count(), Is.EqualTo(3), "three orders, three latencies");

        // a re-price at t0 takes effect at t0 + the re-price's own draw: the old price fills until then
        var repriced = BuyOrder(9, 1m, 99.99m, sentBid: 99.99m, sentAsk: 100.01m);
        security.Quote(99.99m, 100.01m, Start + TimeSpan.FromSeconds(60), bidSize: 10m, askSize: 4m);
        model.LimitFill(security, Submitted(repriced, Start));
        var changed = Start + TimeSpan.FromSeconds(61);
        Reprice(repriced, 99.90m, changed);
        var repriceWait = latency.Draw(9, changed.Ticks);
        Assert.That(repriceWait, Is.Not.EqualTo(latency.Draw(9, Start.Ticks)), "the re-price draws anew");
        security.Quote(99.93m, 99.95m, changed + repriceWait - TimeSpan.FromMilliseconds(1), askSize: 5m);
        var fill = model.LimitFill(security, repriced);
        Assert.That((fill.FillQuantity, fill.FillPrice), Is.EqualTo((1m, 99.99m)), "the old price is still live");
    }

    [Test]
    public void AfterARepriceTheOldPriceStaysFillableUntilTheLatencyHasPassed()
    {
        var latency = TimeSpan.FromSeconds(2);
        var security = NewSecurity().Quote(99.99m, 100.01m, Start.AddSeconds(1), bidSize: 10m, askSize: 4m);

        // re-priced from 99.99 down to 99.90 at t = 1 s; at t = 2 s the ask falls to 99.95: the old price is still live
        var model = new TestableFillModel(PassiveFillMode.QueuePosition, null, 0, new PassiveFillSettings(entryLatency: latency));
        var order = BuyOrder(1, 1m, 99.99m, sentBid: 99.99m, sentAsk: 100.01m);
        model.LimitFill(security, Submitted(order, Start.AddSeconds(-2)));
        Reprice(order, 99.90m, Start.AddSeconds(1));
        security.Quote(99.93m, 99.95m, Start.AddSeconds(2), askSize: 5m);
        var fill = model.LimitFill(security, order);
        Assert.That((fill.Status, fill.FillQuantity, fill.FillPrice), Is.EqualTo((OrderStatus.Filled, 1m, 99.99m)));

        // the same path evaluated at t = 3 s, when the new price is live: 99.90 is not crossed by a 99.95 ask
        var later = new TestableFillModel(PassiveFillMode.QueuePosition, null, 0, new PassiveFillSettings(entryLatency: latency));
        var order2 = BuyOrder(2, 1m, 99.99m, sentBid: 99.99m, sentAsk: 100.01m);
        security.Quote(99.99m, 100.01m, Start.AddSeconds(1), bidSize: 10m, askSize: 4m);
        later.LimitFill(security, Submitted(order2, Start.AddSeconds(-2)));
        Reprice(order2, 99.90m, Start.AddSeconds(1));
        security.Quote(99.93m, 99.95m, Start.AddSeconds(3), askSize: 5m);
        Assert.That(later.LimitFill(security, order2).FillQuantity, Is.EqualTo(0m));
    }

    [Test]
    public void AnIntensityFillNeedsTheOppositeFlowToReachTheQuoteInTheStep()
    {
        // a bid at 99.90 under a 99.99 bid, evaluated after a day (fill probability ≈ 1 without the condition)
        var day = 86_400;
        TestableFillModel Model() => new(PassiveFillMode.Intensity, new IntensityFill(a: 2, k: 1.5, seed: 3), 0);
        LimitOrder Order() => BuyOrder(1, 1m, 99.90m, sentBid: 99.99m, sentAsk: 100.01m);

        var untouched = Model();
        var security = NewSecurity().Quote(99.99m, 100.01m, Start.AddSeconds(1));
        var order = Order();
        untouched.LimitFill(security, order);
        security.Quote(99.99m, 100.01m, Start.AddSeconds(day));
        Assert.That(untouched.LimitFill(security, order).FillQuantity, Is.EqualTo(0m), "nothing in the step came down to 99.90");

        foreach (var reach in new[]
                 {
                     Trade(day, 99.90m, 0.5m),
                     new Tick(Start.AddSeconds(day), Btc, 1m, 99.89m, 1m, 99.95m),
                 })
        {
            var model = Model();
            security.Quote(99.99m, 100.01m, Start.AddSeconds(1));
            var reached = Order();
            model.LimitFill(security, reached);
            security.Quote(99.99m, 100.01m, Start.AddSeconds(day));
            model.Trades = new[] { reach };
            var fill = model.LimitFill(security, reached);
            Assert.That((fill.Status, fill.FillQuantity, fill.FillPrice), Is.EqualTo((OrderStatus.Filled, 1m, 99.90m)), reach.TickType.ToString());
        }
    }

    [Test]
    public void IntensityFillsCarryAdverseSelectionWhenTheMidHasMomentum()
    {
        // A mid on a 0.01 grid that moves one tick per second and keeps its direction with probability 0.7; the book
        // is mid ± 0.01. Each second a market maker bids 1 at the bid; the order is evaluated one second later. The
        // markout of a fill is the mid 5 s after the fill minus the mid at the fill. The fill model's fills must carry
        // adverse selection (mean markout below −4 standard errors); draws independent of the step's move (the previous
        // rule: δ = |limit − mid| with no condition) have a markout indistinguishable from zero.
        const int steps = 20_000;
        const int horizon = 5;
        var random = new Random(2024);
        var mids = new decimal[steps + horizon + 2];
        mids[0] = 100m;
        var direction = 1;
        for (var t = 1; t < mids.Length; t++)
        {
            direction = random.NextDouble() < 0.7 ? direction : -direction;
            mids[t] = mids[t - 1] + direction * 0.01m;
        }

        var model = new TestableFillModel(PassiveFillMode.Intensity, new IntensityFill(a: 2, k: 1.5, seed: 5), 0);
        var independent = new Random(6);
        var security = NewSecurity();
        var ruleMarkouts = new List<double>();
        var independentMarkouts = new List<double>();
        for (var t = 0; t < steps; t++)
        {
            var bid = mids[t] - 0.01m;
            var order = new LimitOrder(Btc, 1m, bid, Start.AddSeconds(t))
                { Id = t + 1, Status = OrderStatus.Submitted, OrderSubmissionData = new OrderSubmissionData(bid, mids[t] + 0.01m, mids[t]) };
            security.Quote(mids[t + 1] - 0.01m, mids[t + 1] + 0.01m, Start.AddSeconds(t + 1));
            var markout = (double)(mids[t + 1 + horizon] - mids[t + 1]);
            if (model.LimitFill(security, order).Status == OrderStatus.Filled)
            {
                ruleMarkouts.Add(markout);
            }

            if (independent.NextDouble() < IntensityFill.Probability(2, 1.5, (double)(mids[t + 1] - bid), 1))
            {
                independentMarkouts.Add(markout);
            }
        }

        static (double Mean, double StandardError) Stats(List<double> x)
        {
            var mean = x.Average();
            return (mean, Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)) / (x.Count - 1) / x.Count));
        }

        var rule = Stats(ruleMarkouts);
        var old = Stats(independentMarkouts);
        TestContext.Out.WriteLine($"fills {ruleMarkouts.Count}: markout {rule.Mean:F5} ± {rule.StandardError:F5}; independent draws {independentMarkouts.Count}: {old.Mean:F5} ± {old.StandardError:F5}");
        Assert.That(ruleMarkouts.Count, Is.GreaterThan(steps / 4));
        Assert.That(rule.Mean, Is.LessThan(-4 * rule.StandardError), $"rule markout {rule.Mean} ± {rule.StandardError}");
        Assert.That(Math.Abs(old.Mean), Is.LessThan(4 * old.StandardError), $"independent markout {old.Mean} ± {old.StandardError}");
    }

    [Test]
    public void OnTheDepletionClockAQuoteFillsOnlyWhenItsOwnSideDepletesAtOrBehindIt()
    {
        // A = 50 per unit of the clock: any draw fills (1 − e^(−50)). A bid at the touch 99.99 (5 shown), then an hour
        // of an unchanged book: on the seconds clock (the previous rule) it fills at rate A per second whatever trades;
        // on the depletion clock it waits for the bid side to deplete
        TestableFillModel Model(IntensityClock clock) => new(PassiveFillMode.Intensity, new IntensityFill(a: 50, k: 0, seed: 3, clock), 0);
        (TestableFillModel Model, Security Security, LimitOrder Order) Resting(IntensityClock clock, bool buy)
        {
            var model = Model(clock);
            var security = NewSecurity().Quote(99.99m, 100.01m, Start, bidSize: 5m, askSize: 5m);
            var order = buy ? BuyOrder(1, 1m, 99.99m) : SellOrder(1, 1m, 100.01m);
            Assert.That(model.LimitFill(security, order).FillQuantity, Is.EqualTo(0m), "arrival: rests");
            return (model, security, order);
        }

        var seconds = Resting(IntensityClock.MarketSeconds, buy: true);
        seconds.Security.Quote(99.99m, 100.01m, Start.AddHours(1), bidSize: 5m, askSize: 5m);
        Assert.That(seconds.Model.LimitFill(seconds.Security, seconds.Order).Status, Is.EqualTo(OrderStatus.Filled), "seconds clock: an hour at the touch fills");

        var (model, security, order) = Resting(IntensityClock.Depletions, buy: true);
        security.Quote(99.99m, 100.01m, Start.AddHours(1), bidSize: 5m, askSize: 5m);
        Assert.That(model.LimitFill(security, order).FillQuantity, Is.EqualTo(0m), "an unchanged bid side: no depletion");
        security.Quote(99.99m, 100.01m, Start.AddHours(1).AddSeconds(1), bidSize: 8m, askSize: 2m);
        Assert.That(model.LimitFill(security, order).FillQuantity, Is.EqualTo(0m), "the bid side replenished (the ask side depleted)");
        security.Quote(100.00m, 100.01m, Start.AddHours(1).AddSeconds(2), bidSize: 8m, askSize: 2m);
        security.Quote(100.00m, 100.01m, Start.AddHours(1).AddSeconds(3), bidSize: 3m, askSize: 2m);
        Assert.That(model.LimitFill(security, order).FillQuantity, Is.EqualTo(0m), "a depletion ahead of the quote (bid 100.00 above it) does not reach it");
        security.Quote(100.00m, 100.01m, Start.AddHours(1).AddSeconds(4), bidSize: 2m, askSize: 2m);
        Assert.That(model.LimitFill(security, order).FillQuantity, Is.EqualTo(0m), "nor does a second one");
        security.Quote(99.99m, 100.01m, Start.AddHours(1).AddSeconds(5), bidSize: 8m, askSize: 2m);
        var fill = model.LimitFill(security, order);
        Assert.That((fill.Status, fill.FillQuantity, fill.FillPrice), Is.EqualTo((OrderStatus.Filled, 1m, 99.99m)), "the level ahead cleared down to the quote");

        (model, security, order) = Resting(IntensityClock.Depletions, buy: false);
        security.Quote(99.99m, 100.01m, Start.AddSeconds(1), bidSize: 1m, askSize: 5m);
        Assert.That(model.LimitFill(security, order).FillQuantity, Is.EqualTo(0m), "an ask: the bid side's depletion is not its own");
        security.Quote(99.99m, 100.01m, Start.AddSeconds(2), bidSize: 1m, askSize: 4m);
        fill = model.LimitFill(security, order);
        Assert.That((fill.Status, fill.FillQuantity, fill.FillPrice), Is.EqualTo((OrderStatus.Filled, -1m, 100.01m)), "the ask's size fell at its price");
    }

    [Test]
    public void OnTheDepletionClockADepletionFillsWithTheModelProbabilityOverManySeededTrials()
    {
        // a bid at 99.99 under the mid 100.00 (δ = 0.01): one depletion (the bid's size 5 → 4) fills it with probability
        // 1 − exp(−A·e^(−kδ)), A per depletion, however long it took
        const int trials = 20_000;
        var model = new TestableFillModel(PassiveFillMode.Intensity, new IntensityFill(a: 0.5, k: 20, seed: 17, IntensityClock.Depletions), 0);
        var security = NewSecurity();
        var fills = 0;
        for (var i = 0; i < trials; i++)
        {
            var order = Submitted(BuyOrder(i + 1, 1m, 99.99m), Start.AddSeconds(2 * i));
            security.Quote(99.99m, 100.01m, Start.AddSeconds(2 * i), bidSize: 5m, askSize: 5m);
            model.LimitFill(security, order);
            security.Quote(99.99m, 100.01m, Start.AddSeconds(2 * i + 1), bidSize: 4m, askSize: 5m);
            fills += model.LimitFill(security, order).Status == OrderStatus.Filled ? 1 : 0;
        }

        var p = 1 - Math.Exp(-0.5 * Math.Exp(-20 * 0.01));
        Assert.That((double)fills / trials, Is.EqualTo(p).Within(4 * Math.Sqrt(p * (1 - p) / trials)), "4 binomial standard errors");
    }

    private static FillModelParameters Parameters(Security security, Order order) =>
        new(security, order, null!, TimeSpan.FromHours(1), new Dictionary<Order, Security> { [order] = security });

    private static TestableFillModel Intensity(int seed, double elapsedSeconds) =>
        new(PassiveFillMode.Intensity, new IntensityFill(a: 2, k: 1.5, seed), elapsedSeconds);

    private static TestableFillModel Queue(PassiveFillSettings? settings = null) => new(PassiveFillMode.QueuePosition, null, 0, settings);

    /// <summary>A buy order sent at <see cref="Start"/>; with a sent bid and ask, LEAN's submission data (the book then).</summary>
    private static LimitOrder BuyOrder(int id, decimal quantity, decimal price, decimal? sentBid = null, decimal? sentAsk = null) =>
        new(Btc, quantity, price, Start) { Id = id, Status = OrderStatus.Submitted, OrderSubmissionData = Sent(sentBid, sentAsk) };

    private static LimitOrder SellOrder(int id, decimal quantity, decimal price, decimal? sentBid = null, decimal? sentAsk = null) =>
        new(Btc, -quantity, price, Start) { Id = id, Status = OrderStatus.Submitted, OrderSubmissionData = Sent(sentBid, sentAsk) };

    private static OrderSubmissionData? Sent(decimal? bid, decimal? ask) =>
        bid is { } b && ask is { } a ? new OrderSubmissionData(b, a, (b + a) / 2) : null;

    private static LimitOrder Submitted(LimitOrder order, DateTime utc)
    {
        order.Time = utc;
        return order;
    }

    /// <summary>What LEAN's transaction handler does on a successful price update at <paramref name="utc"/>.</summary>
    private static void Reprice(LimitOrder order, decimal price, DateTime utc)
    {
        order.LimitPrice = price;
        order.LastUpdateTime = utc;
    }

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

        public TestableFillModel(PassiveFillMode mode, IntensityFill? intensity, double elapsedSeconds, PassiveFillSettings? settings = null)
            : base(mode, intensity, settings) => _elapsedSeconds = elapsedSeconds;

        public IEnumerable<Tick> Trades { get; set; } = Array.Empty<Tick>();

        public bool ExchangeOpen { get; set; } = true;

        /// <summary>When set, the exchange (re)opened then: the intensity rule counts time from there.</summary>
        public DateTime? MarketOpenedUtc { get; set; }

        protected override DateTime GetUtcTime(Security asset) =>
            _elapsedSeconds > 0 ? Start.AddSeconds(_elapsedSeconds) : asset.LocalTime;

        protected override bool IsExchangeOpen(Security asset, bool isExtendedMarketHours) => ExchangeOpen;

        protected override DateTime OpenSince(Security asset, DateTime fromUtc, DateTime utcNow) =>
            MarketOpenedUtc is { } opened && opened > fromUtc ? opened : fromUtc;

        protected override IEnumerable<Tick> GetTicks(Security asset) => Trades;

        public bool Observe { get; init; }

        public List<(bool IsBuy, double Depth, double Seconds, bool Reached, bool Depleted, decimal Filled)> Observed { get; } = new();

        protected override bool ObservesRestingSteps => Observe;

        protected override void OnRestingStep(Security asset, bool isBuy, double depth, double seconds, bool reached, bool depleted, decimal filled) =>
            Observed.Add((isBuy, Math.Round(depth, 9), seconds, reached, depleted, filled));
    }
}
