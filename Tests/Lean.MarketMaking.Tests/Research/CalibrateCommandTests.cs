using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Lean.MarketMaking.Research;
using Lean.MarketMaking.Research.Data;
using Lean.MarketMaking.Tests.Support;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Research;

/// <summary>
/// <c>calibrate</c> on the sample LEAN data: EURUSD quote ticks (forex, two days), IBM trade and quote ticks (equity, one
/// day) and BTCUSD minute bars (crypto, two days). Each run happens once per fixture; the bounds are wide enough for the
/// market but narrow enough to catch unit errors (a variance per minute reported per second is off by 60×, an
/// annualisation with the wrong year by √(365/252) or more).
/// </summary>
[TestFixture]
public class CalibrateCommandTests
{
    private static readonly Dictionary<string, (JsonElement Root, string Stderr)> Runs = new();

    [Test]
    public void EurUsdTicksGiveAPlausibleVolatilityAndNoTradeModels()
    {
        var (root, stderr) = Calibrate("forex", "oanda", "EURUSD", "tick", "20140501", "20140502");
        Assert.That(stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(2), "one progress line per day");
        var vol = root.GetProperty("volatility");
        Assert.That(vol.GetProperty("secondsPerYear").GetDouble(), Is.EqualTo(260 * 86_400.0));
        foreach (var estimator in new[] { "realisedVariance", "bipowerVariation", "twoScaleRealisedVariance", "ewma" })
        {
            // EURUSD's realised volatility in 2014 was 3–10% a year.
            Assert.That(vol.GetProperty(estimator).GetProperty("annualisedVolatility").GetDouble(), Is.InRange(0.01, 0.30), estimator);
        }

        var rv = vol.GetProperty("realisedVariance");
        Assert.That(
            rv.GetProperty("variancePerSecond").GetDouble(),
            Is.EqualTo(rv.GetProperty("integratedVariance").GetDouble() / rv.GetProperty("elapsedSeconds").GetDouble()).Within(1e-12).Percent);
        AssertUnavailable(root, "tradingIntensity");
        AssertUnavailable(root, "hawkes");
        AssertHurstAndRegimes(root);
        var bns = root.GetProperty("jumps").GetProperty("bnsPerDay");
        Assert.That(bns.GetArrayLength(), Is.EqualTo(2));
        var lm = root.GetProperty("jumps").GetProperty("leeMykland");
        Assert.That(lm.GetProperty("window").GetInt32(), Is.EqualTo(612), "K = ceil(sqrt(260 x 1440 one-minute returns a year))");
        foreach (var jump in lm.GetProperty("found").EnumerateArray())
        {
            Assert.That(Math.Abs(jump.GetProperty("statistic").GetDouble()), Is.GreaterThan(lm.GetProperty("threshold").GetDouble()));
            var time = DateTime.Parse(jump.GetProperty("timeUtc").GetString()!, null, System.Globalization.DateTimeStyles.RoundtripKind);
            Assert.That(time, Is.InRange(new DateTime(2014, 5, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2014, 5, 3, 0, 0, 0, DateTimeKind.Utc)));
        }
    }

    [Test]
    public void EurUsdRealisedVarianceOfOneDayMatchesAnIndependentRecomputation()
    {
        var (root, _) = Calibrate("forex", "oanda", "EURUSD", "tick", "20140501", "20140501");
        var printed = root.GetProperty("volatility").GetProperty("realisedVariance").GetProperty("integratedVariance").GetDouble();

        // Recompute from the reader: two-sided mids, minus OANDA's daily break 16:58–17:03 New York (20:58–21:03 UTC in
        // May), previous-tick sampled on the whole minutes, sum of squared log-returns.
        var reader = new LeanDataReader(SampleData.LeanDataFolder);
        var mids = new List<(DateTime Time, double Mid)>();
        foreach (var tick in reader.ReadTicks(new LeanSymbol(LeanSecurityType.Forex, "oanda", "EURUSD"), LeanDataType.Quote, new DateOnly(2014, 5, 1)))
        {
            var minuteOfDay = tick.TimeUtc.TimeOfDay.TotalMinutes;
            if (tick.BidPrice < tick.AskPrice && !(minuteOfDay >= 20 * 60 + 58 && minuteOfDay < 21 * 60 + 3))
            {
                mids.Add((tick.TimeUtc, 0.5 * (tick.BidPrice + tick.AskPrice)));
            }
        }

        var sum = 0.0;
        var previous = double.NaN;
        var i = 0;
        for (var minute = Ceiling(mids[0].Time); minute <= mids[^1].Time; minute = minute.AddMinutes(1))
        {
            while (i + 1 < mids.Count && mids[i + 1].Time <= minute)
            {
                i++;
            }

            if (!double.IsNaN(previous))
            {
                var r = Math.Log(mids[i].Mid / previous);
                sum += r * r;
            }

            previous = mids[i].Mid;
        }

        // Same data and same sums in the same order: equal up to rounding.
        Assert.That(printed, Is.EqualTo(sum).Within(1e-9).Percent);
    }

