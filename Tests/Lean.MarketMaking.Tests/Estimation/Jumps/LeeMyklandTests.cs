using System;
using System.Linq;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation;
using Lean.MarketMaking.Models.Estimation.Jumps;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Estimation.Jumps;

[TestFixture]
public class LeeMyklandTests
{
    private const int PerDay = 390;                 // 1-minute returns over a 6.5-hour session
    private const double ReturnSd = 1e-3;           // per-minute log-return sd
    private const double VariancePerSecond = ReturnSd * ReturnSd / 60;

    [Test]
    public void GumbelCriticalValuesMatchThePublishedOnes()
    {
        // β* = −ln(−ln(1 − α)), the standard Gumbel (1 − α)-quantile of Lee & Mykland's rejection region: 4.6001 at 1%, 2.9702 at 5%.
        Assert.That(new LeeMyklandParameters(10, 0.01).GumbelCriticalValue, Is.EqualTo(4.6001).Within(5e-5));
        Assert.That(new LeeMyklandParameters(10, 0.05).GumbelCriticalValue, Is.EqualTo(2.9702).Within(5e-5));
        Assert.That(new LeeMyklandParameters(10, 0.10).GumbelCriticalValue, Is.EqualTo(2.2504).Within(5e-5));
    }

    [TestCase(78, 3.144142, 0.424586, 5.097301)]
    [TestCase(252, 3.629915, 0.376881, 5.363627)]
    [TestCase(390, 3.797652, 0.362826, 5.466704)]
    [TestCase(23_400, 5.139476, 0.279406, 6.424784)]
    public void NormingConstantsFollowThePaper(int n, double cn, double sn, double threshold1Percent)
    {
        // C_n = √(2 ln n)/c − (ln π + ln ln n)/(2c√(2 ln n)), S_n = 1/(c√(2 ln n)), c = √(2/π); values computed
        // independently (Python, double precision) from the paper's formulas, to 6 decimals.
        Assert.That(LeeMyklandParameters.Cn(n), Is.EqualTo(cn).Within(1e-6));
        Assert.That(LeeMyklandParameters.Sn(n), Is.EqualTo(sn).Within(1e-6));
        Assert.That(new LeeMyklandParameters(10, 0.01).Threshold(n), Is.EqualTo(threshold1Percent).Within(1e-6));
    }

    [Test]
    public void RecommendedWindowIsTheSquareRootOfObservationsPerYear()
    {
        // The paper's K for daily, hourly, 30-, 15- and 5-minute data on 252 days of 24 hours: 16, 78, 110, 156, 270.
        Assert.That(new[] { 252.0, 252 * 24, 252 * 48, 252 * 96, 252 * 288 }.Select(LeeMyklandParameters.RecommendedWindow),
            Is.EqualTo(new[] { 16, 78, 110, 156, 270 }));
    }

    [Test]
    public void FalseDetectionRatePerDayIsAlpha()
    {
        // 1000 jump-free days tested online with n = 390 per day: under H0 a day shows a false jump with probability α.
        // Binomial sd of the daily rate √(α(1 − α)/1000) = 0.0069; tolerance 4 sd.
        const int days = 1000;
        const double alpha = 0.05;
        var k = LeeMyklandParameters.RecommendedWindow(252.0 * PerDay); // 314
        var ticks = SyntheticTicks.Generate(new Random(9), PerDay * (days + 1), 60, VariancePerSecond);
        var detector = new LeeMyklandDetector(new LeeMyklandParameters(k, alpha), PerDay);
        var dayWithJump = new bool[days];
        for (var i = 0; i < ticks.Length; i++)
        {
            var update = detector.Update(ticks[i].TimeSeconds, ticks[i].Price);
            Assert.That(update.IsTested, Is.EqualTo(i >= k), "the first K − 1 returns only fill the window");
            if (i > PerDay && update.IsJump)
            {
                dayWithJump[(i - 1) / PerDay - 1] = true; // day 0 is the burn-in
            }
        }

        var rate = dayWithJump.Count(x => x) / (double)days;
        Assert.That(rate, Is.EqualTo(alpha).Within(4 * Math.Sqrt(alpha * (1 - alpha) / days)));
    }

    [Test]
    public void DetectsInjectedJumpsAtTheirReturnAndSign()
    {
        // 200 days with one jump of ±8 return sd per day at a random minute. At α = 1%, n = 390 the threshold on |L| is
        // 5.47, i.e. |r| > 5.47·c·σ = 4.36σ: an 8σ jump is missed only if its diffusion part is below −3.6σ (p ≈ 1.4e-4).
        const int days = 200;
        var rng = new Random(12);
        var jumps = new double[PerDay * days];
        var injected = Enumerable.Range(0, days).Select(d => d * PerDay + rng.Next(PerDay)).Where(i => i >= 400).ToArray();
        foreach (var i in injected)
        {
            jumps[i] = (rng.Next(2) == 0 ? -8 : 8) * ReturnSd;
        }

        var ticks = SyntheticTicks.Generate(rng, jumps.Length, 60, VariancePerSecond, jumps: jumps);
        var result = LeeMyklandTest.Run(ticks, new LeeMyklandParameters(LeeMyklandParameters.RecommendedWindow(252.0 * PerDay), 0.01), PerDay);

        var found = result.Jumps.Select(j => j.ReturnIndex).ToHashSet();
        Assert.That(injected.Count(found.Contains), Is.EqualTo(injected.Length));
        foreach (var j in result.Jumps.Where(j => jumps[j.ReturnIndex] != 0))
        {
            Assert.That(Math.Sign(j.LogReturn), Is.EqualTo(Math.Sign(jumps[j.ReturnIndex])));
            Assert.That(Math.Sign(j.Statistic), Is.EqualTo(Math.Sign(j.LogReturn)));
            Assert.That(j.TimeSeconds, Is.EqualTo(ticks[j.ReturnIndex + 1].TimeSeconds));
            Assert.That(j.PriceChange, Is.EqualTo(ticks[j.ReturnIndex + 1].Price - ticks[j.ReturnIndex].Price));
        }

        // False detections: at most α per day of 390 tests in expectation (2 of 200 days); 4-sd binomial bound √(200·0.01) ≈ 1.4 → ≤ 8.
        Assert.That(result.Jumps.Count - injected.Length, Is.LessThanOrEqualTo(8));
        Assert.That(result.TestCount, Is.EqualTo(PerDay));
        Assert.That(result.FirstTestedReturn, Is.EqualTo(313));
        Assert.That(result.Statistics, Has.Count.EqualTo(jumps.Length - 313));
    }

