using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Research.Data;
using Lean.MarketMaking.Tests.Support;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Research.Data;

/// <summary>
/// The streaming LEAN reader on the sample data folder: first records are checked field by field against the raw CSV
/// lines quoted in each test, record counts against the number of lines in each file, and times for being UTC and sorted.
/// </summary>
[TestFixture]
public class LeanDataReaderTests
{
    private static readonly LeanSymbol EurUsd = new(LeanSecurityType.Forex, "oanda", "EURUSD");
    private static readonly LeanSymbol Ibm = new(LeanSecurityType.Equity, "usa", "IBM");
    private static readonly LeanSymbol Spy = new(LeanSecurityType.Equity, "usa", "SPY");
    private static readonly LeanSymbol BtcUsd = new(LeanSecurityType.Crypto, "coinbase", "BTCUSD");

    private static LeanDataReader Reader() => new(SampleData.LeanDataFolder);

    [Test]
    public void ForexQuoteTicks()
    {
        // forex/oanda/tick/eurusd/20140501_quote.zip, first line "292,1.38676,1.38686"; 24,179 lines; oanda data are in UTC.
        var ticks = Reader().ReadTicks(EurUsd, LeanDataType.Quote, new DateOnly(2014, 5, 1)).ToList();

        Assert.That(ticks, Has.Count.EqualTo(24_179));
        var first = ticks[0];
        Assert.That(first.TimeUtc, Is.EqualTo(new DateTime(2014, 5, 1, 0, 0, 0, 292, DateTimeKind.Utc)));
        Assert.That(first.TimeUtc.Kind, Is.EqualTo(DateTimeKind.Utc));
        Assert.That(first.Type, Is.EqualTo(LeanDataType.Quote));
        Assert.That(first.BidPrice, Is.EqualTo(1.38676));
        Assert.That(first.AskPrice, Is.EqualTo(1.38686));
        Assert.That(first.Price, Is.EqualTo(0.5 * (1.38676 + 1.38686)));
        Assert.That(first.HasBid && first.HasAsk, Is.True);
        // Last line "86371310,1.38693,1.38706" = 23:59:31.310.
        Assert.That(ticks[^1].TimeUtc, Is.EqualTo(new DateTime(2014, 5, 1, 23, 59, 31, 310, DateTimeKind.Utc)));
        AssertSortedUtc(ticks.Select(t => t.TimeUtc));
        Assert.That(ticks.All(t => t.AskPrice > t.BidPrice), Is.True);
    }

    [Test]
    public void EquityTradeTicks()
    {
        // equity/usa/tick/ibm/20131007_trade.zip, first line "14430270,1815200,283,P,20002020,0": 04:00:30.270 New York
        // (EDT, UTC−4), price 1815200/10⁴; 24,293 lines.
        var ticks = Reader().ReadTicks(Ibm, LeanDataType.Trade, new DateOnly(2013, 10, 7)).ToList();

        Assert.That(ticks, Has.Count.EqualTo(24_293));
        var first = ticks[0];
        Assert.That(first.TimeUtc, Is.EqualTo(new DateTime(2013, 10, 7, 8, 0, 30, 270, DateTimeKind.Utc)));
        Assert.That(first.Type, Is.EqualTo(LeanDataType.Trade));
        Assert.That(first.Price, Is.EqualTo(181.52));
        Assert.That(first.Quantity, Is.EqualTo(283));
        Assert.That(first.Exchange, Is.EqualTo("P"));
        Assert.That(first.SaleCondition, Is.EqualTo("20002020"));
        Assert.That(first.Suspicious, Is.False);
        Assert.That(first.HasBid || first.HasAsk, Is.False);
        AssertSortedUtc(ticks.Select(t => t.TimeUtc));
    }

