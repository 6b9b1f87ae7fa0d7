using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Hawkes;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Estimation.Hawkes;

[TestFixture]
public class HawkesParametersTests
{
    [Test]
    public void SpectralRadiusAndStationarity()
    {
        // [[0.5, 0.4], [0.3, 0.2]]: eigenvalues (0.7 ± √0.57)/2, so ρ = (0.7 + √0.57)/2 ≈ 0.7275.
        var p = new HawkesParameters(new[] { 1.0, 1.0 }, new[,] { { 0.5, 0.4 }, { 0.3, 0.2 } }, 1.0);
        Assert.That(p.SpectralRadius, Is.EqualTo((0.7 + Math.Sqrt(0.57)) / 2).Within(1e-12));
        Assert.That(p.IsStationary, Is.True);
        // A cycle 0→1→2→0 with ratio 1.1: eigenvalues 1.1·(cube roots of unity), complex, all of modulus 1.1.
        var cycle = new HawkesParameters(new[] { 1.0, 1.0, 1.0 }, new[,] { { 0, 0, 1.1 }, { 1.1, 0, 0 }, { 0, 1.1, 0 } }, 1.0);
        Assert.That(cycle.SpectralRadius, Is.EqualTo(1.1).Within(1e-12));
        Assert.That(cycle.IsStationary, Is.False);
        Assert.That(Assert.Throws<MarketMakingException>(() => cycle.StationaryIntensity())!.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidParameters));
        Assert.That(HawkesParameters.Univariate(1, 1.0, 1).IsStationary, Is.False, "branching ratio 1 is critical, not stationary");
    }

    [Test]
    public void FlatLayoutAndCopies()
    {
        var alpha = new[,] { { 0.1, 0.2 }, { 0.3, 0.4 } };
        var p = new HawkesParameters(new[] { 1.0, 2.0 }, alpha, 3.0);
        alpha[0, 1] = 9;
        Assert.That(p.Alpha(0, 1), Is.EqualTo(0.2));
        Assert.That(p.AlphaToArray(), Is.EqualTo(new[,] { { 0.1, 0.2 }, { 0.3, 0.4 } }));
        Assert.That(p.ParameterCount, Is.EqualTo(7));
        Assert.That(p.AlphaIndex(1, 0), Is.EqualTo(4));
        Assert.That(p.BetaIndex, Is.EqualTo(6));
    }

    [TestCase(0.0, 0.5, 1.0, "mu[0]")]
    [TestCase(double.NaN, 0.5, 1.0, "mu[0]")]
    [TestCase(1.0, -0.1, 1.0, "alpha[0,0]")]
    [TestCase(1.0, double.PositiveInfinity, 1.0, "alpha[0,0]")]
    [TestCase(1.0, 0.5, 0.0, "beta")]
    [TestCase(1.0, 0.5, double.NaN, "beta")]
    public void RejectsInvalidValues(double mu, double alpha, double beta, string name)
    {
        var e = Assert.Throws<MarketMakingException>(() => HawkesParameters.Univariate(mu, alpha, beta))!;
        Assert.That(e.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidParameters));
        Assert.That(e.ParameterName, Is.EqualTo(name));
    }

    [Test]
    public void RejectsShapeMismatch()
    {
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new HawkesParameters(new[] { 1.0, 1.0 }, new double[1, 1], 1))!.ParameterName, Is.EqualTo("alpha"));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new HawkesParameters(Array.Empty<double>(), new double[0, 0], 1))!.ParameterName, Is.EqualTo("mu"));
    }

    [Test]
    public void OutOfRangeIndicesAreNamedErrorsNotIndexOutOfRange()
    {
        // Alpha(1, 0) on a 1-D process used to read past the flat array (IndexOutOfRangeException); so did Count/Times.
        var p = HawkesParameters.Univariate(1, 0.5, 2);
        Assert.That(Assert.Throws<MarketMakingException>(() => p.Alpha(1, 0))!.ParameterName, Is.EqualTo("receiving"));
        Assert.That(Assert.Throws<MarketMakingException>(() => p.Alpha(0, -1))!.ParameterName, Is.EqualTo("source"));
        var events = new HawkesEvents(new[] { new[] { 1.0 } }, 2);
        Assert.That(Assert.Throws<MarketMakingException>(() => events.Count(1))!.ParameterName, Is.EqualTo("type"));
        Assert.That(Assert.Throws<MarketMakingException>(() => events.Times(-1))!.ParameterName, Is.EqualTo("type"));
    }
}
