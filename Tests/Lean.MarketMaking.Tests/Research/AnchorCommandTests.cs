using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Lean.MarketMaking.Models.Anchor;
using Lean.MarketMaking.Models.Simulation;
using Lean.MarketMaking.Research;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Research;

[TestFixture]
public class AnchorCommandTests
{
    private string _folder = null!;

    [SetUp]
    public void SetUp() => _folder = Directory.CreateTempSubdirectory("anchor-command").FullName;

    [TearDown]
    public void TearDown() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void FilesGiveTheSameScoresAndDecisionsAsTheLibrary()
    {
        // The simulated contracts written as the command's CSV files, one per contract, then read back.
        var updates = TwoLegBookSimulator.Simulate(TwoLegSimulationSettings.Default(), 3, seed: 4);
        var files = new[] { Path.Combine(_folder, "near.csv"), Path.Combine(_folder, "far.csv") };
        for (var k = 0; k < 2; k++)
        {
            var text = new StringBuilder("seconds,kind,bid,bidSize,ask,askSize\n# contract " + k + "\n");
            foreach (var u in updates.Where(u => u.Contract == k))
            {
                text.AppendLine(u.IsTrade
                    ? string.Create(CultureInfo.InvariantCulture, $"{u.TimeSeconds:R},T,{(u.BuyerInitiated ? "B" : "S")}")
                    : string.Create(CultureInfo.InvariantCulture, $"{u.TimeSeconds:R},Q,{u.Book.BidPrice:R},{u.Book.BidSize:R},{u.Book.AskPrice:R},{u.Book.AskSize:R}"));
            }

            File.WriteAllText(files[k], text.ToString());
        }

        var (code, stdout, stderr) = Run("anchor", "--contract", files[0], "--contract", files[1]);
        Assert.That(code, Is.Zero, stderr);
        var expected = AnchorEvaluation.Run(updates, new AnchorSelector(2, new AnchorSettings()));
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.That(root.GetProperty("windows").GetInt64(), Is.EqualTo(expected.Windows));
        Assert.That(root.GetProperty("hawkes").GetProperty("picks").GetProperty("agreement").GetDouble(), Is.EqualTo(expected.HawkesPicks.Agreement));
        Assert.That(root.GetProperty("clf").GetProperty("anchors").GetProperty("kappa").GetDouble(), Is.EqualTo(expected.ClfAnchors.Kappa));
        var decisions = root.GetProperty("decisions");
        Assert.That(decisions.GetArrayLength(), Is.EqualTo(expected.Windows));
        Assert.That(decisions.EnumerateArray().Count(d => d.GetProperty("hawkesPick").GetInt32() >= 0), Is.GreaterThan(50));
    }

    [Test]
    public void LeanTickDataOfTheGeneratedLegsScoresAsTheSimulationItCameFrom()
    {
        // generate-data --two-legs writes the simulation of seed 6 (day 0) as LEAN ticks (times in ms, trades signed
        // again by the quote rule); read back by --data, the evaluation is that of --simulate on the same seed.
        var data = Path.Combine(_folder, "lean");
        Assert.That(Run("generate-data", "--out", data, "--two-legs", "--days", "1", "--leg-seconds", "5", "--seed", "6").Code, Is.Zero);
        var (code, stdout, stderr) = Run("anchor", "--data", data, "--security-type", "crypto", "--market", "coinbase", "--symbols", "LEGAUSD,LEGBUSD",
            "--start", "20240101", "--end", "20240101");
        Assert.That(code, Is.Zero, stderr);
        var (simulatedCode, simulated, _) = Run("anchor", "--simulate", "--seconds", "5", "--seed", "6");
        Assert.That(simulatedCode, Is.Zero);
        using var lean = JsonDocument.Parse(stdout);
        using var truth = JsonDocument.Parse(simulated);
        Assert.That(lean.RootElement.GetProperty("contracts")[1].GetString(), Is.EqualTo("LEGBUSD"));
        Assert.That(lean.RootElement.GetProperty("decisions").GetArrayLength(), Is.EqualTo(lean.RootElement.GetProperty("windows").GetInt64()));
        Assert.That(lean.RootElement.GetProperty("windows").GetInt64(), Is.EqualTo(truth.RootElement.GetProperty("windows").GetInt64()).Within(1));
        foreach (var (rule, kind) in new[] { ("hawkes", "picks"), ("clf", "picks") })
        {
            var a = lean.RootElement.GetProperty(rule).GetProperty(kind).GetProperty("agreement").GetDouble();
            var b = truth.RootElement.GetProperty(rule).GetProperty(kind).GetProperty("agreement").GetDouble();
            Assert.That(a, Is.EqualTo(b).Within(0.05), $"{rule} {kind}: LEAN data {a}, simulation {b}");
        }
    }

    [TestCase("--symbols", "LEGAUSD", "at least two distinct tickers")]
    [TestCase("--start", "2024-01-01", "--start must be yyyyMMdd")]
    [TestCase("--security-type", "bond", "--security-type must be")]
    public void BadLeanDataOptionsFailWithOneLine(string option, string value, string message)
    {
        var args = new[] { "anchor", "--data", _folder, "--security-type", "crypto", "--market", "coinbase", "--symbols", "A,B", "--start", "20240101", "--end", "20240101" }.ToList();
        args[args.IndexOf(option) + 1] = value;
        var (code, _, stderr) = Run(args.ToArray());
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stderr, Does.Contain(message));
    }

    [Test]
    public void SimulatePrintsScoresWithoutTheSeriesByDefault()
    {
        var (code, stdout, stderr) = Run("anchor", "--simulate", "--seconds", "2", "--seed", "3", "--vote-windows", "10");
        Assert.That(code, Is.Zero, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.That(root.GetProperty("windows").GetInt64(), Is.GreaterThan(150));
        Assert.That(root.TryGetProperty("decisions", out _), Is.False);
        Assert.That(root.GetProperty("refits")[0].GetProperty("attempted").GetInt32(), Is.GreaterThan(0));
    }

    [TestCase("bad-line", "expected 'seconds,Q,bid,bidSize,ask,askSize'")]
    [TestCase("crossed", "0 < bid < ask")]
    [TestCase("missing", "does not exist")]
    [TestCase("one-file", "at least two --contract files")]
    [TestCase("hysteresis", "voteHysteresis")]
    [TestCase("unknown", "unknown option")]
    public void BadInputPrintsOneLineAndExitsTwo(string kind, string mentions)
    {
        var good = Path.Combine(_folder, "good.csv");
        File.WriteAllText(good, "0.001,Q,100,5,100.05,5\n0.002,T,B\n");
        var bad = Path.Combine(_folder, "bad.csv");
        File.WriteAllText(bad, kind == "crossed" ? "0.001,Q,100.1,5,100.05,5\n" : "0.001,Q,100,5,100.05,5\n0.002,X\n");
        string[] args = kind switch
        {
            "missing" => new[] { "anchor", "--contract", good, "--contract", Path.Combine(_folder, "none.csv") },
            "one-file" => new[] { "anchor", "--contract", good },
            "hysteresis" => new[] { "anchor", "--simulate", "--seconds", "1", "--hysteresis", "2" },
            "unknown" => new[] { "anchor", "--simulate", "--fast", "1" },
            _ => new[] { "anchor", "--contract", good, "--contract", bad },
        };
        var (code, stdout, stderr) = Run(args);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(stderr, Does.Contain(mentions));
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Program.Run(args, new StringReader(""), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