    [Test]
    public void EquityQuoteTicksAreOneSided()
    {
        // equity/usa/tick/ibm/20131007_quote.zip: first line "14400054,0,0,1836300,100,Q,1,0" (ask only), second
        // "14400241,1800100,300,0,0,P,1,0" (bid only), last "72000122,0,0,1860000,100,P,1,1" (suspicious); 109,067 lines.
        var ticks = Reader().ReadTicks(Ibm, LeanDataType.Quote, new DateOnly(2013, 10, 7)).ToList();

        Assert.That(ticks, Has.Count.EqualTo(109_067));
        var first = ticks[0];
        Assert.That(first.TimeUtc, Is.EqualTo(new DateTime(2013, 10, 7, 8, 0, 0, 54, DateTimeKind.Utc)));
        Assert.That((first.HasBid, first.BidSize, first.AskPrice, first.AskSize), Is.EqualTo((false, 0.0, 183.63, 100.0)));
        Assert.That(first.Price, Is.EqualTo(183.63));
        Assert.That((first.Exchange, first.SaleCondition, first.Suspicious), Is.EqualTo(("Q", "1", false)));
        Assert.That((ticks[1].BidPrice, ticks[1].BidSize, ticks[1].HasAsk), Is.EqualTo((180.01, 300.0, false)));
        Assert.That(ticks[^1].Suspicious, Is.True);
        // 72000122 ms = 20:00:00.122 EDT = 00:00:00.122 UTC on the next day.
        Assert.That(ticks[^1].TimeUtc, Is.EqualTo(new DateTime(2013, 10, 8, 0, 0, 0, 122, DateTimeKind.Utc)));
        Assert.That(ticks.Count(t => t.Suspicious), Is.EqualTo(1));
        AssertSortedUtc(ticks.Select(t => t.TimeUtc));
    }

    [Test]
    public void CryptoMinuteTradeAndQuoteBars()
    {
        // crypto/coinbase/minute/btcusd/20170903_trade.zip first line "0,4642.39,4652.71,4642.39,4652.69,6.63487803",
        // 1,440 lines; _quote.zip first line "0,4642.42,4642.42,4642.42,4642.42,0.14,4649.95,4649.95,4649.95,4649.95,0.4",
        // 1,438 lines. Coinbase data are in UTC and unscaled.
        var reader = Reader();
        var trades = reader.ReadBars(BtcUsd, LeanResolution.Minute, LeanDataType.Trade, new DateOnly(2017, 9, 3)).ToList();
        var quotes = reader.ReadBars(BtcUsd, LeanResolution.Minute, LeanDataType.Quote, new DateOnly(2017, 9, 3)).ToList();

        Assert.That(trades, Has.Count.EqualTo(1_440));
        Assert.That(trades[0].StartUtc, Is.EqualTo(new DateTime(2017, 9, 3, 0, 0, 0, DateTimeKind.Utc)));
        Assert.That(trades[0].EndUtc, Is.EqualTo(new DateTime(2017, 9, 3, 0, 1, 0, DateTimeKind.Utc)));
        Assert.That(trades[0].Trade, Is.EqualTo(new LeanOhlc(4642.39, 4652.71, 4642.39, 4652.69)));
        Assert.That(trades[0].Volume, Is.EqualTo(6.63487803));
        Assert.That(trades[0].Bid, Is.Null);
        Assert.That(quotes, Has.Count.EqualTo(1_438));
        Assert.That(quotes[0].Bid, Is.EqualTo(new LeanOhlc(4642.42, 4642.42, 4642.42, 4642.42)));
        Assert.That((quotes[0].LastBidSize, quotes[0].LastAskSize), Is.EqualTo((0.14, 0.4)));
        Assert.That(quotes[0].Ask, Is.EqualTo(new LeanOhlc(4649.95, 4649.95, 4649.95, 4649.95)));
        Assert.That(quotes[0].Trade, Is.Null);
        AssertSortedUtc(trades.Select(b => b.StartUtc));
        AssertSortedUtc(quotes.Select(b => b.StartUtc));
    }

