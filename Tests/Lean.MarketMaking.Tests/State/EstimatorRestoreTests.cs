using System;
using System.Collections.Immutable;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Hawkes;
using Lean.MarketMaking.Models.Estimation.Intensity;
using Lean.MarketMaking.Models.Estimation.Jumps;
using Lean.MarketMaking.Models.Estimation.OrderFlow;
using Lean.MarketMaking.Models.Estimation.Volatility;
using Lean.MarketMaking.Models.State;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.State;

/// <summary>
/// Issue 11 §2: each online estimator's running sums go through the restart state (snapshot → bytes → snapshot) and
/// a fresh estimator restored from them gives bit-identical outputs to the original over the following observations.
/// </summary>
[TestFixture]
public class EstimatorRestoreTests
{
    private static readonly DateTime Saved = new(2026, 12, 3, 20, 0, 0, DateTimeKind.Utc);

    /// <summary>The asset's estimator states after a save to bytes and a restore.</summary>
    private static AssetEstimatorStates ThroughBytes(AssetEstimatorStates states)
    {
        var snapshot = new MarketMakingStateSnapshot(1, Saved, MarketMakingState.Flat(1), estimators: ImmutableArray.Create<AssetEstimatorStates?>(states));
        var restored = MarketMakingStateSerializer.Restore(MarketMakingStateSerializer.Serialize(snapshot));
        Assert.That(restored.Message, Does.StartWith("restored"));
        return restored.Snapshot!.Estimators[0]!;
    }

    private static double Price(Random random, ref double price) => price *= Math.Exp(0.001 * ((random.NextDouble() * 2) - 1));

    [Test]
    public void ARestoredEwmaVarianceContinuesBitForBit()
    {
        var random = new Random(5);
        var original = new EwmaVarianceEstimator(600);
        var price = 100.0;
        var t = 0.0;
        for (var i = 0; i < 200; i++)
        {
            original.Update(t += random.NextDouble() * 10, Price(random, ref price));
            if (i == 120)
            {
                original.Interrupt();
            }
        }

        var restored = new EwmaVarianceEstimator(600);
        restored.Restore(ThroughBytes(new AssetEstimatorStates(Volatility: original.Save())).Volatility!);
        Assert.That(restored.Count, Is.EqualTo(original.Count));
        for (var i = 0; i < 100; i++)
        {
            var time = t += random.NextDouble() * 10;
            var p = Price(random, ref price);
            original.Update(time, p);
            restored.Update(time, p);
            Assert.That(BitConverter.DoubleToInt64Bits(restored.VariancePerSecond), Is.EqualTo(BitConverter.DoubleToInt64Bits(original.VariancePerSecond)), $"step {i}");
        }
    }

    [Test]
    public void ARestoredEwmaCovarianceContinuesBitForBitAndOtherSettingsAreRefused()
    {
        var random = new Random(6);
        var original = new EwmaCovarianceEstimator(2, 300);
        double a = 100, b = 50, t = 0;
        for (var i = 0; i < 100; i++)
        {
            original.Update(t += 1 + random.NextDouble(), stackalloc[] { Price(random, ref a), Price(random, ref b) });
        }

        var state = original.Save();
        var snapshot = new MarketMakingStateSnapshot(1, Saved, MarketMakingState.Flat(2), covariance: state);
        var restored = new EwmaCovarianceEstimator(2, 300);
        restored.Restore(MarketMakingStateSerializer.Restore(MarketMakingStateSerializer.Serialize(snapshot)).Snapshot!.Covariance!);
        for (var i = 0; i < 50; i++)
        {
            var time = t += 1 + random.NextDouble();
            Span<double> prices = stackalloc[] { Price(random, ref a), Price(random, ref b) };
            original.Update(time, prices);
            restored.Update(time, prices);
            Assert.That(restored.Covariance(0, 1), Is.EqualTo(original.Covariance(0, 1)).Within(0).Ulps);
            Assert.That(restored.Covariance(1, 1), Is.EqualTo(original.Covariance(1, 1)).Within(0).Ulps);
        }

        var other = new EwmaCovarianceEstimator(2, 301);
        Assert.That(() => other.Restore(state), Throws.TypeOf<MarketMakingException>().With.Message.Contains("half-life"));
        Assert.That(other.Count, Is.Zero, "nothing changed");
        Assert.That(() => new MarketMakingStateSnapshot(1, Saved, MarketMakingState.Flat(3), covariance: state), Throws.TypeOf<MarketMakingException>());
    }

