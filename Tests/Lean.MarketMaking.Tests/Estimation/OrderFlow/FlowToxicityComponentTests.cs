using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Hawkes;
using Lean.MarketMaking.Models.Estimation.OrderFlow;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Estimation.OrderFlow;

[TestFixture]
public class FlowToxicityComponentTests
{
    [Test]
    public void VpinOfHandBuiltBucketsSplittingALargeTrade()
    {
        var v = new VolumeBucketImbalance(bucketVolume: 100, bucketCount: 2);
        v.AddTrade(60, TradeAggressor.Buy);
        v.AddTrade(40, TradeAggressor.Sell);        // bucket 1: 60 buy, 40 sell → |20|
        Assert.That(v.Vpin, Is.EqualTo(0.2).Within(1e-12), "one complete bucket: 20/100");
        Assert.That(v.IsReady, Is.False);
        v.AddTrade(150, TradeAggressor.Buy);        // bucket 2: 100 buy; 50 buy carried into bucket 3
        Assert.That(v.IsReady, Is.True);
        Assert.That(v.Vpin, Is.EqualTo(0.6).Within(1e-12), "(20 + 100)/(2·100)");
        Assert.That(v.SignedImbalance, Is.EqualTo(0.6).Within(1e-12));
        v.AddTrade(50, TradeAggressor.Sell);        // bucket 3: 50/50 → 0, replaces bucket 1
        Assert.That(v.Vpin, Is.EqualTo(0.5).Within(1e-12), "(100 + 0)/200");
        v.AddTrade(100, TradeAggressor.Unknown);    // bucket 4: unsigned, split evenly → 0, replaces bucket 2
        Assert.That(v.Vpin, Is.EqualTo(0).Within(1e-12));
        v.AddTrade(100, TradeAggressor.Sell);
        Assert.That(v.SignedImbalance, Is.EqualTo(-0.5).Within(1e-12), "(0 − 100)/200");
    }

    [Test]
    public void BulkClassificationBuysThePhiFractionOfTheBar()
    {
        var v = new VolumeBucketImbalance(100, 2);
        v.AddBulk(100, priceChange: 0.03, priceChangeStandardDeviation: 0.03);
        // Φ(1) = 0.8413447460685429: 84.13 buy, 15.87 sell
        Assert.That(v.Vpin, Is.EqualTo((2 * 0.8413447460685429) - 1).Within(1e-12));
        v.AddBulk(100, 0.01, 0);
        v.AddBulk(-5, 0.01, 0.02);
        Assert.That(v.CompleteBuckets, Is.EqualTo(1), "a bar without σ, or with a negative volume, is ignored");
    }

    [Test]
    public void VolumeBucketsRejectBadParameters()
    {
        Assert.Throws<MarketMakingException>(() => new VolumeBucketImbalance(0, 50));
        Assert.Throws<MarketMakingException>(() => new VolumeBucketImbalance(100, 0));
    }

    [Test]
    public void SignPersistenceOfAHandSequence()
    {
        var p = new TradeSignPersistence(halfLifeTrades: 1);   // weights halve per pair
        p.Add(TradeAggressor.Buy);
        Assert.That(p.Persistence, Is.EqualTo(0), "no pair yet");
        p.Add(TradeAggressor.Buy);                              // +1: 1/1
        Assert.That(p.Persistence, Is.EqualTo(1).Within(1e-12));
        p.Add(TradeAggressor.Sell);                             // −1: (0.5 − 1)/1.5
        Assert.That(p.Persistence, Is.EqualTo(-1.0 / 3).Within(1e-12));
        p.Add(TradeAggressor.Unknown);                          // skipped
        p.Add(TradeAggressor.Sell);                             // +1: (−0.25 + 1)/1.75
        Assert.That(p.Persistence, Is.EqualTo(3.0 / 7).Within(1e-12));
        Assert.That(p.Pairs, Is.EqualTo(3));
    }

    [Test]
    public void AlternatingSignsAreAntiPersistentAndOneSidedFlowFullyPersistent()
    {
        var alternating = new TradeSignPersistence(10);
        var oneSided = new TradeSignPersistence(10);
        for (var i = 0; i < 50; i++)
        {
            alternating.Add(i % 2 == 0 ? TradeAggressor.Buy : TradeAggressor.Sell);
            oneSided.Add(TradeAggressor.Sell);
        }

        Assert.That(alternating.Persistence, Is.EqualTo(-1).Within(1e-12));
        Assert.That(oneSided.Persistence, Is.EqualTo(1).Within(1e-12));
    }

