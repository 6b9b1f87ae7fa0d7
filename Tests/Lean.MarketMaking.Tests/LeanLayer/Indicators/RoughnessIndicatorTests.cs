using System;
using System.Collections.Generic;
using System.Linq;
using Lean.MarketMaking.Indicators;
using Lean.MarketMaking.Models.Estimation.RoughVolatility;
using NUnit.Framework;
using QuantConnect.Indicators;

namespace Lean.MarketMaking.Tests.LeanLayer.Indicators;

[TestFixture]
public class RoughnessIndicatorTests
{
    [Test]
    public void EqualsTheHurstEstimatorOnTheWindowOfBucketLogVolatilities()
    {
        // Prices every 0.7 s, 10 s buckets (14 or 15 inputs each), a window of 40 buckets and lags 1…4.
        var prices = IndicatorInputs.Prices(20_000, stepSeconds: 0.7, seed: 13);
        var indicator = new RoughnessIndicator("rough", TimeSpan.FromSeconds(10), 40, 4);
        var closed = new List<double>();
        var bucket = 0L;
        var squares = 0.0;
        var estimates = 0;
        for (var i = 0; i < prices.Length; i++)
        {
            indicator.Update(prices[i]);
            var b = (prices[i].Time - prices[0].Time).Ticks / TimeSpan.FromSeconds(10).Ticks;
            if (b != bucket)
            {
                closed.Add(0.5 * Math.Log(squares));
                bucket = b;
                squares = 0;
                if (closed.Count >= 40)
                {
                    var expected = HurstEstimator.Estimate(closed.Skip(closed.Count - 40).ToArray(), 4);
                    Assert.That(indicator.Hurst, Is.EqualTo(expected.Hurst));
                    Assert.That(indicator.Current.Value, Is.EqualTo((decimal)expected.Hurst));
                    estimates++;
                }
                else
                {
                    Assert.That(indicator.IsReady, Is.False);
                }
            }

            if (i > 0)
            {
                var r = Math.Log((double)prices[i].Value) - Math.Log((double)prices[i - 1].Value);
                squares += r * r;
            }
        }

        Assert.That(estimates, Is.EqualTo(closed.Count - 39).And.GreaterThan(1000));
        Assert.That(indicator.BucketCount, Is.EqualTo(40));
        // Constant volatility: ln RV of disjoint buckets are independent noise, so there is no scaling: H ≈ 0.
        Assert.That(indicator.Hurst, Is.InRange(-0.15, 0.15));
    }

    [Test]
    public void WarmsUpWhenTheWindowFillsAndLeavesFlatBucketsOut()
    {
        var indicator = new RoughnessIndicator("rough", TimeSpan.FromSeconds(1), 20, 2);
        Assert.That(indicator.WarmUpPeriod, Is.EqualTo(22));
        var prices = IndicatorInputs.Prices(22);
        foreach (var p in prices.Take(21))
        {
            indicator.Update(p);
        }

        Assert.That(indicator.IsReady, Is.False);
        indicator.Update(prices[21]);
        Assert.That(indicator.IsReady, Is.True);

        // Ten unchanged prices, one a bucket: their buckets have RV = 0 and are not added.
        var flat = prices[21];
        for (var i = 1; i <= 10; i++)
        {
            indicator.Update(new IndicatorDataPoint(flat.Symbol, flat.Time.AddSeconds(i), flat.Value));
        }

        Assert.That(indicator.BucketCount, Is.EqualTo(20));
        Assert.That(indicator.SkippedCount, Is.Zero);
    }

    [Test]
    public void RejectsAWindowTooShortForItsLags()
    {
        Assert.That(() => new RoughnessIndicator("r", TimeSpan.FromMinutes(5), 39, 4), Throws.TypeOf<Models.Errors.MarketMakingException>().With.Property("ParameterName").EqualTo("windowBuckets"));
    }
}