    [Test]
    public void IbmTicksGiveIntensityHawkesAndVolatility()
    {
        var (root, _) = Calibrate("equity", "usa", "IBM", "tick", "20131007", "20131007");
        var vol = root.GetProperty("volatility");
        Assert.That(vol.GetProperty("secondsPerYear").GetDouble(), Is.EqualTo(252 * 23_400.0), "252 regular sessions of 6.5 h");
        foreach (var estimator in new[] { "realisedVariance", "bipowerVariation", "twoScaleRealisedVariance", "ewma" })
        {
            // IBM's realised volatility in October 2013 was around 10–25% a year.
            Assert.That(vol.GetProperty(estimator).GetProperty("annualisedVolatility").GetDouble(), Is.InRange(0.03, 0.60), estimator);
        }

        Assert.That(root.GetProperty("sessionSeconds").GetDouble(), Is.InRange(23_000, 23_400), "regular session only");
        var intensity = root.GetProperty("tradingIntensity");
        // The depth grid is half of IBM's tick, read from the symbol-properties database's usa/[*]/equity row (0.01).
        Assert.That(intensity.GetProperty("minimumPriceVariation").GetDouble(), Is.EqualTo(0.01).Within(1e-15));
        Assert.That(intensity.GetProperty("depthStep").GetDouble(), Is.EqualTo(0.005).Within(1e-15));
        foreach (var side in new[] { "bid", "ask" })
        {
            var fit = intensity.GetProperty(side);
            // About one fill every few seconds at the touch, decaying by e within a few cents.
            Assert.That(fit.GetProperty("aPerSecond").GetDouble(), Is.InRange(0.01, 10), side);
            Assert.That(fit.GetProperty("kPerPriceUnit").GetDouble(), Is.InRange(5, 1_000), side);
        }

        var hawkes = root.GetProperty("hawkes");
        Assert.That(hawkes.GetProperty("spectralRadius").GetDouble(), Is.GreaterThan(0).And.LessThan(1));
        Assert.That(hawkes.GetProperty("mu").EnumerateArray().Select(m => m.GetDouble()), Has.All.GreaterThan(0));
        Assert.That(hawkes.GetProperty("alpha").EnumerateArray().SelectMany(r => r.EnumerateArray()).Select(a => a.GetDouble()), Has.All.GreaterThanOrEqualTo(0));
        Assert.That(hawkes.GetProperty("beta").GetDouble(), Is.GreaterThan(0));
        Assert.That(hawkes.GetProperty("ksPValue").GetDouble(), Is.InRange(0, 1));
        var counts = hawkes.GetProperty("counts").EnumerateArray().Select(c => c.GetDouble()).ToArray();
        Assert.That(counts, Has.All.GreaterThan(1_000), "thousands of buys and sells in a day");
        Assert.That(counts.Sum(), Is.LessThanOrEqualTo(hawkes.GetProperty("trades").GetDouble()));
        AssertHurstAndRegimes(root);
        Assert.That(root.GetProperty("jumps").GetProperty("leeMykland").GetProperty("window").GetInt32(), Is.EqualTo(314), "ceil(sqrt(252 x 390))");
    }

