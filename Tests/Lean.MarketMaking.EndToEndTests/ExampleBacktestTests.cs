using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using NUnit.Framework;

namespace Lean.MarketMaking.EndToEndTests;

/// <summary>
/// Real LEAN backtests of the examples, through <c>run.sh</c> (LEAN's Launcher, no Docker), checked on LEAN's own
/// result summary: orders were sent and filled, the final inventory is inside the configured limit (plus one order,
/// which may fill while the flattening order works), and the P&amp;L is a finite number. Without LEAN the test fails
/// with run.sh's message (it never skips). LEAN's sample data folder comes from LEAN_MM_DATA or ../shared/data/lean.
/// Run: <c>dotnet test Tests/Lean.MarketMaking.EndToEndTests/Lean.MarketMaking.EndToEndTests.csproj --filter TestCategory=EndToEnd</c>
/// (with LEAN_BIN_DIR set, or NuGet access to QuantConnect.Lean).
/// </summary>
[TestFixture]
[Category("EndToEnd")]
[Explicit("needs a LEAN engine: the QuantConnect.Lean package or LEAN_BIN_DIR")]
public class ExampleBacktestTests
{
    [Test]
    public void AvellanedaStoikovOnTheSyntheticPair() =>
        Check(Run("AvellanedaStoikovAlgorithm", dataFolder: null), maxInventory: Parameter("as-max-inventory"), orderSize: Parameter("as-order-size"));

    [Test]
    public void AvellanedaStoikovOnOandaEurUsd() =>
        Check(Run("AvellanedaStoikovAlgorithm", SampleDataFolder()),
            maxInventory: Parameter("as-max-inventory"), orderSize: Parameter("as-order-size"));

    [Test]
    public void GlftWithOnlineCalibrationOnIbmTicks()
    {
        var summary = Run("GlftOnlineCalibrationAlgorithm", SampleDataFolder());
        Check(summary, maxInventory: Parameter("glft-max-inventory"), orderSize: Parameter("glft-order-size"));
        // IBM's quote ticks are one-sided: the order-flow alpha must still sign the trades and emit insights
        Assert.That(Number(Section(summary, "runtimeStatistics"), "Order-flow insights"), Is.GreaterThan(0));
    }

    [Test]
    public void CarteaJaimungalWithJumpsAndRegimesOnBtcUsdMinutes()
    {
        var summary = Run("CarteaJaimungalRegimeAlgorithm", SampleDataFolder());
        Check(summary, maxInventory: Parameter("cj-max-inventory"), orderSize: Parameter("cj-lot-size"));

        // the jump and regime-volatility alphas ran on the minute mids and emitted insights (LEAN's summary does not count
        // insights: the example reports its alphas' counts as runtime statistics)
        var runtime = Section(summary, "runtimeStatistics");
        Assert.That(Number(runtime, "Jumps seen by the jump alpha"), Is.GreaterThan(0), "jumps detected");
        Assert.That(Number(runtime, "Jump insights"), Is.GreaterThan(0), "jump price insights emitted");
        Assert.That(Number(runtime, "Volatility insights"), Is.GreaterThan(0), "volatility insights emitted");
    }

