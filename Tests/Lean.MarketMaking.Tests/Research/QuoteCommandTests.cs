using System;
using System.IO;
using System.Text.Json;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Models.Quoting.CarteaJaimungal;
using Lean.MarketMaking.Research;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Research;

[TestFixture]
public class QuoteCommandTests
{
    private const string HftbacktestGlft =
        "\"gamma\":0.05,\"sigma\":10.69,\"A\":2.986162360812285,\"k\":0.04235741115084049,\"orderSize\":1";

    [Test]
    public void AvellanedaStoikovQuoteIsTheClosedFormOfEquations29And30()
    {
        var root = Quote("""{"model":"as","mid":100,"inventory":2,"gamma":0.1,"sigma":2,"k":1.5,"horizon":1,"time":0.5}""");
        // r = s − qγσ²τ = 100 − 2·0.1·4·0.5; spread = γσ²τ + (2/γ)ln(1 + γ/k).
        var spread = (0.1 * 4 * 0.5) + (2 / 0.1 * Math.Log(1 + (0.1 / 1.5)));
        Assert.That(root.GetProperty("reservation").GetDouble(), Is.EqualTo(99.6).Within(1e-12));
        Assert.That(root.GetProperty("bid").GetDouble(), Is.EqualTo(99.6 - (spread / 2)).Within(1e-12));
        Assert.That(root.GetProperty("ask").GetDouble(), Is.EqualTo(99.6 + (spread / 2)).Within(1e-12));
        Assert.That(root.GetProperty("bidDepth").GetDouble(), Is.EqualTo(100 - root.GetProperty("bid").GetDouble()).Within(1e-12));
    }

    [Test]
    public void GlftClosedFormReproducesHftbacktestsPublishedHalfSpread()
    {
        var root = Quote("{\"model\":\"glft\",\"mid\":1000,\"inventory\":0," + HftbacktestGlft + "}");
        Assert.That(root.GetProperty("bidDepth").GetDouble(), Is.EqualTo(20.47208533844371).Within(1e-10));
        Assert.That(root.GetProperty("askDepth").GetDouble(), Is.EqualTo(20.47208533844371).Within(1e-10));
    }

    [Test]
    public void GlftSkewIsPublishedSkewPerUnitOfInventory()
    {
        var root = Quote("{\"model\":\"glft\",\"mid\":1000,\"inventory\":1," + HftbacktestGlft + "}");
        Assert.That(root.GetProperty("reservation").GetDouble(), Is.EqualTo(1000 - 9.76326865029227).Within(1e-9));
    }

    [Test]
    public void MultiAssetWithOneAssetIsTheGlftClosedForm()
    {
        var root = Quote("{\"model\":\"multi\",\"regime\":\"ergodic\",\"mid\":[1000],\"inventory\":[0],\"covariance\":[[114.2761]],\"horizon\":1,"
            + HftbacktestGlft + "}");
        Assert.That(root.GetProperty("bidDepth")[0].GetDouble(), Is.EqualTo(20.47208533844371).Within(1e-10));
        Assert.That(root.GetProperty("askDepth")[0].GetDouble(), Is.EqualTo(20.47208533844371).Within(1e-10));
    }

    [Test]
    public void MultiAssetTakesTheRegimeDependentCovariance()
    {
        // two regimes, probabilities (0.25, 0.75), P = [[0.9, 0.1], [0.2, 0.8]]: one step ahead w = (0.375, 0.625);
        // means (0, 0) and (2, 0): μ̄ = (1.25, 0), dispersion 0.375·1.25² + 0.625·0.75² = 0.9375 on Σ₀₀.
        // Σ = 0.375·[[1, 0.5], [0.5, 2]] + 0.625·[[3, 1], [1, 4]] + [[0.9375, 0], [0, 0]] = [[3.1875, 0.8125], [0.8125, 3.25]]
        const string market = "\"model\":\"multi\",\"mid\":[100,50],\"inventory\":[3,-1],\"A\":[1,2],\"k\":[1.5,1],\"gamma\":0.1,\"horizon\":10,\"time\":2";
        var blended = Quote("{" + market + ",\"regimeSteps\":1,\"regimeTransition\":[[0.9,0.1],[0.2,0.8]],\"regimes\":["
            + "{\"covariance\":[[1,0.5],[0.5,2]],\"probability\":0.25},{\"covariance\":[[3,1],[1,4]],\"mean\":[2,0],\"probability\":0.75}]}");
        var direct = Quote("{" + market + ",\"covariance\":[[3.1875,0.8125],[0.8125,3.25]]}");
        foreach (var field in new[] { "bid", "ask", "reservation" })
        {
            for (var i = 0; i < 2; i++)
            {
                Assert.That(blended.GetProperty(field)[i].GetDouble(), Is.EqualTo(direct.GetProperty(field)[i].GetDouble()).Within(1e-9), $"{field}[{i}]");
            }
        }
    }

