using System.IO;
using System.Linq;
using System.Text.Json;
using Lean.MarketMaking.Models.Quoting.CarteaJaimungal;
using Lean.MarketMaking.Models.Risk;
using Lean.MarketMaking.Research;
using Lean.MarketMaking.Tests.Risk;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Research;

[TestFixture]
public class RiskCommandTests
{
    [Test]
    public void ParametricVarOfOneAssetIsTheNormalClosedForm()
    {
        // Returns ±2 % alternate: second moment 0.0004, σ = 2 %; exposure 10·100 = 1,000:
        // VaR = 2.3263478740408408·20 = 46.526957480816816, ES = 20·2.665214220345808 = 53.30428440691616; horizon 4 doubles both.
        var returns = string.Join(",", Enumerable.Range(0, 200).Select(t => t % 2 == 0 ? "[0.02]" : "[-0.02]"));
        var root = Risk($$"""{"inventory":[10],"prices":[100],"returns":[{{returns}}],"confidence":0.99,"horizon":4,"method":"parametric"}""");
        Assert.That(root.GetProperty("var").GetDouble(), Is.EqualTo(2 * 46.526957480816816).Within(1e-9));
        Assert.That(root.GetProperty("es").GetDouble(), Is.EqualTo(2 * 53.30428440691616).Within(1e-9));
        Assert.That(root.GetProperty("components")[0].GetDouble(), Is.EqualTo(2 * 46.526957480816816).Within(1e-9));
    }

    [TestCase("historical")]
    [TestCase("parametric")]
    [TestCase("cornish-fisher")]
    [TestCase("filtered-historical")]
    [TestCase("monte-carlo")]
    public void EveryMethodPrintsTheLibraryValuesAndStressPnl(string method)
    {
        // Stress: inventory (10, −5) at prices (100, 50) = exposures (1,000, −250); shock (−10 %, +20 %):
        // P&L = 1,000·(−0.1) − 250·0.2 = −150.
        var rows = RiskGen.Returns(8, 300, 2);
        var input = JsonSerializer.Serialize(new
        {
            inventory = new[] { 10.0, -5 },
            prices = new[] { 100.0, 50 },
            returns = rows,
            confidence = 0.99,
            horizon = 2,
            method,
            seed = 3,
            simulations = 20_000,
            scenarios = new object[] { new { name = "crash", returns = new[] { -0.1, 0.2 } } },
        });
        var root = Risk(input);
        var e = new[] { 1000.0, -250 };
        var expected = RiskGen.Run(method == "filtered-historical" ? "filtered-historical" : method, e, new ReturnHistory(rows), new ValueAtRiskParameters(0.99, 2), seed: 3, scenarios: 20_000);
        if (method == "filtered-historical")
        {
            // the console's default half-life is 11.2 periods, the helper's 20
            var marginal = new double[2];
            var components = new double[2];
            expected = (new FilteredHistoricalValueAtRisk(11.2).Compute(e, new ReturnHistory(rows), new ValueAtRiskParameters(0.99, 2), marginal, components), marginal, components);
        }

        Assert.That(root.GetProperty("var").GetDouble(), Is.EqualTo(expected.Estimate.ValueAtRisk));
        Assert.That(root.GetProperty("es").GetDouble(), Is.EqualTo(expected.Estimate.ExpectedShortfall));
        Assert.That(root.GetProperty("components")[1].GetDouble(), Is.EqualTo(expected.Components[1]));
        Assert.That(root.GetProperty("marginal")[0].GetDouble(), Is.EqualTo(expected.Marginal[0]));
        if (method != "cornish-fisher")
        {
            var es = root.GetProperty("esComponents").EnumerateArray().Sum(c => c.GetDouble());
            Assert.That(es, Is.EqualTo(expected.Estimate.ExpectedShortfall).Within(1e-9 * expected.Estimate.ExpectedShortfall), "ES components sum to ES");
        }

        var stress = root.GetProperty("stress")[0];
        Assert.That(stress.GetProperty("name").GetString(), Is.EqualTo("crash"));
        Assert.That(stress.GetProperty("pnl").GetDouble(), Is.EqualTo(-150).Within(1e-12));
    }

    [Test]
    public void MonteCarloTakesJumpsPerAssetAndPrintsTheLibrarysValues()
    {
        // asset 0 jumps 0.5 times per period (up with probability 0.3, mean sizes 1/0.2 = 5 and 1/0.1 = 10 price units),
        // asset 1 never: the same seed gives the library's figures, and the jumps widen the loss tail
        var rows = RiskGen.Returns(8, 300, 2);
        var jumps = new object[] { new { intensity = 0.5, upProbability = 0.3, upRate = 0.2, downRate = 0.1 }, new { intensity = 0.0, upProbability = 0.5, upRate = 1.0, downRate = 1.0 } };
        var root = Risk(JsonSerializer.Serialize(new
        {
            inventory = new[] { 10.0, -5 }, prices = new[] { 100.0, 50 }, returns = rows, confidence = 0.99, horizon = 2,
            method = "monte-carlo", seed = 3, simulations = 20_000, jumps, jumpPeriod = 1.0,
        }));
        var without = Risk(JsonSerializer.Serialize(new
        {
            inventory = new[] { 10.0, -5 }, prices = new[] { 100.0, 50 }, returns = rows, confidence = 0.99, horizon = 2,
            method = "monte-carlo", seed = 3, simulations = 20_000,
        }));
        var e = new[] { 1000.0, -250 };
        var library = new MonteCarloValueAtRisk(20_000, 3, new MonteCarloJumps(
            new MidPriceJumpParameters?[] { new MidPriceJumpParameters(0.5, 0.3, 0.2, 0.1, 0, 0, 0), new MidPriceJumpParameters(0, 0.5, 1, 1, 0, 0, 0) },
            new[] { 100.0, 50 }, 1.0));
        var expected = library.Compute(e, new ReturnHistory(rows).Covariance(1), new ValueAtRiskParameters(0.99, 2), new double[2], new double[2]);

        Assert.That(root.GetProperty("var").GetDouble(), Is.EqualTo(expected.ValueAtRisk));
        Assert.That(root.GetProperty("es").GetDouble(), Is.EqualTo(expected.ExpectedShortfall));
        Assert.That(root.GetProperty("es").GetDouble(), Is.GreaterThan(without.GetProperty("es").GetDouble()), "jumps widen the tail");
    }

