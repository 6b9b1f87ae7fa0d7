using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using Lean.MarketMaking.Research;
using Lean.MarketMaking.Research.Data;
using Lean.MarketMaking.Research.Data.Synthetic;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Research.Data.Synthetic;

/// <summary>
/// The bars <c>generate-data</c> writes beside the ticks (issue 13 §6: LEAN asks for minute bars to seed the base
/// currency's conversion rate and for hour bars of a security benchmark): each bar equals the aggregation of the
/// day's ticks, recomputed here independently (grouped by period, first/max/min/last, summed volume); minute bars
/// read back through <see cref="LeanDataReader"/>; files and lines named and stamped as LEAN names them; prices ≤ 0
/// are left out; the risk-free rate file is written once and an existing one kept.
/// </summary>
[TestFixture]
public class LeanBarFileWriterTests
{
    private static readonly DateOnly Start = new(2024, 1, 1);
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("mm-bars-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void MinuteBarsAreTheTicksAggregatedAndReadBackThroughTheLeanReader()
    {
        var settings = new SyntheticMarketSettings(days: 1);
        var day = new SyntheticTickGenerator(settings, seed: 7).Days().Single();
        new LeanBarFileWriter(_folder, settings).WriteDay(day);
        new LeanTickFileWriter(_folder, settings).WriteMarketHours();
        var reader = new LeanDataReader(_folder);
        var symbol = new LeanSymbol(LeanSecurityType.Crypto, "coinbase", "MMCUSD");
        var midnight = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

        var trades = reader.ReadBars(symbol, LeanResolution.Minute, LeanDataType.Trade, Start).ToList();
        var expectedTrades = day.Trades.GroupBy(t => t.Milliseconds / 60_000).OrderBy(g => g.Key).ToList();
        Assert.That(trades, Has.Count.EqualTo(expectedTrades.Count));
        Assert.That(trades, Has.Count.LessThan(1440), "minutes without a trade have no trade bar");
        for (var i = 0; i < trades.Count; i++)
        {
            var g = expectedTrades[i].ToList();
            Assert.That((trades[i].StartUtc, trades[i].Trade, trades[i].Volume), Is.EqualTo((
                midnight.AddMinutes(expectedTrades[i].Key),
                new LeanOhlc((double)g[0].Price, (double)g.Max(t => t.Price), (double)g.Min(t => t.Price), (double)g[^1].Price),
                (double)g.Sum(t => t.Quantity))), $"trade bar {i}");
        }

        var quotes = reader.ReadBars(symbol, LeanResolution.Minute, LeanDataType.Quote, Start).ToList();
        var expectedQuotes = day.Quotes.GroupBy(q => q.Milliseconds / 60_000).OrderBy(g => g.Key).ToList();
        Assert.That(quotes, Has.Count.EqualTo(expectedQuotes.Count));
        for (var i = 0; i < quotes.Count; i++)
        {
            var g = expectedQuotes[i].ToList();
            Assert.That((quotes[i].StartUtc, quotes[i].Bid, quotes[i].LastBidSize, quotes[i].Ask, quotes[i].LastAskSize), Is.EqualTo((
                midnight.AddMinutes(expectedQuotes[i].Key),
                new LeanOhlc((double)g[0].Bid, (double)g.Max(q => q.Bid), (double)g.Min(q => q.Bid), (double)g[^1].Bid), (double)g[^1].BidSize,
                new LeanOhlc((double)g[0].Ask, (double)g.Max(q => q.Ask), (double)g.Min(q => q.Ask), (double)g[^1].Ask), (double)g[^1].AskSize)),
                $"quote bar {i}");
        }
    }

    [Test]
    public void HourAndDailyBarsCoverEveryDayInOneFileStampedAsLeanStampsThem()
    {
        Assert.That(Program.Run(new[] { "generate-data", "--out", _folder, "--days", "2", "--seed", "4" }, TextReader.Null, TextWriter.Null, TextWriter.Null), Is.Zero);
        var days = new SyntheticTickGenerator(new SyntheticMarketSettings(days: 2), seed: 4).Days().ToList();
        var folder = Path.Combine(_folder, "crypto", "coinbase");

        // LEAN's hour/daily crypto files: {ticker}_{trade|quote}.zip holding {ticker}.csv, lines "yyyyMMdd HH:mm,..."
        var hourTrades = Lines(Path.Combine(folder, "hour", "mmcusd_trade.zip"), "mmcusd.csv");
        Assert.That(hourTrades, Has.Length.EqualTo(48), "24 hours × 2 days");
        Assert.That(hourTrades[0], Does.StartWith("20240101 00:00,"));
        Assert.That(hourTrades[25], Does.StartWith("20240102 01:00,"));
        Assert.That(Lines(Path.Combine(folder, "hour", "mmcusd_quote.zip"), "mmcusd.csv"), Has.Length.EqualTo(48));

        var daily = Lines(Path.Combine(folder, "daily", "mmcusd_trade.zip"), "mmcusd.csv");
        Assert.That(daily, Has.Length.EqualTo(2));
        for (var d = 0; d < 2; d++)
        {
            var trades = days[d].Trades;
            var expected = string.Join(',', days[d].Date.ToString("yyyyMMdd") + " 00:00",
                LeanTickFileWriter.Format(trades[0].Price), LeanTickFileWriter.Format(trades.Max(t => t.Price)),
                LeanTickFileWriter.Format(trades.Min(t => t.Price)), LeanTickFileWriter.Format(trades[^1].Price),
                LeanTickFileWriter.Format(trades.Sum(t => t.Quantity)));
            Assert.That(daily[d], Is.EqualTo(expected), $"day {d}");
        }

        var dailyQuote = Lines(Path.Combine(folder, "daily", "mmcusd_quote.zip"), "mmcusd.csv")[1].Split(',');
        Assert.That(dailyQuote, Has.Length.EqualTo(11), "time, bid OHLC, last bid size, ask OHLC, last ask size");
        Assert.That(decimal.Parse(dailyQuote[9]), Is.EqualTo(days[1].Quotes[^1].Ask), "the day's last ask closes the bar");

        // minute files for each day, named as LEAN's sample crypto minute files
        Assert.That(ZipEntries(Path.Combine(folder, "minute", "mmcusd", "20240102_quote.zip")), Is.EqualTo(new[] { "20240102_mmcusd_minute_quote.csv" }));
        Assert.That(ZipEntries(Path.Combine(folder, "minute", "mmcusd", "20240102_trade.zip")), Is.EqualTo(new[] { "20240102_mmcusd_minute_trade.csv" }));
    }

    [Test]
    public void NonPositivePricesAreLeftOutAndAOneSidedPeriodLeavesTheOtherSideEmpty()
    {
        var day = new SyntheticDay(Start,
            new[] { new SyntheticQuote(1_000, 1.1m, 5, 1.2m, 6), new SyntheticQuote(2_000, 0, 0, 1.3m, 7), new SyntheticQuote(61_000, 1.0m, 8, -1m, 0) },
            new[] { new SyntheticTrade(1_000, 1.15m, 3, true), new SyntheticTrade(2_000, -1m, 4, false), new SyntheticTrade(3_000, 0m, 2, true) });

        Assert.That(LeanBarFileWriter.TradeBars(day, 60_000), Is.EqualTo(new[] { (0L, "1.15,1.15,1.15,1.15,3") }));
        Assert.That(LeanBarFileWriter.QuoteBars(day, 60_000), Is.EqualTo(new[] { (0L, "1.1,1.1,1.1,1.1,5,1.2,1.3,1.2,1.3,7"), (60_000L, "1,1,1,1,8,,,,,0") }));
    }

    [Test]
    public void TheRiskFreeRateFileIsWrittenOnceAndAnExistingOneKept()
    {
        var writer = new LeanTickFileWriter(_folder, new SyntheticMarketSettings(days: 1));
        var path = writer.WriteInterestRates();
        Assert.That(path, Is.EqualTo(Path.Combine(_folder, "alternative", "interest-rate", "usa", "interest-rate.csv")));
        Assert.That(File.ReadAllLines(path), Is.EqualTo(new[] { "date,interest rate", "2024-01-01,0" }), "LEAN skips the header and reads yyyy-MM-dd,percent");

        File.WriteAllLines(path, new[] { "date,interest rate", "2023-07-27,5.5" });
        writer.WriteInterestRates();
        Assert.That(File.ReadAllLines(path)[1], Is.EqualTo("2023-07-27,5.5"), "a real data folder's rates are kept");
    }

    private static string[] ZipEntries(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        return archive.Entries.Select(e => e.FullName).ToArray();
    }

    private static string[] Lines(string zip, string entry)
    {
        Assert.That(ZipEntries(zip), Is.EqualTo(new[] { entry }));
        using var archive = ZipFile.OpenRead(zip);
        using var reader = new StreamReader(archive.Entries[0].Open());
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
