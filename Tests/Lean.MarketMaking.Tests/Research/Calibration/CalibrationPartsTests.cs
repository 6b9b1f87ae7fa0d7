using System;
using System.Linq;
using Lean.MarketMaking.Models.Estimation;
using Lean.MarketMaking.Models.Estimation.Intensity;
using Lean.MarketMaking.Research.Calibration;
using Lean.MarketMaking.Research.Data;
using Lean.MarketMaking.Tests.Support;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Research.Calibration;

/// <summary>The building blocks of <c>calibrate</c>: mid rule, trade signing, sampling and the trading session.</summary>
[TestFixture]
public class CalibrationPartsTests
{
    private static readonly DateTime T0 = new(2013, 10, 7, 14, 0, 0, DateTimeKind.Utc);

    [Test]
    public void PrevailingQuoteTakesTheLatestBidAndAskWhicheverExchangeAndSkipsLockedOrCrossed()
    {
        var quote = new PrevailingQuote();
        Assert.That(quote.Update(Quote(100.00, 0, "Q")), Is.Null, "one-sided");
        Assert.That(quote.Update(Quote(0, 100.04, "P")), Is.EqualTo(100.02).Within(1e-12));
        Assert.That(quote.Update(Quote(100.02, 0, "N")), Is.EqualTo(100.03).Within(1e-12), "the latest bid replaces Q's, whatever the exchange");
        Assert.That(quote.Update(Quote(0, 100.02, "Z")), Is.Null, "locked");
        Assert.That(quote.Update(Quote(0, 100.01, "Z")), Is.Null, "crossed");
        Assert.That(quote.Update(Quote(0, 100.05, "Q")), Is.EqualTo(100.035).Within(1e-12));
    }

    [Test]
    public void QuoteRuleSignsByTheMidAndFallsBackOnTheTickRule()
    {
        var signer = new TradeSigner();
        Assert.That(signer.Sign(100.00, 100.00), Is.EqualTo(TradeAggressor.Unknown), "at the mid with no earlier price");
        Assert.That(signer.Sign(100.01, 100.00), Is.EqualTo(TradeAggressor.Buy));
        Assert.That(signer.Sign(100.01, 100.01), Is.EqualTo(TradeAggressor.Buy), "at the mid after an uptick");
        Assert.That(signer.Sign(100.01, 100.01), Is.EqualTo(TradeAggressor.Buy), "zero tick keeps the last direction");
        Assert.That(signer.Sign(100.00, 100.005), Is.EqualTo(TradeAggressor.Sell));
        Assert.That(signer.Sign(100.00, 100.00), Is.EqualTo(TradeAggressor.Sell), "at the mid after a downtick");
    }

    [Test]
    public void SamplerTakesThePreviousTickOnWholeMultiplesOfTheStep()
    {
        var mids = new[] { new PriceObservation(59.5, 1.0), new PriceObservation(60, 2.0), new PriceObservation(119, 3.0), new PriceObservation(185, 4.0) };
        var samples = RegularSampler.Sample(mids, 60);
        Assert.That(samples.Select(s => s.TimeSeconds), Is.EqualTo(new[] { 60.0, 120.0, 180.0 }));
        Assert.That(samples.Select(s => s.Price), Is.EqualTo(new[] { 2.0, 3.0, 3.0 }));
    }

    [Test]
    public void SessionsComeFromTheMarketHoursDatabase()
    {
        var reader = new LeanDataReader(SampleData.LeanDataFolder);
        var equity = MarketSession.Load(reader, new LeanSymbol(LeanSecurityType.Equity, "usa", "IBM"));

        // 7 October 2013, New York on daylight time (UTC−4): the regular session is 13:30–20:00 UTC.
        Assert.That(equity.IsOpen(new DateTime(2013, 10, 7, 13, 29, 59, DateTimeKind.Utc)), Is.False, "pre-market");
        Assert.That(equity.IsOpen(new DateTime(2013, 10, 7, 13, 30, 0, DateTimeKind.Utc)), Is.True);
        Assert.That(equity.IsOpen(new DateTime(2013, 10, 7, 20, 0, 0, DateTimeKind.Utc)), Is.False, "the close is exclusive");
        Assert.That(equity.IsOpen(new DateTime(2013, 10, 5, 15, 0, 0, DateTimeKind.Utc)), Is.False, "Saturday");
        Assert.That(equity.SecondsPerYear, Is.EqualTo(252 * 6.5 * 3600));

        var forex = MarketSession.Load(reader, new LeanSymbol(LeanSecurityType.Forex, "oanda", "EURUSD"));
        Assert.That(forex.IsOpen(new DateTime(2014, 5, 1, 20, 59, 0, DateTimeKind.Utc)), Is.False, "OANDA's daily break 16:58–17:03 New York");
        Assert.That(forex.IsOpen(new DateTime(2014, 5, 1, 21, 3, 0, DateTimeKind.Utc)), Is.True);
        Assert.That(forex.SecondsPerYear, Is.EqualTo(260 * 86_400.0));

        var crypto = MarketSession.Load(reader, new LeanSymbol(LeanSecurityType.Crypto, "coinbase", "BTCUSD"));
        Assert.That(crypto.IsOpen(new DateTime(2017, 9, 3, 0, 0, 0, DateTimeKind.Utc)), Is.True, "Sunday: crypto never closes");
        Assert.That(crypto.SecondsPerYear, Is.EqualTo(365 * 86_400.0));
    }

    private static LeanTick Quote(double bid, double ask, string exchange) =>
        new(T0, LeanDataType.Quote, 0, 0, bid, bid > 0 ? 100 : 0, ask, ask > 0 ? 100 : 0, exchange, string.Empty, false);
}