    [Test]
    public void EquityMinuteTradeAndQuoteBars()
    {
        // equity/usa/minute/spy/20131007_trade.zip first line "14400000,1674100,1674100,1672500,1672700,3197" (04:00 EDT),
        // 828 lines; _quote.zip first line "14400000,1672700,1672700,1671500,1672500,300,1680000,1680000,1672600,1672700,20000", 908 lines.
        var reader = Reader();
        var trades = reader.ReadBars(Spy, LeanResolution.Minute, LeanDataType.Trade, new DateOnly(2013, 10, 7)).ToList();
        var quotes = reader.ReadBars(Spy, LeanResolution.Minute, LeanDataType.Quote, new DateOnly(2013, 10, 7)).ToList();

        Assert.That(trades, Has.Count.EqualTo(828));
        Assert.That(trades[0].StartUtc, Is.EqualTo(new DateTime(2013, 10, 7, 8, 0, 0, DateTimeKind.Utc)));
        Assert.That(trades[0].Trade, Is.EqualTo(new LeanOhlc(167.41, 167.41, 167.25, 167.27)));
        Assert.That(trades[0].Volume, Is.EqualTo(3197));
        Assert.That(quotes, Has.Count.EqualTo(908));
        Assert.That(quotes[0].Bid, Is.EqualTo(new LeanOhlc(167.27, 167.27, 167.15, 167.25)));
        Assert.That(quotes[0].Ask, Is.EqualTo(new LeanOhlc(168.00, 168.00, 167.26, 167.27)));
        Assert.That((quotes[0].LastBidSize, quotes[0].LastAskSize), Is.EqualTo((300.0, 20000.0)));
        AssertSortedUtc(trades.Select(b => b.StartUtc));
    }

    [Test]
    public void ForexSecondQuoteBars()
    {
        // forex/oanda/second/eurusd/20140501_quote.zip first line "0,1.38676,1.38676,1.38676,1.38676,0,1.38686,1.38687,1.38686,1.38687,0"; 12,564 lines.
        var bars = Reader().ReadBars(EurUsd, LeanResolution.Second, LeanDataType.Quote, new DateOnly(2014, 5, 1)).ToList();

        Assert.That(bars, Has.Count.EqualTo(12_564));
        Assert.That(bars[0].Period, Is.EqualTo(TimeSpan.FromSeconds(1)));
        Assert.That(bars[0].Bid, Is.EqualTo(new LeanOhlc(1.38676, 1.38676, 1.38676, 1.38676)));
        Assert.That(bars[0].Ask, Is.EqualTo(new LeanOhlc(1.38686, 1.38687, 1.38686, 1.38687)));
        AssertSortedUtc(bars.Select(b => b.StartUtc));
    }

    [Test]
    public void DateRangesStreamTheDaysThatHaveFiles()
    {
        // 2014-05-01 .. 05: the Saturday 05-03 has no file; 24,179 + 49,341 + 1,164 + 25,177 lines.
        var reader = Reader();
        Assert.That(
            reader.AvailableDates(EurUsd, LeanResolution.Tick, LeanDataType.Quote).Where(d => d <= new DateOnly(2014, 5, 5)),
            Is.EqualTo(new[] { new DateOnly(2014, 5, 1), new DateOnly(2014, 5, 2), new DateOnly(2014, 5, 4), new DateOnly(2014, 5, 5) }));
        var ticks = reader.ReadTicks(EurUsd, LeanDataType.Quote, new DateOnly(2014, 5, 1), new DateOnly(2014, 5, 5));
        var count = 0;
        var previous = DateTime.MinValue;
        foreach (var tick in ticks)
        {
            Assert.That(tick.TimeUtc, Is.GreaterThanOrEqualTo(previous));
            previous = tick.TimeUtc;
            count++;
        }

        Assert.That(count, Is.EqualTo(24_179 + 49_341 + 1_164 + 25_177));
        Assert.That(previous.Date, Is.EqualTo(new DateTime(2014, 5, 5)));
    }

