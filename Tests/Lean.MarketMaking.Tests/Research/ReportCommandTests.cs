using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json;
using Lean.MarketMaking.Research;
using Lean.MarketMaking.Research.Commands;
using Lean.MarketMaking.Research.Data;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Research;

/// <summary>
/// <c>report</c> (issue 13 §7) on a small stored LEAN result (<c>TestData/lean-result</c>: the default run's result
/// JSON cut to its first 40 samples per series, with its fills): <see cref="LeanBacktestResult"/> reads every chart,
/// series and point as the JSON holds them (re-read here with <see cref="JsonDocument"/>; a candle's point is its
/// close), the statistics and the fills; the page embeds every picture it lists, the pictures are PNGs of the stated
/// size, the examples' charts come first, and the runtime statistics table holds every statistic.
/// </summary>
[TestFixture]
public class ReportCommandTests
{
    private static string Stored => Path.Combine(TestContext.CurrentContext.TestDirectory, "Research", "TestData", "lean-result");

    private string _out = null!;

    [SetUp]
    public void CreateFolder() => _out = Directory.CreateTempSubdirectory("mm-report-").FullName;

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_out, recursive: true);

    [Test]
    public void TheReaderReturnsEverySeriesWithTheValuesOfTheJson()
    {
        var result = LeanBacktestResult.Read(Stored);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(Stored, "AvellanedaStoikovAlgorithm.json")));
        var charts = json.RootElement.GetProperty("charts");

        Assert.That(result.Algorithm, Is.EqualTo("AvellanedaStoikovAlgorithm"));
        Assert.That(result.Charts.Select(c => c.Name), Is.EqualTo(charts.EnumerateObject().Select(c => c.Name)));
        foreach (var chart in charts.EnumerateObject())
        {
            var read = result.Chart(chart.Name)!;
            var series = chart.Value.GetProperty("series").EnumerateObject().ToArray();
            Assert.That(read.Series.Select(s => s.Name), Is.EqualTo(series.Select(s => s.Name)), chart.Name);
            foreach (var s in series)
            {
                var expected = s.Value.GetProperty("values").EnumerateArray()
                    .Select(v => (DateTime.UnixEpoch.AddSeconds(v[0].GetDouble()), v[v.GetArrayLength() - 1].GetDouble()))
                    .ToArray();
                Assert.That(read.Series.Single(r => r.Name == s.Name).Points.Select(p => (p.TimeUtc, p.Value)), Is.EqualTo(expected), $"{chart.Name}/{s.Name}");
            }
        }

        Assert.That(result.Chart("Quotes")!.Series.Select(s => s.Name), Is.SupersetOf(new[] { "Mid", "Bid", "Ask", "Reservation" }));
        Assert.That(result.Chart("Strategy Equity")!.Series[0].Points[1].Value, Is.EqualTo(209632.0), "a candle's point is its close");
        Assert.That(result.RuntimeStatistics, Is.EqualTo(json.RootElement.GetProperty("runtimeStatistics").EnumerateObject()
            .Select(p => new System.Collections.Generic.KeyValuePair<string, string>(p.Name, p.Value.GetString()!))));
        Assert.That(result.Statistics.Single(s => s.Key == "Total Orders").Value, Is.EqualTo("1318"));
        Assert.That(result.Parameters["as-max-inventory"], Is.EqualTo("50000"));

        using var events = JsonDocument.Parse(File.ReadAllText(Path.Combine(Stored, "AvellanedaStoikovAlgorithm-order-events.json")));
        var fills = events.RootElement.EnumerateArray().Where(e => e.GetProperty("fillQuantity").GetDouble() != 0)
            .Select(e => (DateTime.UnixEpoch.AddSeconds(e.GetProperty("time").GetDouble()), e.GetProperty("fillPrice").GetDouble(), e.GetProperty("fillQuantity").GetDouble()))
            .ToArray();
        Assert.That(fills, Has.Length.EqualTo(63));
        Assert.That(result.Fills.Select(f => (f.TimeUtc, f.Price, f.Quantity)), Is.EqualTo(fills));
        Assert.That(ReportCharts.InventoryLimit(result), Is.EqualTo(50000), "from the runtime statistic");
    }

    [Test]
    public void ThePageEmbedsEveryPictureAndTheStatistics()
    {
        var stdout = new StringWriter();
        Assert.That(Program.Run(new[] { "report", Stored, "--out", _out }, TextReader.Null, stdout, TextWriter.Null), Is.Zero);
        using var summary = JsonDocument.Parse(stdout.ToString());
        var pictures = summary.RootElement.GetProperty("pictures").EnumerateArray().Select(p => p.GetString()!).ToArray();
        var page = File.ReadAllText(summary.RootElement.GetProperty("page").GetString()!);

        // the examples' charts first, in the page's order; the quotes twice (the run, then a zoom)
        Assert.That(pictures.Take(8).Select(Path.GetFileName), Is.EqualTo(new[]
        {
            "01-quotes.png", "02-quotes-zoom.png", "03-inventory.png", "04-p-l.png", "05-strategy-equity.png", "06-drawdown.png",
            "07-markouts--ticks.png", "08-spread-captured.png",
        }));
        Assert.That(pictures, Has.Length.EqualTo(LeanBacktestResult.Read(Stored).Charts.Count + 1), "every chart has points here");
        foreach (var picture in pictures)
        {
            var png = File.ReadAllBytes(picture);
            Assert.That(png.Take(8), Is.EqualTo(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), picture);
            Assert.That((BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))),
                Is.EqualTo((ReportCharts.Width, ReportCharts.Height)), picture);
            Assert.That(page, Does.Contain("data:image/png;base64," + Convert.ToBase64String(png)), $"{picture} embedded");
        }

        foreach (var (name, value) in LeanBacktestResult.Read(Stored).RuntimeStatistics)
        {
            Assert.That(page, Does.Contain($"<tr><th>{WebUtility.HtmlEncode(name)}</th><td class=\"v\">{WebUtility.HtmlEncode(value)}</td></tr>"), name);
        }

        Assert.That(page, Does.Contain("63 fill events"));
    }

    [Test]
    public void AFolderWithoutALeanResultFailsWithOneLine()
    {
        var stderr = new StringWriter();
        Assert.That(Program.Run(new[] { "report", _out }, TextReader.Null, TextWriter.Null, stderr), Is.EqualTo(2));
        Assert.That(stderr.ToString().TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(stderr.ToString(), Does.Contain("holds no LEAN result"));

        stderr = new StringWriter();
        Assert.That(Program.Run(new[] { "report" }, TextReader.Null, TextWriter.Null, stderr), Is.EqualTo(2));
        Assert.That(stderr.ToString(), Does.Contain("usage: report"));
    }
}
