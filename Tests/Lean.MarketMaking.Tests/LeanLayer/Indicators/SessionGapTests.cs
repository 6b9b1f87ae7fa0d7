using System;
using System.Collections.Generic;
using System.Linq;
using Lean.MarketMaking.Indicators;
using Lean.MarketMaking.Models.Estimation.Hawkes;
using Lean.MarketMaking.Models.Estimation.Intensity;
using Lean.MarketMaking.Models.Estimation.Jumps;
using Lean.MarketMaking.Models.Estimation.Volatility;
using NUnit.Framework;
using QuantConnect.Data.Market;
using QuantConnect.Indicators;

namespace Lean.MarketMaking.Tests.LeanLayer.Indicators;

/// <summary>
/// Market closes in every indicator: with an <see cref="OpenMarketClock"/> the return across a close is dropped and
/// closed time is not counted; each test also shows what the indicator without the clock (the code before the clock)
/// does on the same data.
/// </summary>
[TestFixture]
public class SessionGapTests
{
    // Monday 7 October 2013 (the IBM sample week); the forex week starts on Sunday the 6th
    private static readonly DateTime Monday = new(2013, 10, 7);

    [TestCase(0)]
    [TestCase(1)]
    public void VolatilityJustAfterTheOpenIsTheVolatilityAtTheClose(int samplingSeconds)
    {
        // 1 s prices of a GBM with σ = 1e-4 per √s, Monday 14:00–16:00 and Tuesday 09:30–11:30, a 2 % overnight gap;
        // window 600 returns (the GLFT example's).
        const double sigma = 1e-4;
        var prices = Series(sigma, 1, 0.02, 3, (Monday.AddHours(14), Monday.AddHours(16)), (Monday.AddDays(1).AddHours(9.5), Monday.AddDays(1).AddHours(11.5)));
        var sampling = TimeSpan.FromSeconds(samplingSeconds);
        var sessions = new RealizedVolatilityIndicator("rv", 600, true, sampling) { Clock = TestMarketHours.Equity(Monday, 5) };
        var calendar = new RealizedVolatilityIndicator("rv", 600, true, sampling);
        var atClose = 0.0;
        foreach (var p in prices)
        {
            sessions.Update(p);
            calendar.Update(p);
            if (p.EndTime == Monday.AddHours(16))
            {
                atClose = sessions.VolatilityPerSqrtSecond;
            }
            else if (p.EndTime == Monday.AddDays(1).AddHours(9.5))
            {
                Assert.That(sessions.VolatilityPerSqrtSecond, Is.EqualTo(atClose), "the overnight return is dropped and the night's seconds are not counted");
            }
            else if (p.EndTime == Monday.AddDays(1).AddHours(9.5).AddMinutes(5))
            {
                // 300 returns of each session: within 25 % of the truth (the standard error is about 4 %)
                Assert.That(sessions.VolatilityPerSqrtSecond, Is.EqualTo(sigma).Within(25).Percent);
                Assert.That(calendar.VolatilityPerSqrtSecond, Is.LessThan(0.3 * sigma), "without the clock the night's 63,000 s dilute the window's 600");
            }
        }

        Assert.That(atClose, Is.EqualTo(sigma).Within(25).Percent);
        Assert.That(sessions.SkippedCount, Is.Zero);
    }

