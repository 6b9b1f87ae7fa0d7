using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using NUnit.Framework;

namespace Lean.MarketMaking.EndToEndTests;

/// <summary>
/// Issue 13 §4: a parameter sweep on LEAN's own optimizer (<c>scripts/optimize.sh</c> with
/// <c>optimization/avellaneda-stoikov-eurusd.json</c>, LEAN's <c>QuantConnect.Optimizer.Launcher</c> starting LEAN's
/// Launcher once per parameter set, 2 at a time) completes on one EURUSD day: 6 backtests, one per grid point, each
/// with its own parameters, and LEAN's optimizer reports the best set. Needs LEAN_BIN_DIR (a LEAN build with the optimizer).
/// </summary>
[TestFixture]
[Category("EndToEnd")]
[Explicit("needs a LEAN build with its optimizer: LEAN_BIN_DIR")]
public class OptimizerSweepTests
{
    [Test]
    public void ASixPointGridRunsOnLeansOptimizerAndReportsTheBestSet()
    {
        var root = TestContext.CurrentContext.TestDirectory;
        while (!File.Exists(Path.Combine(root, "run.sh")))
        {
            root = Path.GetDirectoryName(root) ?? throw new AssertionException("run.sh not found");
        }

        var results = Directory.CreateTempSubdirectory("mm-e2e-optimize-").FullName;
        var start = new ProcessStartInfo("bash") { WorkingDirectory = root, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "scripts/optimize.sh", "optimization/avellaneda-stoikov-eurusd.json", "AvellanedaStoikovAlgorithm", "as-end-day=1" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["MM_RESULTS_FOLDER"] = results;
        if (Environment.GetEnvironmentVariable("LEAN_MM_DATA") is { Length: > 0 } data)
        {
            start.Environment["MM_DATA_FOLDER"] = data;
        }

        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        Assert.That(process.WaitForExit(TimeSpan.FromMinutes(30)), Is.True, "the sweep did not finish in 30 minutes");
        Assert.That(process.ExitCode, Is.Zero, $"optimize.sh failed:\n{stderr.Result}\n{stdout}");
        TestContext.Progress.WriteLine(stdout);

        var rows = File.ReadAllLines(Path.Combine(results, "summary.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        Assert.That(rows, Has.Length.EqualTo(6), "3 risk aversions x 2 re-price thresholds");
        Assert.That(rows.Select(r => (r[0], r[1])).Distinct().Count(), Is.EqualTo(6), "each backtest ran its own parameter set");
        var log = File.ReadAllText(Path.Combine(results, "optimizer.log"));
        Assert.That(log, Does.Contain("Optimization has ended"));
        Assert.That(log, Does.Contain("was reached using ParameterSet"), "LEAN's optimizer reports the best set");
        Assert.That(log, Does.Not.Match("Failed:[1-9]"), "no backtest failed");
    }
}
