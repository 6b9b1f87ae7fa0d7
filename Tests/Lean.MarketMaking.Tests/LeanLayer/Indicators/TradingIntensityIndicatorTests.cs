using System;
using System.Linq;
using Lean.MarketMaking.Indicators;
using Lean.MarketMaking.Models.Estimation.Intensity;
using NUnit.Framework;
using QuantConnect;
using QuantConnect.Data.Market;

namespace Lean.MarketMaking.Tests.LeanLayer.Indicators;

[TestFixture]
public class TradingIntensityIndicatorTests
{
    [Test]
    public void EqualsTheEstimatorAtEachRefit()
    {
        var options = new TradingIntensityOptions(1, 0.01, 6);
        var indicator = new TradingIntensityIndicator("intensity", options, TimeSpan.FromMinutes(2));
        var estimator = new TradingIntensityEstimator(options);
        TradingIntensityEstimate? seen = null;
        var refits = 0;
        foreach (var tick in IndicatorInputs.Ticks(30_000, seed: 5))
        {
            indicator.Update(tick);
            if (tick.TickType == TickType.Quote)
            {
                estimator.OnMid(tick.Time, (double)((tick.BidPrice + tick.AskPrice) / 2m));
            }
            else
            {
                estimator.OnTrade(tick.Time, (double)tick.Value, TradeAggressor.Unknown);
            }

            if (!ReferenceEquals(indicator.Estimate, seen))
            {
                seen = indicator.Estimate!;
                var reference = estimator.Estimate();
                Assert.That((indicator.BidA, indicator.BidK, indicator.AskA, indicator.AskK), Is.EqualTo((reference.Bid.A, reference.Bid.K, reference.Ask.A, reference.Ask.K)));
                Assert.That(indicator.Current.Value, Is.EqualTo((decimal)((reference.Bid.K + reference.Ask.K) / 2)));
                refits++;
            }
        }

        // 3,000 s of data, a fit every 120 s.
        Assert.That(refits, Is.EqualTo(24));
        Assert.That(indicator.RejectedFits, Is.Zero);
        Assert.That(indicator.BidK, Is.GreaterThan(0));
        Assert.That(indicator.AskK, Is.GreaterThan(0));
    }

    [Test]
    public void IsReadyOnlyWithAUsableFit()
    {
        var indicator = new TradingIntensityIndicator("intensity", new TradingIntensityOptions(1, 0.01, 6), TimeSpan.FromSeconds(10));
        var t = IndicatorInputs.Start;
        // Quotes only for a minute: no trade reaches any depth, so every fit is rejected.
        for (var i = 0; i < 600; i++)
        {
            indicator.Update(new Tick(t.AddMilliseconds(100 * i), IndicatorInputs.Symbol, 1, 99.99m, 1, 100.01m));
        }

        Assert.That(indicator.IsReady, Is.False);
        Assert.That(indicator.RejectedFits, Is.GreaterThan(0));
        Assert.That(indicator.Estimate, Is.Null);
        Assert.That(indicator.Current.Value, Is.Zero);
    }

    /// <summary>IBM trades and quotes of 2013-10-07 with a cent grid: both sides fit with positive A and k.</summary>
    [Test]
    public void IbmDayFitsBothSides()
    {
        var indicator = new TradingIntensityIndicator("intensity", new TradingIntensityOptions(1, 0.01, 8), TimeSpan.FromMinutes(5));
        foreach (var tick in SampleTicks.Ibm20131007())
        {
            indicator.Update(tick);
        }

        Assert.That(indicator.IsReady, Is.True);
        // A: a resting quote at the mid fills within seconds to minutes on IBM; k: depths of a few cents (k between 10 and 1,000 per dollar).
        Assert.That(new[] { indicator.BidA, indicator.AskA }, Has.All.InRange(1e-3, 10.0));
        Assert.That(new[] { indicator.BidK, indicator.AskK }, Has.All.InRange(10.0, 1000.0));
        Assert.That(indicator.SkippedCount, Is.LessThan(1000));
    }
}
