using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Hawkes;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Estimation.Hawkes;

[TestFixture]
public class HawkesIntensityTrackerTests
{
    private static readonly HawkesParameters Truth = new(new[] { 0.4, 0.3 }, new[,] { { 0.4, 0.2 }, { 0.3, 0.3 } }, 1.5);

    [Test]
    public void EqualsTheBatchIntensitiesAndLikelihood()
    {
        var events = HawkesSimulator.Simulate(Truth, 200, seed: 4);
        var tracker = new HawkesIntensityTracker(Truth);
        var logSum = 0.0;
        var times = events.MergedTimes;
        for (var k = 0; k < times.Length; k++)
        {
            var type = events.MergedTypes[k];
            // Queried before the event is recorded: the left limit λᵢ(t−) of the definition.
            var online = tracker.Intensity(type, times[k]);
            Assert.That(online, Is.EqualTo(HawkesBruteForce.Intensity(Truth, events, type, times[k])).Within(1e-12 * online));
            Assert.That(tracker.Intensity(1 - type, times[k]), Is.EqualTo(HawkesBruteForce.Intensity(Truth, events, 1 - type, times[k])).Within(1e-12 * online));
            logSum += Math.Log(online);
            tracker.OnEvent(type, times[k]);
        }

        // Σ ln λ from the tracker plus the compensator reproduces the batch recursion's log-likelihood.
        var compensator = 0.0;
        for (var i = 0; i < 2; i++)
        {
            compensator += Truth.Mu[i] * events.Horizon;
            for (var j = 0; j < 2; j++)
            {
                foreach (var s in events.Times(j))
                {
                    compensator += Truth.Alpha(i, j) * (1 - Math.Exp(-Truth.Beta * (events.End - s)));
                }
            }
        }

        var batch = HawkesLikelihood.LogLikelihood(Truth, events);
        Assert.That(logSum - compensator, Is.EqualTo(batch).Within(1e-10 * Math.Abs(batch)));
    }

    [Test]
    public void IntensityDecaysToTheBaselineAndJumpsByAlphaBeta()
    {
        var tracker = new HawkesIntensityTracker(HawkesParameters.Univariate(0.5, 0.6, 2.0));
        tracker.OnEvent(0, 1.0);
        Assert.That(tracker.Intensity(0, 1.0), Is.EqualTo(0.5 + (0.6 * 2.0)).Within(1e-15));
        Assert.That(tracker.Intensity(0, 2.0), Is.EqualTo(0.5 + (0.6 * 2.0 * Math.Exp(-2.0))).Within(1e-15));
        Assert.That(tracker.Intensity(0, 1e6), Is.EqualTo(0.5));
    }

    [Test]
    public void OutOfOrderTimeThrowsAndLeavesStateUnchanged()
    {
        var tracker = new HawkesIntensityTracker(Truth);
        tracker.OnEvent(0, 5.0);
        var before = tracker.Intensity(1, 5.5);
        foreach (var bad in new[] { 4.0, double.NaN, double.PositiveInfinity })
        {
            var e = Assert.Throws<MarketMakingException>(() => tracker.OnEvent(1, bad))!;
            Assert.That(e.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));
            Assert.That(Assert.Throws<MarketMakingException>(() => tracker.Intensity(0, bad))!.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));
        }

        Assert.That(Assert.Throws<MarketMakingException>(() => tracker.OnEvent(2, 6.0))!.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidParameters));
        Assert.That(tracker.LastTime, Is.EqualTo(5.0));
        Assert.That(tracker.Intensity(1, 5.5), Is.EqualTo(before));
    }

    [Test]
    public void UpdatesAllocateNothing()
    {
        var tracker = new HawkesIntensityTracker(Truth);
        tracker.OnEvent(0, 0.0);
        _ = tracker.Intensity(1, 0.0);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0.0;
        for (var k = 1; k <= 10_000; k++)
        {
            tracker.OnEvent(k & 1, k * 0.01);
            sum += tracker.Intensity(k & 1, k * 0.01);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        Assert.That(double.IsFinite(sum), Is.True);
    }
}