    [Test]
    public void TheWeekendReturnDoesNotEnterTheEwma()
    {
        // The AS example's sampler: one mid a minute into an EWMA (half-life one hour), on a forex week (Friday 17:00 to
        // Sunday 17:00 closed), σ = 1e-5 per √s (EURUSD's 5 % a year), a 1 % weekend gap.
        const double sigma = 1e-5;
        var friday = Monday.AddDays(4);
        var sunday = friday.AddDays(2);
        var prices = Series(sigma, 60, 0.01, 5, (friday.AddHours(12), friday.AddHours(17)), (sunday.AddHours(17), sunday.AddHours(21)));
        var timeline = new OpenMarketTimeline(TestMarketHours.Forex(Monday.AddDays(-1), 2));
        var sessions = new EwmaVarianceEstimator(3600);
        var calendar = new EwmaVarianceEstimator(3600);
        var atClose = 0.0;
        foreach (var p in prices)
        {
            if (timeline.Advance(p.EndTime))
            {
                sessions.Interrupt();
            }

            sessions.Update(timeline.Seconds, (double)p.Value);
            calendar.Update(p.EndTime.Ticks / (double)TimeSpan.TicksPerSecond, (double)p.Value);
            if (p.EndTime == friday.AddHours(17))
            {
                atClose = sessions.VariancePerSecond;
            }
            else if (p.EndTime == sunday.AddHours(17))
            {
                Assert.That(sessions.VariancePerSecond, Is.EqualTo(atClose).Within(1e-12).Percent, "the weekend neither adds a return nor ages the weights");
            }
            else if (p.EndTime >= sunday.AddHours(18) && p.EndTime.Minute == 0)
            {
                Assert.That(Math.Sqrt(sessions.VariancePerSecond), Is.EqualTo(sigma).Within(25).Percent, p.EndTime.ToString("ddd HH:mm"));
                Assert.That(Math.Sqrt(calendar.VariancePerSecond), Is.GreaterThan(1.5 * sigma), "without the clock the weekend return dominates");
            }
        }
    }

    [Test]
    public void TheOvernightReturnIsNotAJumpCandidate()
    {
        // one-minute closes, σ = 1e-4 per √s (7.7e-4 a minute), a 3 % overnight gap (39 σ)
        var prices = Series(1e-4, 60, 0.03, 7, (Monday.AddHours(13), Monday.AddHours(16)), (Monday.AddDays(1).AddHours(9.5), Monday.AddDays(1).AddHours(12)));
        var parameters = new LeeMyklandParameters(60, 0.01);
        var sessions = new JumpIndicator("jumps", parameters, 390) { Clock = TestMarketHours.Equity(Monday, 5) };
        var calendar = new JumpIndicator("jumps", parameters, 390);
        var open = Monday.AddDays(1).AddHours(9.5);
        foreach (var p in prices)
        {
            var jumps = sessions.JumpCount;
            var tested = sessions.TestedSeconds;
            sessions.Update(p);
            calendar.Update(p);
            if (p.EndTime == open)
            {
                Assert.That(sessions.IsTested, Is.False);
                Assert.That(sessions.JumpCount, Is.EqualTo(jumps));
                Assert.That(sessions.TestedSeconds, Is.EqualTo(tested), "the night is not searched time");
                Assert.That(calendar.IsJump, Is.True, "without the clock the gap is a jump");
            }
            else if (p.EndTime == open.AddMinutes(1))
            {
                Assert.That(sessions.IsTested, Is.True, "the window is kept across the close");
                Assert.That(sessions.TestedSeconds - tested, Is.EqualTo(60));
            }
        }

        Assert.That(sessions.JumpCount, Is.Zero);
    }

    [Test]
    public void TheOvernightReturnIsNotFedToTheRegimeFilter()
    {
        // one-minute returns of the calm state (5e-5 a return), a 1 % overnight gap
        var prices = Series(5e-5 / Math.Sqrt(60), 60, 0.01, 11, (Monday.AddHours(15), Monday.AddHours(16)), (Monday.AddDays(1).AddHours(9.5), Monday.AddDays(1).AddHours(10)));
        var sessions = new RegimeIndicator("regime", IndicatorContractTests.TwoRegimes()) { Clock = TestMarketHours.Equity(Monday, 5) };
        var calendar = new RegimeIndicator("regime", IndicatorContractTests.TwoRegimes());
        double[] atClose = [];
        foreach (var p in prices)
        {
            sessions.Update(p);
            calendar.Update(p);
            if (p.EndTime == Monday.AddHours(16))
            {
                atClose = sessions.Probabilities.ToArray();
                Assert.That(calendar.MostVolatileProbability, Is.LessThan(0.5));
            }
            else if (p.EndTime == Monday.AddDays(1).AddHours(9.5))
            {
                Assert.That(sessions.Probabilities.ToArray(), Is.EqualTo(atClose));
                Assert.That(sessions.Returns, Is.EqualTo(60));
                Assert.That(calendar.MostVolatileProbability, Is.GreaterThan(0.99), "without the clock the gap reads as the volatile regime");
            }
        }
    }