    [Test]
    public void HawkesImbalanceAndExcitedFractionAfterOneBuy()
    {
        var parameters = new HawkesParameters(new[] { 0.5, 0.5 }, new[,] { { 0.4, 0.0 }, { 0.0, 0.4 } }, beta: 2);
        var h = new HawkesFlowImbalance(parameters);
        Assert.That(h.Imbalance(0.5), Is.EqualTo(0).Within(1e-15));
        Assert.That(h.ExcitedFraction(0.5), Is.EqualTo(0).Within(1e-15), "baseline only");
        h.OnTrade(TradeAggressor.Buy, 1.0);
        h.OnTrade(TradeAggressor.Unknown, 1.0);
        // λᴮ(1+) = 0.5 + 0.4·2 = 1.3, λˢ = 0.5
        Assert.That(h.Imbalance(1.0), Is.EqualTo(0.8 / 1.8).Within(1e-12));
        Assert.That(h.ExcitedFraction(1.0), Is.EqualTo(1 - (1 / 1.8)).Within(1e-12));
        // half-life ln2/β later the excitation has halved: λᴮ = 0.9
        var later = 1.0 + (Math.Log(2) / 2);
        Assert.That(h.Imbalance(later), Is.EqualTo(0.4 / 1.4).Within(1e-12));
        Assert.That(h.ExcitedFraction(later), Is.EqualTo(1 - (1 / 1.4)).Within(1e-12));
        Assert.That(h.BranchingRatio, Is.EqualTo(0.4).Within(1e-12));
        Assert.Throws<MarketMakingException>(() => new HawkesFlowImbalance(HawkesParameters.Univariate(1, 0.5, 1)));
    }

    [Test]
    public void WeightedScoreOfHandReadings()
    {
        var reading = new FlowToxicityReading(Vpin: 0.6, SignedVolumeImbalance: 0.3, HawkesImbalance: -0.2, ExcitedFraction: 0.3, SignPersistence: -0.5);
        Assert.That(new WeightedFlowToxicityScore().Score(reading), Is.EqualTo((0.6 + 0.2 + 0.3 + 0) / 4).Within(1e-12), "negative persistence counts 0");
        Assert.That(new WeightedFlowToxicityScore(2, 0, 0, 1).Score(reading with { SignPersistence = 0.4 }), Is.EqualTo((1.2 + 0.4) / 3).Within(1e-12));
        Assert.That(reading.InformedSide, Is.EqualTo(-1), "the Hawkes imbalance decides");
        Assert.That((reading with { HawkesImbalance = 0 }).InformedSide, Is.EqualTo(1), "the buckets break a tie");
        Assert.Throws<MarketMakingException>(() => new WeightedFlowToxicityScore(0, 0, 0, 0));
        Assert.Throws<MarketMakingException>(() => new WeightedFlowToxicityScore(-1, 1, 1, 1));
    }

    [Test]
    public void EstimatorCombinesItsComponentsAndIgnoresOutOfOrderTrades()
    {
        var parameters = new HawkesParameters(new[] { 0.5, 0.5 }, new[,] { { 0.4, 0.0 }, { 0.0, 0.4 } }, beta: 2);
        var e = new FlowToxicityEstimator(new VolumeBucketImbalance(100, 2), parameters, new TradeSignPersistence(1));
        e.OnTrade(1.0, 100, TradeAggressor.Buy);
        e.OnTrade(1.0, 100, TradeAggressor.Buy);
        e.OnTrade(0.5, 100, TradeAggressor.Sell);   // out of order: ignored by every component
        var r = e.Read(1.0);
        // VPIN 1, Hawkes: λᴮ = 0.5 + 2·0.8 = 2.1 → I = 1.6/2.6, E = 1 − 1/2.6; persistence 1
        Assert.That(r.Vpin, Is.EqualTo(1).Within(1e-12));
        Assert.That(r.HawkesImbalance, Is.EqualTo(1.6 / 2.6).Within(1e-12));
        Assert.That(r.ExcitedFraction, Is.EqualTo(1 - (1 / 2.6)).Within(1e-12));
        Assert.That(r.SignPersistence, Is.EqualTo(1).Within(1e-12));
        Assert.That(e.Score(r), Is.EqualTo((1 + (1.6 / 2.6) + (1 - (1 / 2.6)) + 1) / 4).Within(1e-12));
        Assert.That(r.InformedSide, Is.EqualTo(1));
        e.Reset(5.0);
        var fresh = e.Read(5.0);
        Assert.That(e.Score(fresh), Is.EqualTo(0).Within(1e-12));
    }
}
