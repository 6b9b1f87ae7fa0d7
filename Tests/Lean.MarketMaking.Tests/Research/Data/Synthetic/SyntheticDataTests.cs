using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lean.MarketMaking.Research;
using Lean.MarketMaking.Research.Data;
using Lean.MarketMaking.Research.Data.Synthetic;
using Lean.MarketMaking.Tests.Support;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Research.Data.Synthetic;

/// <summary>
/// The synthetic LEAN data generator: files round-trip through <see cref="LeanDataReader"/>, the same seed gives the
/// same bytes, the formats match LEAN's sample files and reference databases, and the simulated order flow has the
/// rates and depths its parameters promise.
/// </summary>
[TestFixture]
public class SyntheticDataTests
{
    private static readonly DateOnly Start = new(2024, 1, 1);
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("mm-synthetic-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void GeneratedTicksRoundTripThroughTheLeanReader()
    {
        var settings = new SyntheticMarketSettings(days: 1);
        var day = new SyntheticTickGenerator(settings, seed: 11).Days().Single();
        var writer = new LeanTickFileWriter(_folder, settings);
        writer.WriteDay(day);
        writer.WriteMarketHours();

        var reader = new LeanDataReader(_folder);
        var symbol = new LeanSymbol(LeanSecurityType.Crypto, "coinbase", "MMCUSD");
        var midnight = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var quotes = reader.ReadTicks(symbol, LeanDataType.Quote, Start).ToList();
        var trades = reader.ReadTicks(symbol, LeanDataType.Trade, Start).ToList();

        Assert.That(quotes, Has.Count.EqualTo(day.Quotes.Count));
        Assert.That(trades, Has.Count.EqualTo(day.Trades.Count));
        for (var i = 0; i < quotes.Count; i++)
        {
            var (read, written) = (quotes[i], day.Quotes[i]);
            Assert.That((read.TimeUtc, read.BidPrice, read.BidSize, read.AskPrice, read.AskSize, read.Suspicious), Is.EqualTo(
                (midnight.AddMilliseconds(written.Milliseconds), (double)written.Bid, (double)written.BidSize, (double)written.Ask, (double)written.AskSize, false)),
                $"quote {i}");
        }

        for (var i = 0; i < trades.Count; i++)
        {
            var (read, written) = (trades[i], day.Trades[i]);
            Assert.That((read.TimeUtc, read.Price, read.Quantity), Is.EqualTo(
                (midnight.AddMilliseconds(written.Milliseconds), (double)written.Price, (double)written.Quantity)), $"trade {i}");
        }

        Assert.That(quotes.All(q => q.BidPrice < q.AskPrice && q.BidPrice > 0), Is.True, "a valid book throughout");
    }

    [Test]
    public void TheSameSeedWritesTheSameBytesAndAnotherSeedDoesNot()
    {
        string Generate(string name, int seed)
        {
            var code = Program.Run(new[] { "generate-data", "--out", Path.Combine(_folder, name), "--days", "1", "--seed", seed.ToString() },
                TextReader.Null, TextWriter.Null, TextWriter.Null);
            Assert.That(code, Is.Zero);
            return EntryText(Path.Combine(_folder, name, "crypto", "coinbase", "tick", "mmcusd", "20240101_trade.zip"));
        }

        Assert.That(Generate("a", 5), Is.EqualTo(Generate("b", 5)));
        Assert.That(Generate("c", 6), Is.Not.EqualTo(Generate("a", 5)));
    }

    [Test]
    public void FilesFollowTheSampleDataConventions()
    {
        Assert.That(Program.Run(new[] { "generate-data", "--out", _folder, "--days", "1" }, TextReader.Null, TextWriter.Null, TextWriter.Null), Is.Zero);
        var folder = Path.Combine(_folder, "crypto", "coinbase", "tick", "mmcusd");

        // zip and entry names: LEAN's non-equity naming, as in forex/oanda/tick/eurusd/20140501_quote.zip holding
        // 20140501_eurusd_tick_quote.csv and crypto/coinbase/minute/btcusd/..._trade.zip holding {date}_btcusd_minute_trade.csv
        var sampleEntry = Entries(SampleData.Resolve("forex", "oanda", "tick", "eurusd", "20140501_quote.zip")).Single();
        Assert.That(sampleEntry, Is.EqualTo("20140501_eurusd_tick_quote.csv"));
        Assert.That(Entries(Path.Combine(folder, "20240101_quote.zip")).Single(), Is.EqualTo("20240101_mmcusd_tick_quote.csv"));
        Assert.That(Entries(Path.Combine(folder, "20240101_trade.zip")).Single(), Is.EqualTo("20240101_mmcusd_tick_trade.csv"));

        // columns: LEAN's crypto tick lines (LeanData.GenerateLine): ms,price,quantity,suspicious and
        // ms,bid,bidsize,ask,asksize,suspicious; prices unscaled with no trailing zeros, like the sample crypto bars
        // ("0,611.78,611.91,611.78,611.9,1.13872"), integer milliseconds.
        var unscaled = @"\d+(\.\d*[1-9])?";
        var trade = new Regex($"^\\d+,{unscaled},{unscaled},[01]$");
        var quote = new Regex($"^\\d+,{unscaled},{unscaled},{unscaled},{unscaled},[01]$");
        Assert.That(Lines(Path.Combine(folder, "20240101_trade.zip")).All(trade.IsMatch), Is.True);
        Assert.That(Lines(Path.Combine(folder, "20240101_quote.zip")).All(quote.IsMatch), Is.True);
        Assert.That(Lines(SampleData.Resolve("crypto", "coinbase", "minute", "btcusd", "20161007_trade.zip")).First().Split(',')[1],
            Does.Match($"^{unscaled}$"), "the sample's crypto prices are unscaled decimals too");

        // the market-hours entry is shaped exactly like LEAN's own Crypto-coinbase-[*] entry
        var ours = JsonNode.Parse(File.ReadAllText(Path.Combine(_folder, "market-hours", "market-hours-database.json")))!["entries"]!["Crypto-coinbase-MMCUSD"]!;
        var lean = JsonNode.Parse(File.ReadAllText(SampleData.Resolve("market-hours", "market-hours-database.json")))!["entries"]!["Crypto-coinbase-[*]"]!;
        Assert.That(JsonNode.DeepEquals(ours, lean), Is.True, ours.ToJsonString());

        // and the US-equity sessions LEAN's results analysis needs (for SPY) are LEAN's, holidays aside
        var ourEquity = JsonNode.Parse(File.ReadAllText(Path.Combine(_folder, "market-hours", "market-hours-database.json")))!["entries"]!["Equity-usa-[*]"]!;
        var leanEquity = JsonNode.Parse(File.ReadAllText(SampleData.Resolve("market-hours", "market-hours-database.json")))!["entries"]!["Equity-usa-[*]"]!;
        foreach (var key in new[] { "dataTimeZone", "exchangeTimeZone", "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday" })
        {
            Assert.That(JsonNode.DeepEquals(ourEquity[key], leanEquity[key]), Is.True, key);
        }

        // the symbol-properties header is LEAN's, and the row has the columns of LEAN's coinbase BTCUSD row
        var sampleSpdb = File.ReadAllLines(SampleData.Resolve("symbol-properties", "symbol-properties-database.csv"));
        var ourSpdb = File.ReadAllLines(Path.Combine(_folder, "symbol-properties", "symbol-properties-database.csv"));
        Assert.That(ourSpdb[0], Is.EqualTo(sampleSpdb[0]));
        var btc = sampleSpdb.Single(l => l.StartsWith("coinbase,BTCUSD,crypto,", StringComparison.Ordinal)).Split(',');
        var row = ourSpdb.Single(l => l.StartsWith("coinbase,MMCUSD,crypto,", StringComparison.Ordinal)).Split(',');
        Assert.That(row, Has.Length.EqualTo(btc.Length));
        Assert.That((row[4], row[5], row[6], row[7], row[8]), Is.EqualTo(("USD", "1", "0.00001", "1", "MMC-USD")));
    }

    [Test]
    public void ExistingReferenceFilesKeepTheirEntries()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "market-hours"));
        File.Copy(SampleData.Resolve("market-hours", "market-hours-database.json"), Path.Combine(_folder, "market-hours", "market-hours-database.json"));
        var before = JsonNode.Parse(File.ReadAllText(Path.Combine(_folder, "market-hours", "market-hours-database.json")))!["entries"]!.AsObject().Count;

        var writer = new LeanTickFileWriter(_folder, new SyntheticMarketSettings(days: 1));
        writer.WriteMarketHours();
        writer.WriteMarketHours();
        writer.WriteSymbolProperties();
        writer.WriteSymbolProperties();

        var after = JsonNode.Parse(File.ReadAllText(Path.Combine(_folder, "market-hours", "market-hours-database.json")))!["entries"]!.AsObject();
        Assert.That(after.Count, Is.EqualTo(before + 1));
        Assert.That(after.ContainsKey("Equity-usa-[*]"), Is.True);
        Assert.That(File.ReadAllLines(Path.Combine(_folder, "symbol-properties", "symbol-properties-database.csv")).Count(l => l.Contains("MMCUSD")), Is.EqualTo(1));
    }

    [Test]
    public void OrderFlowHasTheHawkesRateAndExponentialDepths()
    {
        var settings = new SyntheticMarketSettings(days: 2);
        var days = new SyntheticTickGenerator(settings, seed: 21).Days().ToList();

        // buys + sells form a univariate Hawkes with μ = 2·0.02/s and branching ratio ρ = α_self + α_cross = 0.4:
        // mean count μT/(1 − ρ) = 5,760 a day, variance ≈ mean/(1 − ρ)² (Bartlett spectrum at 0) → sd ≈ 126;
        // the two-day mean must lie within 4 sd/√2.
        var mean = days.Average(d => d.Trades.Count);
        Assert.That(mean, Is.EqualTo(5760).Within(4 * Math.Sqrt(5760 / 0.36) / Math.Sqrt(2)));

        // the walk beyond the touch is ⌊δ/tick⌋ ticks with δ ~ Exp(k): geometric with p = e^(−k·tick), mean p/(1 − p)
        // ticks, variance p/(1 − p)²; the sample mean must lie within 4 standard errors.
        var walks = days.SelectMany(d => d.Trades.Select(t => Walk(d, t, settings))).ToList();
        var p = Math.Exp(-settings.Dynamics.DepthDecay * (double)settings.Dynamics.TickSize);
        var expected = p / (1 - p);
        var standardError = Math.Sqrt(p / ((1 - p) * (1 - p)) / walks.Count);
        Assert.That(walks.Average(), Is.EqualTo(expected).Within(4 * standardError));
        Assert.That(walks.Min(), Is.Zero);
    }

    [Test]
    public void BadArgumentsFailWithOneLine()
    {
        var stderr = new StringWriter();
        var code = Program.Run(new[] { "generate-data", "--days", "x", "--out", _folder }, TextReader.Null, TextWriter.Null, stderr);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr.ToString().Trim(), Is.EqualTo("error: --days must be an integer, got 'x'"));

        stderr = new StringWriter();
        Assert.That(Program.Run(new[] { "generate-data" }, TextReader.Null, TextWriter.Null, stderr), Is.EqualTo(2));
        Assert.That(stderr.ToString(), Does.StartWith("error: usage: generate-data --out"));

        stderr = new StringWriter();
        Assert.That(Program.Run(new[] { "generate-data", "--out", _folder, "--locked-fraction", "0.5" }, TextReader.Null, TextWriter.Null, stderr), Is.EqualTo(2));
        Assert.That(stderr.ToString().Trim(), Is.EqualTo("error: --locked-fraction must be a number in [0, 0.4], got '0.5'"));
    }

    [Test]
    public void TheLockedFractionOptionWritesAndCountsBriefLocksAndCrosses()
    {
        var stdout = new StringWriter();
        Assert.That(Program.Run(new[] { "generate-data", "--out", _folder, "--days", "1", "--locked-fraction", "0.086" }, TextReader.Null, stdout, TextWriter.Null), Is.Zero);
        using var summary = System.Text.Json.JsonDocument.Parse(stdout.ToString());
        var quotes = summary.RootElement.GetProperty("quoteTicks").GetInt64();
        var locked = summary.RootElement.GetProperty("lockedOrCrossedQuoteTicks").GetInt64();
        Assert.That(locked / (double)quotes, Is.EqualTo(0.086).Within(0.005));
    }

    // ticks between the trade price and the touch it hit, from the book of the trade's second
    private static double Walk(SyntheticDay day, SyntheticTrade trade, SyntheticMarketSettings settings)
    {
        var second = trade.Milliseconds / 1000 * 1000;
        var book = day.Quotes.Last(q => q.Milliseconds <= second);
        var touch = trade.IsBuy ? book.Ask : book.Bid;
        return (double)(Math.Abs(trade.Price - touch) / settings.Dynamics.TickSize);
    }

    private static string[] Entries(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        return archive.Entries.Select(e => e.FullName).ToArray();
    }

    private static string EntryText(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        using var reader = new StreamReader(archive.Entries[0].Open());
        return reader.ReadToEnd();
    }

    private static string[] Lines(string zip) => EntryText(zip).Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