    [Test]
    public void BacktestPrintsTheStatisticsAndZone()
    {
        // The hand-checked series of ValueAtRiskBacktestTests: exceptions in periods 2, 3, 4 of 10 at 90 %.
        var (code, stdout, stderr) = Run("""{"var":[1,1,1,1,1,1,1,1,1,1],"pnl":[0.5,-0.9,-1.5,-2,-1.01,0,3,-1,-0.2,0.1],"confidence":0.9}""", "risk", "backtest");
        Assert.That(code, Is.Zero, stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.That(root.GetProperty("observations").GetInt32(), Is.EqualTo(10));
        Assert.That(root.GetProperty("exceptions").GetInt32(), Is.EqualTo(3));
        Assert.That(root.GetProperty("kupiecLR").GetDouble(), Is.EqualTo(3.07327173607597).Within(1e-10));
        Assert.That(root.GetProperty("independenceLR").GetDouble(), Is.EqualTo(2.231435513142097).Within(1e-10));
        Assert.That(root.GetProperty("conditionalCoveragePValue").GetDouble(), Is.EqualTo(0.07048512216119875).Within(1e-9));
        Assert.That(root.GetProperty("zone").GetString(), Is.EqualTo("yellow"), "P(X ≤ 3) = 0.9872 for X ~ Bin(10, 0.1): in [95 %, 99.99 %)");
    }

    [TestCase("""{"prices":[1],"returns":[[0.1]],"confidence":0.99}""", "risk", "'inventory'")]
    [TestCase("""{"inventory":[1],"prices":[-1],"returns":[[0.1]],"confidence":0.99}""", "risk", "'prices[0]'")]
    [TestCase("""{"inventory":[1,2],"prices":[1,1],"returns":[[0.1]],"confidence":0.99}""", "risk", "'returns'")]
    [TestCase("""{"inventory":[1],"prices":[1],"returns":[[0.1],[-2]],"confidence":0.99}""", "risk", "'returns[1][0]'")]
    [TestCase("""{"inventory":[1],"prices":[1],"returns":[[0.1]],"confidence":1.5}""", "risk", "'confidence'")]
    [TestCase("""{"inventory":[1],"prices":[1],"returns":[[0.1]],"confidence":0.99,"horizon":0}""", "risk", "'horizon'")]
    [TestCase("""{"inventory":[1],"prices":[1],"returns":[[0.1]],"confidence":0.99,"method":"guess"}""", "risk", "'method'")]
    [TestCase("""{"inventory":[1],"prices":[1],"returns":[[0.1]],"confidence":0.99}""", "risk", "too few scenarios")]
    [TestCase("""{"inventory":[1],"prices":[1],"returns":[[0.1],[0.2]],"confidence":0.99,"method":"monte-carlo","simulations":50}""", "risk", "'simulations'")]
    [TestCase("""{"inventory":[1],"prices":[1],"returns":[[0.1],[0.2]],"confidence":0.99,"method":"parametric","scenarios":[{"name":"x","returns":[1,2]}]}""", "risk", "'scenarios[0].returns'")]
    [TestCase("""{"inventory":[1],"prices":[1],"returns":[[0.1],[0.2]],"confidence":0.99,"method":"monte-carlo","simulations":200,"jumps":[]}""", "risk", "'jumps'")]
    [TestCase("""{"inventory":[1],"prices":[1],"returns":[[0.1],[0.2]],"confidence":0.99,"method":"monte-carlo","simulations":200,"jumps":[{"intensity":1,"upProbability":0.5,"upRate":0,"downRate":1}]}""", "risk", "'jumps[].upRate'")]
    [TestCase("""{"inventory":[1],"prices":[1],"returns":[[0.1],[0.2]],"confidence":0.99,"method":"monte-carlo","simulations":200,"jumps":[{"intensity":1,"upProbability":0.5,"downRate":1}]}""", "risk", "'jumps[0].upRate'")]
    [TestCase("""{"var":[1,1],"pnl":[1],"confidence":0.99}""", "backtest", "'pnl'")]
    [TestCase("""{"var":[1],"pnl":[1],"confidence":0}""", "backtest", "'confidence'")]
    [TestCase("""not json""", "risk", "not valid JSON")]
    [TestCase("""{}""", "simulate", "usage")]
    public void BadInputPrintsOneLineNamingTheFieldAndExitsTwo(string input, string mode, string mentions)
    {
        var (code, stdout, stderr) = mode == "risk" ? Run(input, "risk") : Run(input, "risk", mode);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(stderr, Does.Contain(mentions));
    }

    private static JsonElement Risk(string input)
    {
        var (code, stdout, stderr) = Run(input, "risk");
        Assert.That(code, Is.Zero, stderr);
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    private static (int Code, string Stdout, string Stderr) Run(string input, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Program.Run(args, new StringReader(input), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
