using System;
using System.Collections.Generic;
using System.Linq;
using Lean.MarketMaking.Indicators;
using Lean.MarketMaking.Models.Estimation.Hawkes;
using Lean.MarketMaking.Research.Data;
using Lean.MarketMaking.Tests.Support;
using NUnit.Framework;
using QuantConnect;
using QuantConnect.Data.Market;

namespace Lean.MarketMaking.Tests.LeanLayer.Indicators;

[TestFixture]
public class HawkesIntensityIndicatorTests
{
    [Test]
    public void EqualsTheTrackerFedTheSameSignedTrades()
    {
        var ticks = IndicatorInputs.Ticks(20_000, seed: 3);
        var parameters = IndicatorContractTests.Hawkes();
        var indicator = new HawkesIntensityIndicator("hawkes", parameters);
        var tracker = new HawkesIntensityTracker(parameters);
        double mid = double.NaN, lastPrice = 0;
        var lastChange = 0;
        int buys = 0, sells = 0;
        foreach (var tick in ticks)
        {
            indicator.Update(tick);
            var t = IndicatorInputs.Seconds(tick.Time, ticks[0].Time);
            if (tick.TickType == TickType.Quote)
            {
                mid = (double)((tick.BidPrice + tick.AskPrice) / 2m);
            }
            else
            {
                // Lee-Ready: the quote rule, and the tick test (direction of the last price change) at the mid.
                var price = (double)tick.Value;
                if (lastPrice > 0 && price != lastPrice)
                {
                    lastChange = Math.Sign(price - lastPrice);
                }

                lastPrice = price;
                var sign = price > mid ? 1 : price < mid ? -1 : lastChange;
                if (sign != 0)
                {
                    tracker.OnEvent(sign > 0 ? 0 : 1, t);
                    _ = sign > 0 ? buys++ : sells++;
                }
            }

            var buy = tracker.Intensity(0, t);
            var sell = tracker.Intensity(1, t);
            Assert.That(indicator.BuyIntensity, Is.EqualTo(buy), $"{tick.TickType} {tick.Time:HH:mm:ss.fff} {tick.Value} mid {mid}");
            Assert.That(indicator.SellIntensity, Is.EqualTo(sell));
            Assert.That(indicator.Current.Value, Is.EqualTo((decimal)((buy - sell) / (buy + sell))));
        }

        Assert.That(indicator.BuyTrades, Is.EqualTo(buys));
        Assert.That(indicator.SellTrades, Is.EqualTo(sells));
        Assert.That(buys, Is.GreaterThan(1000));
        Assert.That(sells, Is.GreaterThan(1000));
    }

    [Test]
    public void WarmsUpOverTheGivenNumberOfSignedTrades()
    {
        var indicator = new HawkesIntensityIndicator("hawkes", IndicatorContractTests.Hawkes(), warmUpTrades: 5);
        Assert.That(indicator.WarmUpPeriod, Is.EqualTo(5));
        var t = IndicatorInputs.Start;
        indicator.Update(new Tick(t, IndicatorInputs.Symbol, 1, 99.99m, 1, 100.01m));
        for (var i = 1; i <= 5; i++)
        {
            Assert.That(indicator.IsReady, Is.False);
            indicator.Update(new Tick(t.AddSeconds(i), IndicatorInputs.Symbol, "", "", 1, 100.01m));
        }

        Assert.That(indicator.IsReady, Is.True);
        Assert.That(indicator.BuyTrades, Is.EqualTo(5));
        Assert.That(indicator.Imbalance, Is.GreaterThan(0));
    }

    [Test]
    public void SignsByTheTicksOwnQuoteThenTheLatestQuoteThenTheTickTest()
    {
        var indicator = new HawkesIntensityIndicator("hawkes", IndicatorContractTests.Hawkes(), 1);
        var t = IndicatorInputs.Start;
        // No quote yet: the first trade has no earlier price (unsigned), then an uptick (buy), a zero-uptick (buy), a downtick (sell).
        foreach (var (price, i) in new[] { 100.00m, 100.02m, 100.02m, 100.01m }.Select((p, i) => (p, i)))
        {
            indicator.Update(new Tick(t.AddSeconds(i), IndicatorInputs.Symbol, "", "", 1, price));
        }

        Assert.That((indicator.UnsignedTrades, indicator.BuyTrades, indicator.SellTrades), Is.EqualTo((1L, 2L, 1L)));

        // A trade tick carrying its own quote is compared with that quote's mid: 100.01 < 100.015 is a sell although it is an uptick.
        var own = new Tick(t.AddSeconds(10), IndicatorInputs.Symbol, "", "", 1, 100.01m) { BidPrice = 100.00m, AskPrice = 100.03m };
        indicator.Update(new Tick(t.AddSeconds(9), IndicatorInputs.Symbol, "", "", 1, 100.00m));
        indicator.Update(own);
        Assert.That(indicator.SellTrades, Is.EqualTo(3));

        // The latest quote: mid 99.995, so 100.00 is a buy although it is a downtick.
        indicator.Update(new Tick(t.AddSeconds(11), IndicatorInputs.Symbol, 1, 99.99m, 1, 100.00m));
        indicator.Update(new Tick(t.AddSeconds(12), IndicatorInputs.Symbol, "", "", 1, 100.00m));
        Assert.That(indicator.BuyTrades, Is.EqualTo(3));
        Assert.That(indicator.SkippedCount, Is.Zero);
    }