    [Test]
    public void GueantMultiAssetOnSpyAndIbmMinutes()
    {
        var (summary, results) = RunWithResults("GueantMultiAssetAlgorithm", SampleDataFolder());
        Check(summary, maxInventory: Parameter("gm-max-inventory"), orderSize: Parameter("gm-order-size"), "SPY", "IBM");

        // quotes are pulled gm-pull-before-close-minutes before the 16:00 New York close (EDT in October 2013: UTC−4)
        // and none is placed again before the next open
        var lastQuoteTime = new TimeSpan(16, 0, 0) - TimeSpan.FromMinutes(Parameter("gm-pull-before-close-minutes"));
        using var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(results, "GueantMultiAssetAlgorithm.json")));
        var lateQuotes = result.RootElement.GetProperty("orders").EnumerateObject()
            .Where(o => o.Value.GetProperty("tag").GetString() is "mm bid" or "mm ask")
            .Select(o => o.Value.GetProperty("createdTime").GetDateTime().ToUniversalTime().AddHours(-4))
            .Where(created => created.TimeOfDay >= lastQuoteTime)
            .ToArray();
        Assert.That(lateQuotes, Is.Empty, "no quote placed in the last minutes before the close");
    }

    /// <summary>
    /// Issue 4's robustness day in a real backtest: <c>generate-data --faults</c> writes two synthetic days full of bad
    /// data (crossed, locked, zero, negative and ×1.5, ×10 and ×0.1 spiking quotes, zero and negative trade prices,
    /// duplicated and out-of-order timestamps, a one-hour gap); the Avellaneda–Stoikov example runs on them to the end,
    /// LEAN rejects none of its orders, every limit price it sends and every fill is positive, on the tick grid and within
    /// 5 % of the first one (no quote follows a spike), LEAN's portfolio value never jumps by a bad print (the
    /// <c>BadPrintDataFilter</c> keeps them out of LEAN's cache), and the log names every kind of bad input it dropped
    /// or did not quote.
    /// </summary>
    [Test]
    public void AvellanedaStoikovOnABadDayRunsToTheEndWithoutABadOrder()
    {
        var data = Directory.CreateTempSubdirectory("mm-e2e-bad-day-").FullName;
        var generate = Process(Root, "dotnet", "run", "-c", "Release", "--project", "Research", "--",
            "generate-data", "--out", data, "--days", "2", "--seed", "3", "--faults");
        using (var faults = JsonDocument.Parse(generate))
        {
            Assert.That(faults.RootElement.GetProperty("faults").GetProperty("spikes").GetInt32(), Is.GreaterThan(0));
        }

        // the algorithm's day starts at midnight New York: start a day early so that the whole UTC data day is seen
        var (summary, results) = RunWithResults("AvellanedaStoikovAlgorithm", data,
            "as-security-type=Crypto", "as-market=coinbase", "as-ticker=MMCUSD", "as-session-start-hour=0",
            "as-start-year=2023", "as-start-month=12", "as-start-day=31", "as-end-year=2024", "as-end-month=1", "as-end-day=2");
        Check(summary, maxInventory: Parameter("as-max-inventory"), orderSize: Parameter("as-order-size"));

        const decimal tick = 0.00001m; // generate-data's default MMCUSD tick size
        using var events = JsonDocument.Parse(File.ReadAllText(Path.Combine(results, "AvellanedaStoikovAlgorithm-order-events.json")));
        var prices = events.RootElement.EnumerateArray()
            .Where(e => e.GetProperty("status").GetString() is "submitted" or "updateSubmitted")
            .Select(e => e.GetProperty("limitPrice").GetDecimal())
            .ToArray();
        Assert.That(prices, Is.Not.Empty);
        Assert.That(prices, Has.All.GreaterThan(0m), "positive prices only");
        Assert.That(prices.Where(p => p % tick != 0), Is.Empty, "prices on the tick grid");
        Assert.That(prices.Where(p => Math.Abs(p / prices[0] - 1m) > 0.05m), Is.Empty, "no quote priced off a spike");
        var fills = events.RootElement.EnumerateArray()
            .Where(e => e.GetProperty("status").GetString() is "filled" or "partiallyFilled")
            .Select(e => e.GetProperty("fillPrice").GetDecimal())
            .ToArray();
        Assert.That(fills, Is.Not.Empty);
        Assert.That(fills.Where(p => p <= 0 || Math.Abs(p / prices[0] - 1m) > 0.05m), Is.Empty, "no fill at a bad price");
        Assert.That(events.RootElement.EnumerateArray().Select(e => e.GetProperty("status").GetString()), Has.None.EqualTo("invalid"),
            "LEAN rejected no order");

        // LEAN's equity chart (candles [time, open, high, low, close]): inventory of at most 50,000 MMCUSD ≈ $55,000
        // marked at a ×1.5 print would move it by ~$27,000, at a ×10 print by ~$500,000; ordinary moves are tens of dollars
        using (var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(results, "AvellanedaStoikovAlgorithm.json"))))
        {
            var equity = result.RootElement.GetProperty("charts").GetProperty("Strategy Equity").GetProperty("series")
                .GetProperty("Equity").GetProperty("values").EnumerateArray()
                .Select(c => (High: c[2].GetDouble(), Low: c[3].GetDouble(), Close: c[4].GetDouble()))
                .ToArray();
            var largestMove = equity.Zip(equity.Skip(1))
                .Max(p => Math.Max(Math.Abs(p.Second.Close - p.First.Close), p.Second.High - p.Second.Low));
            Assert.That(largestMove, Is.LessThan(1_000), "LEAN's portfolio value never jumps by a bad print");
        }

        var log = File.ReadAllLines(Path.Combine(results, "AvellanedaStoikovAlgorithm-log.txt"));
        foreach (var kind in new[] { "NonPositive", "Spike" })
        {
            Assert.That(log, Has.Some.Contains($"BadPrintDataFilter: dropped MMCUSD {kind} "), $"{kind} dropped before LEAN's cache");
        }

        // a crossed book that persists reaches portfolio construction (the filter drops only quotes crossed by more than 0.1 %)
        Assert.That(log, Has.Some.Contains("not quoting MMCUSD: Crossed ("), "Crossed not quoted");
        Assert.That(Number(Section(summary, "runtimeStatistics"), "Bad prints dropped"), Is.GreaterThanOrEqualTo(
            Injected(generate, "zeroOrNegative") - 10 + Injected(generate, "spikes") + Injected(generate, "largeSpikes")),
            "every zero or negative print but the 5 one-sided zero bids a day (LEAN's cache keeps the previous bid), and every spike");
        Assert.That(log, Has.None.Contains("Order Error"), "no order error from LEAN");
        Assert.That(log, Has.None.Contains("conversion rate"), "no order rejected for a zero conversion rate");
    }

    /// <summary>
    /// LEAN's own <c>MaximumDrawdownPercentPerSecurity</c> beside the market maker (<c>as-max-drawdown-percent</c>): its
    /// plain zero targets must make the execution model flatten the holding with marketable limit orders (tag
    /// "mm flatten"), and quoting must resume afterwards, on two EURUSD days with a 0.02 % limit that trips often.
    /// </summary>
    [Test]
    public void AStockLeanRiskModelsZeroTargetFlattensAndQuotingResumes()
    {
        var (summary, results) = RunWithResults("AvellanedaStoikovAlgorithm", SampleDataFolder(),
            "as-max-drawdown-percent=0.0002", "as-end-day=2");
        Check(summary, maxInventory: Parameter("as-max-inventory"), orderSize: Parameter("as-order-size"));

        using var result = JsonDocument.Parse(File.ReadAllText(Path.Combine(results, "AvellanedaStoikovAlgorithm.json")));
        var orders = result.RootElement.GetProperty("orders").EnumerateObject()
            .Select(o => (Id: o.Value.GetProperty("id").GetInt32(), Tag: o.Value.GetProperty("tag").GetString()))
            .OrderBy(o => o.Id)
            .ToArray();
        var flattens = orders.Where(o => o.Tag == "mm flatten").ToArray();
        Assert.That(flattens, Is.Not.Empty, "the drawdown limit tripped and the holding was flattened");
        Assert.That(orders.Where(o => o.Id > flattens[^1].Id && o.Tag is "mm bid" or "mm ask"), Is.Not.Empty, "quoting resumed");
    }

    private static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "run.sh")))
                {
                    return dir.FullName;
                }
            }

            throw new AssertionException("run.sh not found above " + TestContext.CurrentContext.TestDirectory);
        }
    }

    private static string SampleDataFolder() =>
        Environment.GetEnvironmentVariable("LEAN_MM_DATA") is { Length: > 0 } folder ? folder : Path.GetFullPath(Path.Combine(Root, "..", "shared", "data", "lean"));

    private static int Injected(string generateDataSummary, string kind)
    {
        using var summary = JsonDocument.Parse(generateDataSummary);
        return summary.RootElement.GetProperty("faults").GetProperty(kind).GetInt32();
    }

    private static double Parameter(string name)
    {
        using var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "config.json")));
        return double.Parse(config.RootElement.GetProperty("parameters").GetProperty(name).GetString()!, CultureInfo.InvariantCulture);
    }

    private static JsonElement Run(string algorithm, string? dataFolder, params string[] parameters) =>
        RunWithResults(algorithm, dataFolder, parameters).Summary;

    private static string Process(string workingDirectory, string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(10)), Is.True, $"{file} did not finish in 10 minutes");
        Assert.That(process.ExitCode, Is.Zero, $"{file} {string.Join(' ', arguments)} failed:\n{stderr.Result}");
        return stdout;
    }

    private static (JsonElement Summary, string Results) RunWithResults(string algorithm, string? dataFolder, params string[] parameters)
    {
        var results = Directory.CreateTempSubdirectory($"mm-e2e-{algorithm}-").FullName;
        var start = new ProcessStartInfo("bash") { WorkingDirectory = Root, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("run.sh");
        start.ArgumentList.Add(algorithm);
        foreach (var parameter in parameters)
        {
            start.ArgumentList.Add(parameter);
        }

        start.Environment["MM_RESULTS_FOLDER"] = results;
        if (dataFolder is not null)
        {
            start.Environment["MM_DATA_FOLDER"] = dataFolder;
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(30)), Is.True, "backtest did not finish in 30 minutes");
        Assert.That(process.ExitCode, Is.Zero, $"run.sh failed:\n{stderr}\n{stdout.Result[^Math.Min(4000, stdout.Result.Length)..]}");

        var summary = Path.Combine(results, $"{algorithm}-summary.json");
        Assert.That(File.Exists(summary), Is.True, $"LEAN wrote no {summary}");
        return (JsonDocument.Parse(File.ReadAllText(summary)).RootElement.Clone(), results);
    }

    /// <param name="summary">LEAN's summary.</param>
    /// <param name="maxInventory">Inventory limit of each quoted security.</param>
    /// <param name="orderSize">Quote size.</param>
    /// <param name="tickers">The tickers of a jointly quoted group, whose statistics are per ticker ("Fills SPY");
    /// none for a single quoted security.</param>
    private static void Check(JsonElement summary, double maxInventory, double orderSize, params string[] tickers)
    {
        var statistics = Section(summary, "statistics");
        var runtime = Section(summary, "runtimeStatistics");
        Assert.That(Number(statistics, "Total Orders"), Is.GreaterThan(0), "orders sent");
        Assert.That(double.IsFinite(Number(runtime, "Net Profit")), Is.True, "P&L finite");
        foreach (var suffix in tickers.Length == 0 ? new[] { string.Empty } : tickers.Select(t => " " + t))
        {
            Assert.That(Number(runtime, "Fills" + suffix), Is.GreaterThan(0), $"orders filled{suffix}");
            Assert.That(Math.Abs(Number(runtime, "Final inventory" + suffix)), Is.LessThanOrEqualTo(maxInventory + orderSize),
                $"final inventory{suffix} within the limit");
            Assert.That(double.IsFinite(Number(runtime, "Avg spread captured" + suffix)), Is.True);
        }
    }

    private static Dictionary<string, string> Section(JsonElement summary, string name)
    {
        var section = summary.EnumerateObject().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        Assert.That(section.Value.ValueKind, Is.EqualTo(JsonValueKind.Object), $"summary has no '{name}'");
        return section.Value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
    }

    // LEAN formats statistics as text: "1,234", "$-12.34", "0.5%"
    private static double Number(Dictionary<string, string> section, string key)
    {
        Assert.That(section, Contains.Key(key));
        var text = new string(section[key].Where(c => char.IsDigit(c) || c is '.' or '-' or 'E' or 'e' or '+').ToArray());
        Assert.That(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value), Is.True, $"{key} = '{section[key]}'");
        return value;
    }
}