    [Test]
    public void MissingFilesAndUnsupportedRequestsAreNamed()
    {
        var reader = Reader();
        var missing = Assert.Throws<MarketMakingException>(() => reader.ReadTicks(Ibm, LeanDataType.Trade, new DateOnly(2013, 10, 12)))!;
        Assert.That(missing.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));
        Assert.That(missing.Message, Does.Contain(Path.Combine("equity", "usa", "tick", "ibm", "20131012_trade.zip")));
        var emptyRange = Assert.Throws<MarketMakingException>(() => reader.ReadBars(Spy, LeanResolution.Minute, LeanDataType.Trade, new DateOnly(2015, 1, 1), new DateOnly(2015, 1, 31)))!;
        Assert.That(emptyRange.Message, Does.Contain(Path.Combine("equity", "usa", "minute", "spy")));
        Assert.That(Assert.Throws<MarketMakingException>(() => reader.ReadTicks(EurUsd, LeanDataType.Trade, new DateOnly(2014, 5, 1)))!.ParameterName, Is.EqualTo("type"));
        Assert.That(Assert.Throws<MarketMakingException>(() => reader.ReadBars(EurUsd, LeanResolution.Tick, LeanDataType.Quote, new DateOnly(2014, 5, 1)))!.ParameterName, Is.EqualTo("resolution"));
        var unknownMarket = Assert.Throws<MarketMakingException>(() => reader.ReadBars(new LeanSymbol(LeanSecurityType.Crypto, "nowhere", "BTCUSD"), LeanResolution.Minute, LeanDataType.Trade, new DateOnly(2017, 9, 3)))!;
        Assert.That(unknownMarket.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new LeanDataReader("/no/such/folder"))!.Message, Does.Contain("/no/such/folder"));
    }

    [Test]
    public void BadLinesAndUnsortedTimesNameTheFileAndLine()
    {
        var folder = Path.Combine(Path.GetTempPath(), "lean-reader-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "market-hours"));
            File.Copy(SampleData.Resolve("market-hours", "market-hours-database.json"), Path.Combine(folder, "market-hours", "market-hours-database.json"));
            var reader = new LeanDataReader(folder);
            var bad = WriteZip(reader.PathOf(EurUsd, LeanResolution.Tick, LeanDataType.Quote, new DateOnly(2020, 1, 2)), "1000,1.1,1.2\n2000,1.1,oops\n");
            var unsorted = WriteZip(reader.PathOf(EurUsd, LeanResolution.Tick, LeanDataType.Quote, new DateOnly(2020, 1, 3)), "2000,1.1,1.2\n1000,1.1,1.2\n");
            var notZip = reader.PathOf(EurUsd, LeanResolution.Tick, LeanDataType.Quote, new DateOnly(2020, 1, 6));
            File.WriteAllText(notZip, "not a zip");

            var e = Assert.Throws<MarketMakingException>(() => reader.ReadTicks(EurUsd, LeanDataType.Quote, new DateOnly(2020, 1, 2)).ToList())!;
            Assert.That(e.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));
            Assert.That(e.Message, Does.Contain(bad).And.Contain("line 2"));
            Assert.That(Assert.Throws<MarketMakingException>(() => reader.ReadTicks(EurUsd, LeanDataType.Quote, new DateOnly(2020, 1, 3)).ToList())!.Message, Does.Contain(unsorted).And.Contain("before"));
            Assert.That(Assert.Throws<MarketMakingException>(() => reader.ReadTicks(EurUsd, LeanDataType.Quote, new DateOnly(2020, 1, 6)).ToList())!.Message, Does.Contain(notZip));
            // The first day is read lazily: its records arrive before the bad line of the second file is reached.
            Assert.That(reader.ReadTicks(EurUsd, LeanDataType.Quote, new DateOnly(2020, 1, 2), new DateOnly(2020, 1, 6)).First().BidPrice, Is.EqualTo(1.1));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void DaylightSavingDaysConvertEachTime()
    {
        // 2013-11-03: New York falls back from EDT (UTC−4) to EST (UTC−5) at 02:00 local.
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        var clock = new LeanDayClock(new DateOnly(2013, 11, 3), newYork);
        Assert.That(clock.ToUtc(TimeSpan.FromMinutes(30).Ticks), Is.EqualTo(new DateTime(2013, 11, 3, 4, 30, 0, DateTimeKind.Utc)));
        Assert.That(clock.ToUtc(TimeSpan.FromHours(9.5).Ticks), Is.EqualTo(new DateTime(2013, 11, 3, 14, 30, 0, DateTimeKind.Utc)));
        var summer = new LeanDayClock(new DateOnly(2013, 10, 7), newYork);
        Assert.That(summer.ToUtc(TimeSpan.FromHours(9.5).Ticks), Is.EqualTo(new DateTime(2013, 10, 7, 13, 30, 0, DateTimeKind.Utc)));
    }

    private static string WriteZip(string path, string csv)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var writer = new StreamWriter(zip.CreateEntry("data.csv").Open());
        writer.Write(csv);
        return path;
    }

    private static void AssertSortedUtc(System.Collections.Generic.IEnumerable<DateTime> times)
    {
        var previous = DateTime.MinValue;
        foreach (var time in times)
        {
            Assert.That(time.Kind, Is.EqualTo(DateTimeKind.Utc));
            Assert.That(time, Is.GreaterThanOrEqualTo(previous));
            previous = time;
        }
    }
}