    [Test]
    public void ATradeOnTheSameSideAtTheSameTimeIsTheSameMarketOrder()
    {
        var indicator = new HawkesIntensityIndicator("hawkes", IndicatorContractTests.Hawkes(), 1);
        var t = IndicatorInputs.Start;
        indicator.Update(new Tick(t, IndicatorInputs.Symbol, 1, 99.99m, 1, 100.01m));
        // One buy order walking two levels (two prints at t + 1 s), a sell at the same time, then a buy one tick later.
        foreach (var (ms, price) in new[] { (1_000, 100.01m), (1_000, 100.02m), (1_000, 99.99m), (1_001, 100.01m) })
        {
            indicator.Update(new Tick(t.AddMilliseconds(ms), IndicatorInputs.Symbol, "", "", 1, price));
        }

        Assert.That((indicator.BuyTrades, indicator.SellTrades, indicator.MergedTrades), Is.EqualTo((2L, 1L, 1L)));
    }

    [Test]
    public void RejectsAProcessThatIsNotBivariate()
    {
        Assert.That(
            () => new HawkesIntensityIndicator("h", HawkesParameters.Univariate(1, 0.5, 2)),
            Throws.TypeOf<Models.Errors.MarketMakingException>().With.Property("ParameterName").EqualTo("parameters"));
    }

    /// <summary>IBM trades and quotes of 2013-10-07 (sample data), signed as they stream in.</summary>
    [Test]
    public void IbmTradesGiveABoundedImbalanceAndPositiveIntensities()
    {
        var indicator = new HawkesIntensityIndicator("hawkes", IndicatorContractTests.Hawkes());
        var imbalances = new List<double>();
        foreach (var tick in SampleTicks.Ibm20131007())
        {
            indicator.Update(tick);
            if (tick.TickType == TickType.Trade)
            {
                imbalances.Add((double)indicator.Current.Value);
                Assert.That(indicator.BuyIntensity, Is.GreaterThan(0));
                Assert.That(indicator.SellIntensity, Is.GreaterThan(0));
            }
        }

        Assert.That(indicator.IsReady, Is.True);
        Assert.That(imbalances, Has.All.InRange(-1.0, 1.0));
        // Both sides trade all day: each holds at least a quarter of the signed trades, and almost every trade is signed.
        var signed = indicator.BuyTrades + indicator.SellTrades;
        Assert.That(Math.Min(indicator.BuyTrades, indicator.SellTrades), Is.GreaterThan(signed / 4));
        Assert.That(indicator.UnsignedTrades, Is.LessThan(signed / 100));
        Assert.That(imbalances.Max(), Is.GreaterThan(0.3));
        Assert.That(imbalances.Min(), Is.LessThan(-0.3));
    }
}

/// <summary>Sample-data ticks as surface LEAN ticks, trades and quotes merged in time order (quotes first at equal times); ticks the vendor flagged suspicious are left out.</summary>
internal static class SampleTicks
{
    private static readonly LeanSymbol Ibm = new(LeanSecurityType.Equity, "usa", "IBM");
    private static readonly LeanSymbol EurUsd = new(LeanSecurityType.Forex, "oanda", "EURUSD");

    public static IEnumerable<Tick> Ibm20131007()
    {
        var reader = new LeanDataReader(SampleData.LeanDataFolder);
        var day = new DateOnly(2013, 10, 7);
        var symbol = Symbol.Create("IBM", SecurityType.Equity, Market.USA);
        return reader.ReadTicks(Ibm, LeanDataType.Quote, day)
            .Concat(reader.ReadTicks(Ibm, LeanDataType.Trade, day))
            .Where(t => !t.Suspicious)
            .OrderBy(t => t.TimeUtc).ThenBy(t => t.Type == LeanDataType.Quote ? 0 : 1)
            .Select(t => IndicatorInputs.ToTick(t, symbol))
            .ToList();
    }

    public static IEnumerable<Tick> EurUsd20140501()
    {
        var symbol = Symbol.Create("EURUSD", SecurityType.Forex, "oanda");
        return new LeanDataReader(SampleData.LeanDataFolder)
            .ReadTicks(EurUsd, LeanDataType.Quote, new DateOnly(2014, 5, 1))
            .Select(t => IndicatorInputs.ToTick(t, symbol))
            .ToList();
    }
}
