using System;
using FsCheck;
using FsCheck.Fluent;
using Lean.MarketMaking.Models.Estimation.Jumps;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Estimation.Jumps;

[TestFixture]
public class JumpPropertyTests
{
    [Test]
    public void TestsAreInvariantToTimeShiftsAndPriceScaling()
    {
        // Both statistics are functions of log-returns only; relative 1e-9 absorbs the rounding of ln(c·P). The BNS z is
        // (1 − BV/RV)/sd with sd ≈ 0.05 here, so rounding of BV/RV at 1e-12 moves it by far less than the absolute 1e-9.
        Prop.ForAll(TickGen.Cases(30, 300), c =>
        {
            var ticks = TickGen.Series(c.Seed, c.Count);
            var moved = TickGen.Transform(ticks, c.Shift, c.Scale);
            var parameters = new LeeMyklandParameters(10, 0.05);
            var a = LeeMyklandTest.Run(ticks, parameters);
            var b = LeeMyklandTest.Run(moved, parameters);
            for (var i = 0; i < a.Statistics.Count; i++)
            {
                // ln(cPᵢ) − ln(cPᵢ₋₁) is exact to ~1e-15 absolute, so a near-zero return changes L by ~1e-12 absolute.
                if (Math.Abs(a.Statistics[i] - b.Statistics[i]) > 1e-9 * Math.Max(1, Math.Abs(a.Statistics[i])))
                {
                    return false;
                }
            }

            return a.Jumps.Count == b.Jumps.Count
                && Math.Abs(BnsJumpTest.Run(ticks, 0.05).Statistic - BnsJumpTest.Run(moved, 0.05).Statistic) < 1e-9;
        }).QuickCheckThrowOnFailure();
    }

    [Test]
    public void OnlineAndBatchAgreeAfterAVolatileStretch()
    {
        // FsCheck case (seed 686334, K = 3, 280 more ticks, n = 685) that a prefix-sum batch got wrong at relative
        // 1.3e-9: a tiny local variance (L ≈ 572) as the difference of two large prefix sums; both now slide one window
        var ticks = TickGen.Series(686334, 3 + 280);
        var parameters = new LeeMyklandParameters(3, 0.05);
        var batch = LeeMyklandTest.Run(ticks, parameters, 685);
        var online = new LeeMyklandDetector(parameters, 685);
        var tested = 0;
        foreach (var tick in ticks)
        {
            var update = online.Update(tick.TimeSeconds, tick.Price);
            if (update.IsTested)
            {
                Assert.That(update.Statistic, Is.EqualTo(batch.Statistics[tested++]), $"return {tested}");
            }
        }

        Assert.That(tested, Is.EqualTo(batch.Statistics.Count));
    }

    [Test]
    public void OnlineDetectorEqualsBatch()
    {
        var cases = (from seed in Gen.Choose(0, 1_000_000)
                     from window in Gen.Choose(3, 40)
                     from extra in Gen.Choose(1, 300)
                     from n in Gen.Choose(2, 1000)
                     select (seed, window, extra, n)).ToArbitrary();
        Prop.ForAll(cases, c =>
        {
            var ticks = TickGen.Series(c.seed, c.window + c.extra);
            var parameters = new LeeMyklandParameters(c.window, 0.05);
            var batch = LeeMyklandTest.Run(ticks, parameters, c.n);
            var online = new LeeMyklandDetector(parameters, c.n);
            var tested = 0;
            var jumps = 0;
            for (var i = 0; i < ticks.Length; i++)
            {
                var u = online.Update(ticks[i].TimeSeconds, ticks[i].Price);
                if (!u.IsTested)
                {
                    continue;
                }

                if (!TickGen.Close(u.Statistic, batch.Statistics[tested++]))
                {
                    return false;
                }

                jumps += u.IsJump ? 1 : 0;
            }

            return tested == batch.Statistics.Count && jumps == batch.Jumps.Count;
        }).QuickCheckThrowOnFailure();
    }
}