    [Test]
    public void MultiAssetReturnsOneQuotePerAsset()
    {
        var root = Quote("""
            {"model":"multi","mid":[100,50],"inventory":[3,0],"covariance":[[1,0.5],[0.5,2]],
             "A":[1,2],"k":[1.5,1],"gamma":0.1,"horizon":10,"time":2}
            """);
        Assert.That(root.GetProperty("bid").GetArrayLength(), Is.EqualTo(2));
        // A long position in asset 0 lowers the reservation of the positively correlated asset 1.
        Assert.That(root.GetProperty("reservation")[1].GetDouble(), Is.LessThan(50));
    }

    [Test]
    public void CarteaJaimungalAtTheHorizonQuotesTheTerminalPenaltyDepths()
    {
        // At t = T, h(T, q) = −αq², so δ⁺ = 1/κ + α(1 − 2q) and δ⁻ = 1/κ + α(1 + 2q) (CJP §10.2).
        var root = Quote("""
            {"model":"cj","mid":100,"inventory":2,"phi":0.001,"alpha":0.0001,"k":100,
             "lambdaBuy":1,"lambdaSell":1,"maxInventory":3,"horizon":30,"time":30}
            """);
        Assert.That(root.GetProperty("askDepth").GetDouble(), Is.EqualTo(0.01 + (0.0001 * (1 - 4))).Within(1e-12));
        Assert.That(root.GetProperty("bidDepth").GetDouble(), Is.EqualTo(0.01 + (0.0001 * (1 + 4))).Within(1e-12));
    }

    [Test]
    public void CarteaJaimungalUpwardJumpsRaiseBothQuotes()
    {
        const string common = """
            "model":"cj","mid":100,"inventory":0,"phi":0.001,"alpha":0.0001,"k":100,"lambdaBuy":1,"lambdaSell":1,"maxInventory":3,"horizon":30
            """;
        var plain = Quote("{" + common + "}");
        var jumps = Quote("{" + common + ""","jumpIntensity":0.5,"jumpUpProbability":0.9,"jumpUpRate":100,"jumpDownRate":100}""");
        Assert.That(jumps.GetProperty("bid").GetDouble(), Is.GreaterThan(plain.GetProperty("bid").GetDouble()));
        Assert.That(jumps.GetProperty("ask").GetDouble(), Is.GreaterThan(plain.GetProperty("ask").GetDouble()));
    }