    [Test]
    public void BtcUsdMinuteBarsGiveVolatilityJumpsAndRegimes()
    {
        var (root, stderr) = Calibrate("crypto", "coinbase", "BTCUSD", "minute", "20170903", "20170904");
        Assert.That(stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(2));
        var vol = root.GetProperty("volatility");
        Assert.That(vol.GetProperty("secondsPerYear").GetDouble(), Is.EqualTo(365 * 86_400.0));
        // Bitcoin's volatility in September 2017 was of the order of 50–150% a year.
        Assert.That(vol.GetProperty("realisedVariance").GetProperty("annualisedVolatility").GetDouble(), Is.InRange(0.2, 3.0));
        AssertUnavailable(vol, "twoScaleRealisedVariance");
        AssertUnavailable(root, "tradingIntensity");
        AssertUnavailable(root, "hawkes");
        AssertHurstAndRegimes(root);
        var summary = root.GetProperty("jumps").GetProperty("leeMykland").GetProperty("summaryLogReturn");
        var found = root.GetProperty("jumps").GetProperty("leeMykland").GetProperty("found").GetArrayLength();
        Assert.That(
            summary.GetProperty("intensityPerSecond").GetDouble() * summary.GetProperty("observedSeconds").GetDouble(),
            Is.EqualTo(found).Within(1e-9),
            "intensity × observed time = number of jumps found");
    }

