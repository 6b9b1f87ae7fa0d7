using System;
using System.Linq;
using Lean.MarketMaking.Indicators;
using Lean.MarketMaking.Models.Estimation.Volatility;
using NUnit.Framework;
using QuantConnect.Data.Market;
using QuantConnect.Indicators;

namespace Lean.MarketMaking.Tests.LeanLayer.Indicators;

[TestFixture]
public class RealizedVolatilityIndicatorTests
{
    [TestCase(true)]
    [TestCase(false)]
    public void EqualsTheRollingEstimatorFedTheSamePrices(bool jumpRobust)
    {
        var prices = IndicatorInputs.Prices(5_000, stepSeconds: 0.37, seed: 7);
        var indicator = new RealizedVolatilityIndicator("rv", 200, jumpRobust);
        var reference = new RollingRealisedVariance(200);
        foreach (var p in prices)
        {
            indicator.Update(p);
            reference.Update(IndicatorInputs.Seconds(p.Time, prices[0].Time), (double)p.Value);
            Assert.That(indicator.IsReady, Is.EqualTo(reference.IsReady));
            if (reference.IsReady)
            {
                var expected = (jumpRobust ? reference.BipowerVariation : reference.RealisedVariance).VolatilityPerSqrtSecond;
                Assert.That(indicator.VolatilityPerSqrtSecond, Is.EqualTo(expected));
                Assert.That(indicator.Current.Value, Is.EqualTo((decimal)expected));
            }
        }

        // The simulated volatility is 1e-4 per √second; 200 returns estimate it within a few 1/√(2·200) = 5 % standard errors.
        Assert.That(indicator.VolatilityPerSqrtSecond, Is.EqualTo(1e-4).Within(25).Percent);
    }

    [Test]
    public void WarmsUpAfterWindowPlusOneInputs()
    {
        var indicator = new RealizedVolatilityIndicator("rv", 10);
        Assert.That(indicator.WarmUpPeriod, Is.EqualTo(11));
        var prices = IndicatorInputs.Prices(11);
        foreach (var p in prices.Take(10))
        {
            indicator.Update(p);
        }

        Assert.That(indicator.IsReady, Is.False);
        Assert.That(indicator.Estimate, Is.Null);
        indicator.Update(prices[10]);
        Assert.That(indicator.IsReady, Is.True);
        Assert.That(indicator.Estimate!.Value.ReturnCount, Is.EqualTo(10));
    }

    [Test]
    public void SamplesThePreviousTickPriceOnTheGrid()
    {
        // Inputs at 0, 0.7, 1.4, 2.1, 2.2, 4.5 s on a 1 s grid: observations (0, 100), (1, 101), (2, 102), (4, 104); the
        // input at 2.2 s falls before the next grid point and grid point 3 s had no new price.
        var indicator = new RealizedVolatilityIndicator("rv", 2, jumpRobust: false, TimeSpan.FromSeconds(1));
        var t = IndicatorInputs.Start;
        foreach (var (seconds, price) in new[] { (0.0, 100m), (0.7, 101m), (1.4, 102m), (2.1, 103m), (2.2, 104m), (4.5, 105m) })
        {
            indicator.Update(new IndicatorDataPoint(IndicatorInputs.Symbol, t.AddSeconds(seconds), price));
        }

        var expected = RealisedVariance.Estimate(new Models.Estimation.PriceObservation[] { new(1, 101), new(2, 102), new(4, 104) });
        Assert.That(indicator.Estimate!.Value.IntegratedVariance, Is.EqualTo(expected.IntegratedVariance).Within(1e-15));
        Assert.That(indicator.Estimate!.Value.ElapsedSeconds, Is.EqualTo(3).Within(1e-12));
    }

    /// <summary>
    /// EURUSD quote mids of 2014-05-01 (sample data) sampled every 5 s (previous tick) over windows of 720 returns (one
    /// hour): EURUSD's volatility was about 5 % a year in 2014, 5 %/√(252·86,400 s) ≈ 1.1e-5 per √second; every
    /// hourly value must lie within a factor of five of that (measured: 2.4e-6 in the quietest hour of this European
    /// holiday, 1.1 % a year, up to 1.05e-5 around the US data release).
    /// </summary>
    [Test]
    public void EurUsdVolatilityIsInASaneBand()
    {
        var indicator = new RealizedVolatilityIndicator("rv", 720, jumpRobust: true, TimeSpan.FromSeconds(5));
        var values = new System.Collections.Generic.List<double>();
        foreach (Tick tick in SampleTicks.EurUsd20140501())
        {
            indicator.Update(new IndicatorDataPoint(tick.Symbol, tick.Time, tick.Value));
            if (indicator.IsReady)
            {
                values.Add(indicator.VolatilityPerSqrtSecond);
            }
        }

        Assert.That(values, Is.Not.Empty);
        Assert.That(values, Has.All.InRange(1.1e-5 / 5, 1.1e-5 * 5));
        Assert.That(indicator.SkippedCount, Is.Zero);
    }
}