    [Test]
    public void CarteaJaimungalVolatilityClusteringQuotesAtTheJumpsIntensityNow()
    {
        // Self-exciting jumps charged as risk (jumpRiskAversion > 0): a jump just seen (intensity now 3x the mean) widens
        // the quote, the more the longer the excitation lasts (relaxation rate beta(1 - alpha)); at the mean it is the plain quote.
        const string common = """
            "model":"cj","mid":100,"inventory":1,"phi":0.001,"alpha":0.0001,"k":100,"lambdaBuy":1,"lambdaSell":1,"maxInventory":3,"horizon":30,
            "jumpIntensity":0.2,"jumpUpRate":100,"jumpDownRate":100,"jumpRiskAversion":50,"jumpClusteringDecay":0.5
            """;
        var atMean = Quote("{" + common + ""","jumpClustering":0.6,"jumpIntensityNow":0.2}""");
        var plain = Quote("{" + common + ""","jumpClustering":0.6}""");
        var excited = Quote("{" + common + ""","jumpClustering":0.6,"jumpIntensityNow":0.6}""");
        var brief = Quote("{" + common + ""","jumpClustering":0,"jumpIntensityNow":0.6}""");
        double Spread(JsonElement q) => q.GetProperty("ask").GetDouble() - q.GetProperty("bid").GetDouble();
        Assert.That(atMean.GetProperty("bid").GetDouble(), Is.EqualTo(plain.GetProperty("bid").GetDouble()));
        Assert.That(Spread(excited), Is.GreaterThan(Spread(brief)), "longer-lasting excitation, wider quote");
        Assert.That(Spread(brief), Is.GreaterThan(Spread(atMean)), "a jump just seen widens the quote");

        var model = new CarteaJaimungalModel(
            new CarteaJaimungalParameters(0.001, 0.0001, 100, 1, 1, 3, 1, 30),
            new MidPriceJumpParameters(0.2, 0.5, 100, 100, 0, 0, 0, 50, 0.6, 0.5));
        var expected = model.Quote(new MarketSnapshot(100, 0, 1), 0.6);
        Assert.That(excited.GetProperty("bid").GetDouble(), Is.EqualTo(expected.Bid).Within(1e-12));
        Assert.That(excited.GetProperty("ask").GetDouble(), Is.EqualTo(expected.Ask).Within(1e-12));
    }

