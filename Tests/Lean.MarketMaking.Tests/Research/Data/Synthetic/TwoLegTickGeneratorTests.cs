using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lean.MarketMaking.Models.Simulation;
using Lean.MarketMaking.Research;
using Lean.MarketMaking.Research.Data;
using Lean.MarketMaking.Research.Data.Synthetic;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Research.Data.Synthetic;

/// <summary>
/// <c>generate-data --two-legs</c>: the two related contracts of the anchor selection (<see cref="TwoLegTickGenerator"/>)
/// written as LEAN tick data with their bars and reference entries, read back by <see cref="LeanDataReader"/>, and
/// different as simulated: leg 1 thinner and burstier than leg 0.
/// </summary>
[TestFixture]
public class TwoLegTickGeneratorTests
{
    private string _folder = null!;

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("mm-two-legs-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void GenerateDataWritesBothLegsAsLeanTicksWithTheirBarsAndReferenceEntries()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = Program.Run(new[] { "generate-data", "--out", _folder, "--two-legs", "--days", "2", "--leg-seconds", "20", "--seed", "3" },
            TextReader.Null, stdout, stderr);
        Assert.That(code, Is.Zero, stderr.ToString());
        using var summary = JsonDocument.Parse(stdout.ToString());
        var legs = summary.RootElement.GetProperty("legs").EnumerateArray().ToArray();
        Assert.That(legs.Select(l => l.GetProperty("ticker").GetString()), Is.EqualTo(new[] { "LEGAUSD", "LEGBUSD" }));

        var reader = new LeanDataReader(_folder);
        var days = new[] { new DateOnly(2024, 1, 1), new DateOnly(2024, 1, 2) };
        foreach (var leg in legs)
        {
            var ticker = leg.GetProperty("ticker").GetString()!;
            var symbol = new LeanSymbol(LeanSecurityType.Crypto, "coinbase", ticker);
            long quotes = 0, trades = 0;
            foreach (var day in days)
            {
                var midnight = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
                var q = reader.ReadTicks(symbol, LeanDataType.Quote, day).ToList();
                var t = reader.ReadTicks(symbol, LeanDataType.Trade, day).ToList();
                Assert.That(q, Is.Not.Empty, $"{ticker} {day} quotes");
                Assert.That(t, Is.Not.Empty, $"{ticker} {day} trades");
                Assert.That(q.Concat(t).All(x => x.TimeUtc >= midnight && x.TimeUtc < midnight.AddSeconds(20)), Is.True, "the first 20 s of the day");
                Assert.That(q.All(x => x.BidPrice > 0 && x.BidPrice < x.AskPrice && x.BidSize >= 0 && x.AskSize >= 0), Is.True, "valid books");
                Assert.That(q.All(x => OnGrid(x.BidPrice) && OnGrid(x.AskPrice)) && t.All(x => OnGrid(x.Price) && x.Quantity > 0), Is.True, "tick 0.05, positive sizes");
                Assert.That(q[0].BidPrice, Is.InRange(21_000, 23_000));
                Assert.That(File.Exists(Path.Combine(_folder, "crypto", "coinbase", "minute", ticker.ToLowerInvariant(), $"{day:yyyyMMdd}_quote.zip")), Is.True, "minute bars");
                quotes += q.Count;
                trades += t.Count;
            }

            Assert.That(quotes, Is.EqualTo(leg.GetProperty("quoteTicks").GetInt64()));
            Assert.That(trades, Is.EqualTo(leg.GetProperty("tradeTicks").GetInt64()));
        }

        var hours = JsonNode.Parse(File.ReadAllText(Path.Combine(_folder, "market-hours", "market-hours-database.json")))!["entries"]!;
        Assert.That(hours["Crypto-coinbase-LEGAUSD"], Is.Not.Null);
        Assert.That(hours["Crypto-coinbase-LEGBUSD"], Is.Not.Null);
        var properties = File.ReadAllLines(Path.Combine(_folder, "symbol-properties", "symbol-properties-database.csv"));
        Assert.That(properties.Where(l => l.StartsWith("coinbase,LEGAUSD,crypto,", StringComparison.Ordinal) || l.StartsWith("coinbase,LEGBUSD,crypto,", StringComparison.Ordinal))
            .Select(l => l.Split(',')[6]), Is.EqualTo(new[] { "0.05", "0.05" }), "one row per leg, tick 0.05");
    }

    [Test]
    public void LegOneIsThinnerAndMovesMoreOftenThanLegZero()
    {
        var legs = GenerateDataLegs(days: 1);
        var (leg0, leg1) = new TwoLegTickGenerator(legs, 60, seed: 7).Days().Single();
        double MeanDepth(SyntheticDay d) => d.Quotes.Average(q => (double)(q.BidSize + q.AskSize) / 2);
        int PriceMoves(SyntheticDay d) => d.Quotes.Zip(d.Quotes.Skip(1)).Count(p => p.First.Bid != p.Second.Bid || p.First.Ask != p.Second.Ask);
        Assert.That(MeanDepth(leg1), Is.LessThan(0.8 * MeanDepth(leg0)), "leg 1 thinner (mean new level 3 lots against 6)");
        Assert.That(PriceMoves(leg1), Is.GreaterThan(PriceMoves(leg0)), "leg 1's touch moves more often");

        // every trade prints at a price its leg quoted at that millisecond or just before, for at least one lot
        foreach (var day in new[] { leg0, leg1 })
        {
            var quoteIndex = 0;
            foreach (var trade in day.Trades)
            {
                while (quoteIndex + 1 < day.Quotes.Count && day.Quotes[quoteIndex + 1].Milliseconds < trade.Milliseconds)
                {
                    quoteIndex++;
                }

                var touches = day.Quotes.Skip(quoteIndex).TakeWhile(q => q.Milliseconds <= trade.Milliseconds).Select(q => trade.IsBuy ? q.Ask : q.Bid);
                Assert.That(touches, Has.Member(trade.Price), $"trade at {trade.Milliseconds} ms");
                Assert.That(trade.Quantity, Is.GreaterThanOrEqualTo(1));
            }
        }
    }

    [Test]
    public void BadTwoLegArgumentsFailWithOneLine()
    {
        var stderr = new StringWriter();
        Assert.That(Program.Run(new[] { "generate-data", "--out", _folder, "--two-legs", "--leg-seconds", "0" }, TextReader.Null, TextWriter.Null, stderr), Is.EqualTo(2));
        Assert.That(stderr.ToString().Trim(), Is.EqualTo("error: --leg-seconds must be a number in (0, 86400), got '0'"));
        stderr = new StringWriter();
        Assert.That(Program.Run(new[] { "generate-data", "--out", _folder, "--two-legs", "--faults" }, TextReader.Null, TextWriter.Null, stderr), Is.EqualTo(2));
        Assert.That(stderr.ToString(), Does.Contain("--two-legs takes neither"));
    }

    private static SyntheticMarketSettings[] GenerateDataLegs(int days) =>
        new[] { "LEGAUSD", "LEGBUSD" }.Select(t => new SyntheticMarketSettings(t, days: days, dynamics: new SyntheticMarketDynamics(initialMid: 22_000, tickSize: 0.05m))).ToArray();

    private static bool OnGrid(double price) => Math.Abs((price / 0.05) - Math.Round(price / 0.05)) < 1e-6;
}