    [TestCase("missing-folder", "does not exist")]
    [TestCase("unknown-symbol", "xxxyyy")]
    [TestCase("unknown-market", "nowhere")]
    [TestCase("no-data-in-range", "no quote file between 2020-01-01")]
    [TestCase("bad-date", "--start")]
    [TestCase("bad-resolution", "--resolution")]
    [TestCase("bad-security-type", "--security-type")]
    [TestCase("end-before-start", "--end")]
    [TestCase("missing-option", "--symbol")]
    [TestCase("unknown-option", "--foo")]
    public void BadInputPrintsOneLineAndExitsTwo(string problem, string mentions)
    {
        var data = SampleData.LeanDataFolder;
        var args = new Dictionary<string, string>
        {
            ["--data"] = data, ["--security-type"] = "forex", ["--market"] = "oanda", ["--symbol"] = "EURUSD",
            ["--resolution"] = "tick", ["--start"] = "20140501", ["--end"] = "20140501",
        };
        switch (problem)
        {
            case "missing-folder": args["--data"] = Path.Combine(data, "does-not-exist"); break;
            case "unknown-symbol": args["--symbol"] = "XXXYYY"; break;
            case "unknown-market": args["--market"] = "nowhere"; break;
            case "no-data-in-range": args["--start"] = "20200101"; args["--end"] = "20200102"; break;
            case "bad-date": args["--start"] = "20140231"; break;
            case "bad-resolution": args["--resolution"] = "hour"; break;
            case "bad-security-type": args["--security-type"] = "bond"; break;
            case "end-before-start": args["--start"] = "20140502"; break;
            case "missing-option": args.Remove("--symbol"); break;
            case "unknown-option": args["--foo"] = "1"; break;
        }

        var (code, stdout, stderr) = Run(new[] { "calibrate" }.Concat(args.SelectMany(a => new[] { a.Key, a.Value })).ToArray());
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1), stderr);
        Assert.That(stderr, Does.Contain(mentions));
    }

    [Test]
    public void CorruptDataOnALaterDayLeavesOnlyTheErrorLine()
    {
        // IBM minute bars of 2013-10-07 (good) and 2013-10-08 (quote file overwritten with garbage): day 1's progress
        // line is printed as it is read (progress is live for long runs), then the error is one line naming the file.
        var folder = Path.Combine(Path.GetTempPath(), "calibrate-corrupt-" + Guid.NewGuid().ToString("N"));
        try
        {
            CopyDirectory(Path.Combine(SampleData.LeanDataFolder, "market-hours"), Path.Combine(folder, "market-hours"));
            var bars = Path.Combine(folder, "equity", "usa", "minute", "ibm");
            Directory.CreateDirectory(bars);
            foreach (var name in new[] { "20131007_quote.zip", "20131007_trade.zip", "20131008_trade.zip" })
            {
                File.Copy(Path.Combine(SampleData.LeanDataFolder, "equity", "usa", "minute", "ibm", name), Path.Combine(bars, name));
            }

            File.WriteAllText(Path.Combine(bars, "20131008_quote.zip"), "not a zip");
            var (code, stdout, stderr) = Run(
                "calibrate", "--data", folder, "--security-type", "equity", "--market", "usa", "--symbol", "ibm",
                "--resolution", "minute", "--start", "20131007", "--end", "20131008");
            Assert.That(code, Is.EqualTo(2));
            Assert.That(stdout, Is.Empty);
            var lines = stderr.TrimEnd().Split('\n');
            Assert.That(lines, Has.Length.EqualTo(2), stderr);
            Assert.That(lines[0], Does.StartWith("calibrate: 2013-10-07:"));
            Assert.That(lines[1], Does.StartWith("error:").And.Contain("20131008_quote.zip"));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static void CopyDirectory(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var directory in Directory.GetDirectories(from))
        {
            CopyDirectory(directory, Path.Combine(to, Path.GetFileName(directory)));
        }
    }

    private static void AssertHurstAndRegimes(JsonElement root)
    {
        Assert.That(root.GetProperty("hurst").GetProperty("hurst").GetDouble(), Is.GreaterThan(0).And.LessThan(1));
        var regimes = root.GetProperty("regimes");
        var states = regimes.GetProperty("states").EnumerateArray().ToArray();
        Assert.That(states, Has.Length.EqualTo(2));
        Assert.That(states.Sum(s => s.GetProperty("fractionOfTime").GetDouble()), Is.EqualTo(1).Within(1e-9));
        Assert.That(states[0].GetProperty("volatilityPerStep").GetDouble(), Is.LessThanOrEqualTo(states[1].GetProperty("volatilityPerStep").GetDouble()), "state 0 is the calmer");
        Assert.That(states.Select(s => s.GetProperty("expectedDurationSteps").GetDouble()), Has.All.GreaterThanOrEqualTo(1));
        foreach (var row in regimes.GetProperty("transitionMatrix").EnumerateArray())
        {
            Assert.That(row.EnumerateArray().Sum(p => p.GetDouble()), Is.EqualTo(1).Within(1e-9));
        }
    }

    private static void AssertUnavailable(JsonElement parent, string name)
    {
        Assert.That(parent.GetProperty(name).ValueKind, Is.EqualTo(JsonValueKind.Null), name);
        Assert.That(parent.GetProperty(name + "Reason").GetString(), Is.Not.Empty, name);
    }

    private static DateTime Ceiling(DateTime time)
    {
        var floor = new DateTime(time.Ticks - time.Ticks % TimeSpan.TicksPerMinute, DateTimeKind.Utc);
        return floor == time ? floor : floor.AddMinutes(1);
    }

    private static (JsonElement Root, string Stderr) Calibrate(string type, string market, string symbol, string resolution, string start, string end)
    {
        var key = string.Join(" ", type, market, symbol, resolution, start, end);
        lock (Runs)
        {
            if (!Runs.TryGetValue(key, out var run))
            {
                var (code, stdout, stderr) = Run(
                    "calibrate", "--data", SampleData.LeanDataFolder, "--security-type", type, "--market", market, "--symbol", symbol,
                    "--resolution", resolution, "--start", start, "--end", end);
                Assert.That(code, Is.Zero, stderr);
                Assert.That(stdout.TrimEnd().Split('\n'), Has.Length.EqualTo(1), "one JSON object on one line");
                var root = JsonDocument.Parse(stdout).RootElement.Clone();
                AssertAllNumbersFinite(root, "$");
                run = (root, stderr);
                Runs[key] = run;
            }

            return run;
        }
    }

    private static void AssertAllNumbersFinite(JsonElement element, string path)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                Assert.That(double.IsFinite(element.GetDouble()), Is.True, path);
                break;
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    AssertAllNumbersFinite(p.Value, path + "." + p.Name);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    AssertAllNumbersFinite(item, $"{path}[{i++}]");
                }

                break;
        }
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Program.Run(args, TextReader.Null, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