    [Test]
    public void ARestoredTradingIntensityEstimatorGivesTheSameAAndK()
    {
        var options = new TradingIntensityOptions(1.0, 0.01, 10, halfLifeSeconds: 3600);
        var random = new Random(7);
        var original = new TradingIntensityEstimator(options);
        var time = new DateTime(2024, 1, 2, 10, 0, 0);
        var mid = 100.0;

        void Feed(TradingIntensityEstimator one, TradingIntensityEstimator? two, int events)
        {
            for (var i = 0; i < events; i++)
            {
                time = time.AddMilliseconds(50 + random.Next(400));
                if (random.NextDouble() < 0.5)
                {
                    mid += (random.Next(3) - 1) * 0.01;
                    one.OnMid(time, mid);
                    two?.OnMid(time, mid);
                }
                else
                {
                    var side = random.NextDouble() < 0.5 ? TradeAggressor.Buy : TradeAggressor.Sell;
                    var price = mid + ((side == TradeAggressor.Buy ? 1 : -1) * 0.01 * random.Next(1, 8));
                    one.OnTrade(time, price, side);
                    two?.OnTrade(time, price, side);
                }
            }
        }

        Feed(original, null, 3000);
        var restored = new TradingIntensityEstimator(options);
        restored.Restore(ThroughBytes(new AssetEstimatorStates(Intensity: original.Save())).Intensity!);
        Feed(original, restored, 1000);
        var expected = original.Estimate();
        var actual = restored.Estimate();
        Assert.That(actual.Bid.A, Is.EqualTo(expected.Bid.A).Within(0).Ulps);
        Assert.That(actual.Bid.K, Is.EqualTo(expected.Bid.K).Within(0).Ulps);
        Assert.That(actual.Ask.A, Is.EqualTo(expected.Ask.A).Within(0).Ulps);
        Assert.That(actual.Ask.K, Is.EqualTo(expected.Ask.K).Within(0).Ulps);
        Assert.That(() => new TradingIntensityEstimator(new TradingIntensityOptions(1.0, 0.01, 9)).Restore(original.Save()),
            Throws.TypeOf<MarketMakingException>().With.Message.Contains("depth levels"));
    }

    [Test]
    public void AFreshTradingIntensityEstimatorRoundTripsItsNoMidAndNoTradeMarkers()
    {
        var state = ThroughBytes(new AssetEstimatorStates(Intensity: new TradingIntensityEstimator(new TradingIntensityOptions(1.0, 0.01, 5)).Save())).Intensity!;
        Assert.That(double.IsNaN(state.Mid) && double.IsNaN(state.PriorMid), Is.True);
        Assert.That(double.IsNegativeInfinity(state.DeepestBid) && double.IsNegativeInfinity(state.DeepestAsk), Is.True);
        Assert.That(state.IntervalStartTicks, Is.EqualTo(long.MinValue));
    }

    [Test]
    public void ARestoredLeeMyklandDetectorTestsTheNextReturnsIdentically()
    {
        var parameters = new LeeMyklandParameters(20, 0.01);
        var random = new Random(8);
        var original = new LeeMyklandDetector(parameters, 390);
        var price = 100.0;
        var t = 0.0;
        for (var i = 0; i < 57; i++)
        {
            original.Update(t += 60, Price(random, ref price));
        }

        var restored = new LeeMyklandDetector(parameters, 390);
        restored.Restore(ThroughBytes(new AssetEstimatorStates(Jumps: original.Save())).Jumps!);
        for (var i = 0; i < 60; i++)
        {
            var p = i == 30 ? price *= 1.02 : Price(random, ref price);
            var expected = original.Update(t += 60, p);
            var actual = restored.Update(t, p);
            Assert.That(actual, Is.EqualTo(expected), $"step {i}");
        }

        Assert.That(() => new LeeMyklandDetector(new LeeMyklandParameters(21, 0.01), 390).Restore(original.Save()),
            Throws.TypeOf<MarketMakingException>().With.Message.Contains("window"));
    }

    [Test]
    public void ARestoredHawkesTrackerGivesTheSameIntensities()
    {
        var parameters = new HawkesParameters(new[] { 0.5, 0.4 }, new[,] { { 0.3, 0.1 }, { 0.1, 0.3 } }, 2.0);
        var original = new HawkesIntensityTracker(parameters);
        var random = new Random(9);
        var t = 0.0;
        for (var i = 0; i < 100; i++)
        {
            original.OnEvent(random.Next(2), t += random.NextDouble());
        }

        var restored = new HawkesIntensityTracker(parameters);
        restored.Restore(ThroughBytes(new AssetEstimatorStates(OrderFlow: original.Save())).OrderFlow!);
        for (var i = 0; i < 50; i++)
        {
            var type = random.Next(2);
            t += random.NextDouble();
            Assert.That(restored.Intensity(type, t), Is.EqualTo(original.Intensity(type, t)).Within(0).Ulps);
            original.OnEvent(type, t);
            restored.OnEvent(type, t);
        }
    }
}
