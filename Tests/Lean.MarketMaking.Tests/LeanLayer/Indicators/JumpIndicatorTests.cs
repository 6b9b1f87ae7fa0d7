using System;
using System.Collections.Generic;
using System.Linq;
using Lean.MarketMaking.Indicators;
using Lean.MarketMaking.Models.Estimation.Jumps;
using NUnit.Framework;
using QuantConnect.Indicators;

namespace Lean.MarketMaking.Tests.LeanLayer.Indicators;

[TestFixture]
public class JumpIndicatorTests
{
    private static readonly LeeMyklandParameters Parameters = new(40, 0.01);

    [Test]
    public void EqualsTheDetectorAndSummarisesItsJumps()
    {
        var prices = IndicatorInputs.Prices(20_000, jumpSize: 0.004, jumpSteps: [3_000, 7_000, 11_000, 15_000, 19_000]);
        var indicator = new JumpIndicator("jump", Parameters, 390, jumpMemory: 100);
        var detector = new LeeMyklandDetector(Parameters, 390);
        var jumps = new List<DetectedJump>();
        double tested = 0, last = 0;
        for (var i = 0; i < prices.Length; i++)
        {
            indicator.Update(prices[i]);
            var t = IndicatorInputs.Seconds(prices[i].Time, prices[0].Time);
            var u = detector.Update(t, (double)prices[i].Value);
            Assert.That((indicator.IsTested, indicator.IsJump, indicator.Statistic), Is.EqualTo((u.IsTested, u.IsJump, u.Statistic)));
            Assert.That(indicator.Current.Value, Is.EqualTo((decimal)u.Statistic));
            tested += u.IsTested ? t - last : 0;
            last = t;
            if (u.IsJump)
            {
                jumps.Add(new DetectedJump(i - 1, t, u.LogReturn, u.PriceChange, u.Statistic));
                Assert.That(indicator.LastJump, Is.EqualTo(jumps[^1]));
                Assert.That(indicator.LastJumpTime, Is.EqualTo(prices[i].Time));
            }
        }

        // The five ±0.4 % jumps are 40 per-second standard deviations: all found.
        Assert.That(jumps.Select(j => j.ReturnIndex), Is.SupersetOf(new[] { 2_999, 6_999, 10_999, 14_999, 18_999 }));
        Assert.That(indicator.JumpCount, Is.EqualTo(jumps.Count));
        Assert.That(indicator.TestedSeconds, Is.EqualTo(tested).Within(1e-6));
        Assert.That(indicator.Summary, Is.EqualTo(JumpSummary.From(jumps, tested)));
    }

    [Test]
    public void SummaryCoversTheLatestJumpsOnly()
    {
        var prices = IndicatorInputs.Prices(10_000, jumpSize: 0.004, jumpSteps: [2_000, 4_000, 6_000, 8_000]);
        var indicator = new JumpIndicator("jump", Parameters, 390, jumpMemory: 2);
        var testedAtJump = new List<double>();
        foreach (var p in prices)
        {
            indicator.Update(p);
            if (indicator.IsJump)
            {
                testedAtJump.Add(indicator.TestedSeconds);
            }
        }

        Assert.That(indicator.JumpCount, Is.EqualTo(testedAtJump.Count).And.GreaterThanOrEqualTo(4));
        var summary = indicator.Summary!;
        Assert.That(summary.Up.Count + summary.Down.Count, Is.EqualTo(2));
        // The window starts at the third-latest jump, the last one forgotten.
        Assert.That(summary.ObservedSeconds, Is.EqualTo(indicator.TestedSeconds - testedAtJump[^3]).Within(1e-9));
    }

    [Test]
    public void AFlatMarketIsNotTestedAndNeverThrows()
    {
        var indicator = new JumpIndicator("jump", Parameters, 390);
        Assert.That(indicator.WarmUpPeriod, Is.EqualTo(41));
        var moving = IndicatorInputs.Prices(200);
        var t = IndicatorInputs.Start;
        foreach (var p in moving.Take(41))
        {
            indicator.Update(p);
        }

        Assert.That(indicator.IsReady, Is.True);
        Assert.That(indicator.IsTested, Is.True);

        // 60 unchanged prices: the window's local volatility becomes zero; those returns are not tested and the window restarts.
        var flatStart = moving[40].Time;
        for (var i = 1; i <= 60; i++)
        {
            Assert.That(() => indicator.Update(new IndicatorDataPoint(IndicatorInputs.Symbol, flatStart.AddSeconds(i), moving[40].Value)), Throws.Nothing);
        }

        Assert.That(indicator.IsTested, Is.False);
        Assert.That(indicator.IsReady, Is.False);
        Assert.That(indicator.SkippedCount, Is.Zero);

        // Moving again: tested once K + 1 = 41 new inputs fill the window.
        var again = IndicatorInputs.Prices(100, seed: 9);
        for (var i = 0; i < again.Length; i++)
        {
            indicator.Update(new IndicatorDataPoint(IndicatorInputs.Symbol, flatStart.AddSeconds(61 + i), again[i].Value));
            if (indicator.IsTested)
            {
                break;
            }
        }

        Assert.That(indicator.IsReady, Is.True);
        Assert.That(indicator.IsTested, Is.True);
    }

    /// <summary>
    /// EURUSD quote mids of 2014-05-01 (sample data, 00:00–13:02 UTC, a European holiday) sampled each minute (the last mid
    /// of each minute, as a one-minute consolidator would give), K = √(252·1,440) and α = 1 % per day (n = 1,440). The
    /// 12:30 UTC minute (8:30 New York, when the US jobless claims and personal income/spending figures were released) is
    /// a +3.9 pip move, 11 local standard deviations: it must be flagged; the quiet holiday morning makes the local
    /// volatility small, so a few more 2.5–4 pip moves around the US open are flagged too, but jumps stay a small fraction
    /// (under 2 %) of the ~700 tested minutes.
    /// </summary>
    [Test]
    public void EurUsdMinuteMidsFlagTheUsDataRelease()
    {
        var indicator = new JumpIndicator("jump", new LeeMyklandParameters(LeeMyklandParameters.RecommendedWindow(252 * 1_440), 0.01), 1_440);
        var flagged = new List<DateTime>();
        foreach (var minute in SampleTicks.EurUsd20140501().GroupBy(t => t.Time.Ticks / TimeSpan.TicksPerMinute))
        {
            var last = minute.Last();
            indicator.Update(new IndicatorDataPoint(last.Symbol, last.Time, last.Value));
            if (indicator.IsJump)
            {
                flagged.Add(last.Time);
            }
        }

        Assert.That(indicator.IsReady, Is.True);
        Assert.That(flagged.Select(t => (t.Hour, t.Minute)), Does.Contain((12, 30)));
        Assert.That(indicator.LastJump!.Value.Statistic, Is.Not.Zero);
        Assert.That(indicator.JumpCount, Is.LessThan(0.02 * indicator.TestedSeconds / 60));
        Assert.That(indicator.TestedSeconds, Is.GreaterThan(10 * 3600));
    }
}