    [Test]
    public void OutputNumbersRoundTripExactly()
    {
        var (code, stdout, _) = Run("{\"model\":\"glft\",\"mid\":1000,\"inventory\":0," + HftbacktestGlft + "}");
        Assert.That(code, Is.Zero);
        var bidDepth = JsonDocument.Parse(stdout).RootElement.GetProperty("bidDepth").GetDouble();
        Assert.That(stdout, Does.Contain(bidDepth.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [TestCase("""{"model":"nope","mid":100}""", "'model'")]
    [TestCase("""{"mid":100}""", "'model'")]
    [TestCase("""{"model":"as","mid":100,"gamma":0.1,"sigma":2,"k":1.5}""", "'horizon'")]
    [TestCase("""{"model":"as","mid":100,"gamma":-0.1,"sigma":2,"k":1.5,"horizon":1}""", "'gamma'")]
    [TestCase("""{"model":"as","mid":-5,"gamma":0.1,"sigma":2,"k":1.5,"horizon":1}""", "'mid'")]
    [TestCase("""{"model":"as","mid":100,"gamma":0.1,"sigma":"2","k":1.5,"horizon":1}""", "'sigma'")]
    [TestCase("""{"model":"glft","mid":100,"gamma":0.1,"sigma":2,"A":0,"k":1.5}""", "'A'")]
    [TestCase("""{"model":"glft-exact","mid":100,"gamma":0.1,"sigma":2,"A":1,"k":1.5,"horizon":1,"maxInventory":5,"inventory":9}""", "InventoryLimitViolation")]
    [TestCase("""{"model":"multi","mid":[100,100],"inventory":[0,0],"covariance":[[1,0.5],[0.5,1]],"A":[1,-1],"k":1,"gamma":1,"horizon":1}""", "'A[1]'")]
    [TestCase("""{"model":"multi","mid":[100,100],"inventory":[0,0],"covariance":[[1,2],[2,1]],"A":1,"k":1,"gamma":1,"horizon":1}""", "'covariance'")]
    [TestCase("""{"model":"multi","mid":[100,100],"inventory":[0],"covariance":[[1,0],[0,1]],"A":1,"k":1,"gamma":1,"horizon":1}""", "'inventory'")]
    [TestCase("""{"model":"multi","mid":[100,100],"inventory":[0,0],"regimes":[{"covariance":[[1,0],[0,1]],"probability":0.5},{"covariance":[[1,0],[0,1]],"probability":0.6}],"A":1,"k":1,"gamma":1,"horizon":1}""", "'regimes[].probability'")]
    [TestCase("""{"model":"multi","mid":[100,100],"inventory":[0,0],"regimes":[{"covariance":[[1,0],[0,1]]}],"A":1,"k":1,"gamma":1,"horizon":1}""", "'regimes[0].probability'")]
    [TestCase("""{"model":"multi","mid":[100,100],"inventory":[0,0],"regimes":[{"covariance":[[1]],"probability":1}],"A":1,"k":1,"gamma":1,"horizon":1}""", "'regimes[0]'")]
    [TestCase("""{"model":"cj","mid":100,"phi":-1,"alpha":0,"k":100,"lambdaBuy":1,"lambdaSell":1,"maxInventory":3,"horizon":30}""", "'phi'")]
    [TestCase("""{"model":"cj","mid":100,"phi":0,"alpha":0,"k":100,"lambdaBuy":1,"lambdaSell":1,"maxInventory":2.5,"horizon":30}""", "'maxInventory'")]
    [TestCase("""{"model":"as","mid":100,"gamma":0.1,"sigma":2,"k":1.5,"horizon":1,"time":1.5}""", "'time'")] // used to return the terminal quote
    [TestCase("""{"model":"as","mid":100,"gamma":0.1,"sigma":2,"k":1.5,"horizon":1,"time":-0.5}""", "'time'")]
    [TestCase("""{"model":"glft-exact","mid":100,"gamma":0.1,"sigma":2,"A":1,"k":1.5,"horizon":1,"maxInventory":5,"time":2}""", "'time'")]
    [TestCase("""{"model":"cj","mid":100,"phi":0,"alpha":0,"k":100,"lambdaBuy":1,"lambdaSell":1,"maxInventory":3,"horizon":30,"time":31}""", "'time'")]
    [TestCase("""{"model":"multi","mid":[100,100],"inventory":[0,0],"covariance":[[1,0],[0,1]],"A":1,"k":1,"gamma":1,"horizon":1,"time":2}""", "'time'")]
    [TestCase("""{"model":"as","mid":100,"gamma":0.1,"sigma":2,"k":1.5,"horizon":1,"A":0}""", "'A'")] // used to be accepted (AS does not use A)
    [TestCase("""{"model":"as-infinite","mid":100,"gamma":0.1,"sigma":2,"k":1.5,"discountRate":1,"maxInventory":5,"A":-1}""", "'A'")]
    [TestCase("""{"model":"cj","mid":100,"phi":0,"alpha":0,"k":100,"lambdaBuy":1,"lambdaSell":1,"maxInventory":3,"horizon":30,"jumpIntensity":1,"jumpUpRate":1,"jumpDownRate":1,"jumpClustering":1}""", "'jumpClustering'")]
    [TestCase("""{"model":"cj","mid":100,"phi":0,"alpha":0,"k":100,"lambdaBuy":1,"lambdaSell":1,"maxInventory":3,"horizon":30,"jumpIntensity":1,"jumpUpRate":1,"jumpDownRate":1,"jumpClusteringDecay":0}""", "'jumpClusteringDecay'")]
    [TestCase("""{"model":"cj","mid":100,"phi":0,"alpha":0,"k":100,"lambdaBuy":1,"lambdaSell":1,"maxInventory":3,"horizon":30,"jumpIntensity":1,"jumpUpRate":1,"jumpDownRate":1,"jumpIntensityNow":-1}""", "'jumpIntensityNow'")]
    [TestCase("""{"model":"cj","mid":100,"phi":0,"alpha":0,"k":100,"lambdaBuy":1,"lambdaSell":1,"maxInventory":3,"horizon":30,"jumpIntensityNow":2}""", "'jumpIntensityNow'")]
    [TestCase("""[1,2]""", "JSON object")]
    [TestCase("""{"model":""", "not valid JSON")]
    [TestCase("not json\nat all\n", "not valid JSON")] // the parser quotes the multi-line input: still one line
    [TestCase("""{"model":"as","model":"glft","mid":100}""", "not valid JSON")] // a repeated field used to crash (ArgumentException)
    public void BadInputPrintsOneLineNamingTheFieldAndExitsTwo(string input, string mentions)
    {
        var (code, stdout, stderr) = Run(input);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(stderr, Does.Contain(mentions));
    }

    private static JsonElement Quote(string input)
    {
        var (code, stdout, stderr) = Run(input);
        Assert.That(code, Is.Zero, stderr);
        return JsonDocument.Parse(stdout).RootElement.Clone();
    }

    private static (int Code, string Stdout, string Stderr) Run(string input)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Program.Run(new[] { "quote" }, new StringReader(input), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