    [Test]
    public void OnlineDetectorEqualsBatchTest()
    {
        var jumps = new double[3000];
        jumps[1000] = 0.01;
        jumps[2000] = -0.012;
        var ticks = SyntheticTicks.Generate(new Random(13), 3000, 1, 1e-6, jumps: jumps);
        var parameters = new LeeMyklandParameters(50, 0.01);
        var batch = LeeMyklandTest.Run(ticks, parameters, 500);
        var online = new LeeMyklandDetector(parameters, 500);
        var onlineJumps = 0;
        for (var i = 0; i < ticks.Length; i++)
        {
            var u = online.Update(ticks[i].TimeSeconds, ticks[i].Price);
            if (u.IsTested)
            {
                Assert.That(u.Statistic, Is.EqualTo(batch.Statistics[i - 1 - batch.FirstTestedReturn]).Within(1e-9 * Math.Abs(u.Statistic)));
                onlineJumps += u.IsJump ? 1 : 0;
            }
        }

        Assert.That(onlineJumps, Is.EqualTo(batch.Jumps.Count));
        Assert.That(batch.Jumps.Select(j => j.ReturnIndex), Is.SupersetOf(new[] { 1000, 2000 }));
        Assert.That(online.Threshold, Is.EqualTo(batch.Threshold));
    }

    [Test]
    public void FailsWithTooFewObservationsOrZeroLocalVolatility()
    {
        var parameters = new LeeMyklandParameters(10, 0.01);
        var few = SyntheticTicks.Generate(new Random(14), 9, 1, 1e-6); // 10 observations < K + 1
        Assert.That(Assert.Throws<MarketMakingException>(() => LeeMyklandTest.Run(few, parameters))!.Kind, Is.EqualTo(MarketMakingErrorKind.JumpDetectionFailed));

        var flat = Enumerable.Range(0, 30).Select(i => new PriceObservation(i, 100)).ToArray();
        Assert.That(Assert.Throws<MarketMakingException>(() => LeeMyklandTest.Run(flat, parameters))!.Kind, Is.EqualTo(MarketMakingErrorKind.JumpDetectionFailed));
        var online = new LeeMyklandDetector(parameters, 100);
        var e = Assert.Throws<MarketMakingException>(() =>
        {
            foreach (var o in flat)
            {
                online.Update(o.TimeSeconds, o.Price);
            }
        })!;
        Assert.That(e.Kind, Is.EqualTo(MarketMakingErrorKind.JumpDetectionFailed));

        Assert.That(Assert.Throws<MarketMakingException>(() => online.Update(-1, 100))!.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new LeeMyklandParameters(2, 0.01))!.ParameterName, Is.EqualTo("window"));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new LeeMyklandParameters(10, 1.0))!.ParameterName, Is.EqualTo("significance"));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new LeeMyklandDetector(parameters, 1))!.ParameterName, Is.EqualTo("testCount"));
        var enough = SyntheticTicks.Generate(new Random(14), 50, 1, 1e-6);
        Assert.That(Assert.Throws<MarketMakingException>(() => LeeMyklandTest.Run(enough, parameters, 1))!.ParameterName, Is.EqualTo("testCount"));
    }

    [Test]
    public void AfterAnInterruptionTheReturnAcrossTheBreakIsNeitherTestedNorInTheLocalVolatility()
    {
        // Detector A sees a 5 % overnight gap behind an Interrupt; detector B the same session without the gap. The first
        // return after the gap is not tested, and the next one gets exactly B's statistic for the same return: the window
        // is the one at the close.
        var parameters = new LeeMyklandParameters(10, 0.01);
        var a = new LeeMyklandDetector(parameters, 100);
        var b = new LeeMyklandDetector(parameters, 100);
        var calendar = new LeeMyklandDetector(parameters, 100);
        var rng = new Random(4);
        var price = 100.0;
        for (var t = 0; t < 30; t++)
        {
            price *= Math.Exp(1e-3 * Math.Cos(2 * Math.PI * rng.NextDouble()));
            a.Update(t, price);
            b.Update(t, price);
            calendar.Update(t, price);
        }

        a.Interrupt();
        var gap = a.Update(30, price * 1.05);
        Assert.That(gap.IsTested, Is.False);
        Assert.That(gap.IsJump, Is.False);
        Assert.That(calendar.Update(30, price * 1.05).IsJump, Is.True, "without the interruption the gap is a jump");

        var next = a.Update(31, price * 1.05 * 1.001);
        var reference = b.Update(31, price * 1.001);
        Assert.That(next.IsTested, Is.True);
        Assert.That(next.LocalVolatility, Is.EqualTo(reference.LocalVolatility).Within(1e-15));
        Assert.That(next.Statistic, Is.EqualTo(reference.Statistic).Within(1e-9));
    }
}