    [Test]
    public void TheOvernightReturnIsInNoRoughnessBucket()
    {
        // With the clock, a 2 % gap at each open must give the estimates of the same path without the gap (its overnight
        // return is then 0, which adds nothing to a bucket). Five-minute buckets in calendar time.
        var days = new[] { 0, 1, 2 }.Select(d => (Monday.AddDays(d).AddHours(9.5), Monday.AddDays(d).AddHours(16))).ToArray();
        var gapped = Series(1e-4, 1, 0.02, 13, days);
        var flat = Series(1e-4, 1, 0, 13, days);
        var sessions = new RoughnessIndicator("rough", TimeSpan.FromMinutes(5), 40, 4) { Clock = TestMarketHours.Equity(Monday, 5) };
        var reference = new RoughnessIndicator("rough", TimeSpan.FromMinutes(5), 40, 4);
        var calendar = new RoughnessIndicator("rough", TimeSpan.FromMinutes(5), 40, 4);
        var largestDifference = 0.0;
        for (var i = 0; i < gapped.Count; i++)
        {
            sessions.Update(gapped[i]);
            reference.Update(flat[i]);
            calendar.Update(gapped[i]);
            Assert.That(sessions.Hurst, Is.EqualTo(reference.Hurst).Within(1e-9));
            largestDifference = Math.Max(largestDifference, Math.Abs(calendar.Hurst - reference.Hurst));
        }

        Assert.That(sessions.IsReady, Is.True);
        Assert.That(largestDifference, Is.GreaterThan(1e-3), "without the clock the gap's bucket changes H");
    }

    [Test]
    public void HawkesExcitationNeitherDecaysNorAccruesOverTheClose()
    {
        var parameters = IndicatorContractTests.Hawkes();
        var close = Monday.AddHours(16);
        var open = Monday.AddDays(1).AddHours(9.5);
        var ticks = new[]
        {
            new Tick(close.AddSeconds(-1), IndicatorInputs.Symbol, 100, 99.99m, 100, 100.01m),
            new Tick(close.AddSeconds(-0.5), IndicatorInputs.Symbol, "", "", 10, 100.01m),
            new Tick(open.AddSeconds(0.2), IndicatorInputs.Symbol, 100, 101.99m, 100, 102.01m),
        };
        var sessions = new HawkesIntensityIndicator("hawkes", parameters, 1) { Clock = TestMarketHours.Equity(Monday, 5) };
        var calendar = new HawkesIntensityIndicator("hawkes", parameters, 1);
        foreach (var t in ticks)
        {
            sessions.Update(t);
            calendar.Update(t);
        }

        // open-market time from the trade to the quote: 0.5 s before the close and 0.2 s after the open
        var tracker = new HawkesIntensityTracker(parameters);
        tracker.OnEvent(HawkesIntensityIndicator.BuyNode, 0.5);
        Assert.That(sessions.BuyIntensity, Is.EqualTo(tracker.Intensity(HawkesIntensityIndicator.BuyNode, 1.2)).Within(1e-12));
        Assert.That(sessions.BuyIntensity, Is.GreaterThan(parameters.Mu[0] + 0.1));
        Assert.That(calendar.BuyIntensity, Is.EqualTo(parameters.Mu[0]).Within(1e-12), "without the clock the night decays it all");
    }

