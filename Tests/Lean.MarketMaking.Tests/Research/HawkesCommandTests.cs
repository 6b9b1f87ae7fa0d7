using System.IO;
using System.Linq;
using System.Text.Json;
using Lean.MarketMaking.Models.Estimation.Hawkes;
using Lean.MarketMaking.Research;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Research;

[TestFixture]
public class HawkesCommandTests
{
    [Test]
    public void LoglikPrintsTheLibraryValueRoundTripExact()
    {
        var input = """{"events":[[0.5,1.25,3.0],[1.0,2.0]],"T":4,"mu":[0.4,0.3],"alpha":[[0.4,0.2],[0.3,0.3]],"beta":1.5}""";
        var (code, stdout, stderr) = Run(input, "hawkes", "loglik");
        Assert.That(code, Is.Zero, stderr);
        var expected = HawkesLikelihood.LogLikelihood(
            new HawkesParameters(new[] { 0.4, 0.3 }, new[,] { { 0.4, 0.2 }, { 0.3, 0.3 } }, 1.5),
            new HawkesEvents(new[] { new[] { 0.5, 1.25, 3.0 }, new[] { 1.0, 2.0 } }, 4.0));
        using var json = JsonDocument.Parse(stdout);
        Assert.That(json.RootElement.GetProperty("logLikelihood").GetDouble(), Is.EqualTo(expected), "printed with full double precision");
    }

    [Test]
    public void FitPrintsParametersLikelihoodAndTime()
    {
        var events = HawkesSimulator.Simulate(HawkesParameters.Univariate(0.5, 0.6, 2.0), 2_000, seed: 3);
        var input = JsonSerializer.Serialize(new { events = new[] { events.Times(0).ToArray() }, T = 2_000.0 });
        var (code, stdout, stderr) = Run(input, "hawkes", "fit");
        Assert.That(code, Is.Zero, stderr);
        var expected = HawkesEstimator.Fit(events);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        // The fit is deterministic, so the console reproduces the library's numbers exactly.
        Assert.That(root.GetProperty("mu")[0].GetDouble(), Is.EqualTo(expected.Parameters.Mu[0]));
        Assert.That(root.GetProperty("alpha")[0][0].GetDouble(), Is.EqualTo(expected.Parameters.Alpha(0, 0)));
        Assert.That(root.GetProperty("beta").GetDouble(), Is.EqualTo(expected.Parameters.Beta));
        Assert.That(root.GetProperty("logLikelihood").GetDouble(), Is.EqualTo(expected.LogLikelihood));
        Assert.That(root.GetProperty("seconds").GetDouble(), Is.GreaterThan(0));
    }

    [TestCase("""{"T":4}""", "loglik", "'events'")]
    [TestCase("""{"events":[[1.0]],"T":"x","mu":[1],"alpha":[[0]],"beta":1}""", "loglik", "'T'")]
    [TestCase("""{"events":[[1.0]],"T":4,"mu":[1],"alpha":[[0]]}""", "loglik", "'beta'")]
    [TestCase("""{"events":[[1.0]],"T":4,"mu":[1, true],"alpha":[[0]],"beta":1}""", "loglik", "'mu[1]'")]
    [TestCase("""{"events":[[1.0, 0.5]],"T":4}""", "fit", "times[0][1]")]
    [TestCase("""{"events":[[1.0]],"T":4,"mu":[-1],"alpha":[[0]],"beta":1}""", "loglik", "mu[0]")]
    [TestCase("""{"events":[[1.0]],"T":4}""", "fit", "HawkesEstimationFailed")]
    [TestCase("""not json""", "fit", "not valid JSON")]
    [TestCase("""{"events":[[1.0]],"T":4}""", "simulate", "usage")]
    public void BadInputPrintsOneLineAndExitsTwo(string input, string mode, string mentions)
    {
        var (code, stdout, stderr) = Run(input, "hawkes", mode);
        Assert.That(code, Is.EqualTo(2));
        Assert.That(stdout, Is.Empty);
        Assert.That(stderr.TrimEnd().Split('\n'), Has.Length.EqualTo(1));
        Assert.That(stderr, Does.Contain(mentions));
    }

    private static (int Code, string Stdout, string Stderr) Run(string input, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = Program.Run(args, new StringReader(input), stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