    [Test]
    public void ATradeAtTheOpenIsNotMergedWithOneAtTheClose()
    {
        // A buy at the close and one at the open are zero open-market seconds apart, yet two market orders.
        var close = Monday.AddHours(16);
        var open = Monday.AddDays(1).AddHours(9.5);
        var indicator = new HawkesIntensityIndicator("hawkes", IndicatorContractTests.Hawkes(), 1) { Clock = TestMarketHours.Equity(Monday, 5) };
        indicator.Update(new Tick(close, IndicatorInputs.Symbol, 100, 99.99m, 100, 100.01m));
        indicator.Update(new Tick(close, IndicatorInputs.Symbol, "", "", 10, 100.01m));
        indicator.Update(new Tick(open, IndicatorInputs.Symbol, 100, 99.99m, 100, 100.01m));
        indicator.Update(new Tick(open, IndicatorInputs.Symbol, "", "", 10, 100.01m));
        Assert.That(indicator.BuyTrades, Is.EqualTo(2));
        Assert.That(indicator.MergedTrades, Is.Zero);
    }

    [Test]
    public void ClosedTimeIsNotTradingIntensityExposure()
    {
        // A forex evening with OANDA's 16:58–17:03 break, shorter than the estimator's 600 s session gap: one step of
        // quotes (and trades) a second, 16:00–16:58 and 17:03–18:00; refits every second so the last fit covers all data.
        var steps = new List<DateTime>();
        for (var t = Monday.AddHours(16); t < Monday.AddHours(18); t = t.AddSeconds(1))
        {
            if (t < Monday.AddHours(16).AddMinutes(58) || t >= Monday.AddHours(17).AddMinutes(3))
            {
                steps.Add(t);
            }
        }

        var ticks = IndicatorInputs.Ticks(steps.Count, seed: 3);
        var start = ticks[0].EndTime;
        var options = new TradingIntensityOptions(1, 0.01, 6);
        var sessions = new TradingIntensityIndicator("intensity", options, TimeSpan.FromSeconds(1)) { Clock = TestMarketHours.Forex(Monday.AddDays(-1), 1) };
        var calendar = new TradingIntensityIndicator("intensity", options, TimeSpan.FromSeconds(1));
        foreach (var tick in ticks)
        {
            var step = (int)((tick.EndTime - start).Ticks / (TimeSpan.TicksPerMillisecond * 100));
            var retimed = (Tick)IndicatorInputs.Retime(tick, steps[step]);
            sessions.Update(retimed);
            calendar.Update(retimed);
        }

        Assert.That(sessions.SkippedCount, Is.Zero);
        // the break's 300 s: counted as empty intervals without the clock, not with it (±1 for the interval in progress)
        Assert.That(calendar.Estimate!.ElapsedSeconds - sessions.Estimate!.ElapsedSeconds, Is.InRange(299, 301));
        Assert.That(sessions.Estimate.ElapsedSeconds, Is.InRange(steps.Count - 3, steps.Count + 1));
    }

    /// <summary>
    /// Prices of a geometric Brownian motion with volatility <paramref name="sigma"/> per √second every
    /// <paramref name="stepSeconds"/> from each segment's start to its end (inclusive); the first price of each later
    /// segment is the previous segment's last price times e^<paramref name="gap"/>.
    /// </summary>
    private static List<IndicatorDataPoint> Series(double sigma, double stepSeconds, double gap, int seed, params (DateTime Start, DateTime End)[] segments)
    {
        var random = new Random(seed);
        var points = new List<IndicatorDataPoint>();
        var logPrice = Math.Log(100);
        for (var s = 0; s < segments.Length; s++)
        {
            var (start, end) = segments[s];
            for (var t = start; t <= end; t = t.AddSeconds(stepSeconds))
            {
                logPrice += t == start ? (s == 0 ? 0 : gap) : sigma * Math.Sqrt(stepSeconds) * IndicatorInputs.Normal(random);
                points.Add(new IndicatorDataPoint(IndicatorInputs.Symbol, t, (decimal)Math.Exp(logPrice)));
            }
        }

        return points;
    }
}
