using System;
using System.Linq;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Microstructure;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Microstructure;

[TestFixture]
public class LatencyModelTests
{
    private static readonly TimeSpan Median = TimeSpan.FromMilliseconds(20);

    [Test]
    public void AConstantLatencyIsTheSameForEveryRequest()
    {
        var model = LatencyModel.Constant(TimeSpan.FromMilliseconds(7));
        Assert.That(model.IsConstant, Is.True);
        Assert.That(Enumerable.Range(0, 100).Select(i => model.Draw(i, i * 31L)).Distinct(), Is.EqualTo(new[] { TimeSpan.FromMilliseconds(7) }));
        Assert.That(model.Quantile(0.99), Is.EqualTo(TimeSpan.FromMilliseconds(7)));
        Assert.That(LatencyModel.Constant(TimeSpan.Zero), Is.SameAs(LatencyModel.Zero));
    }

    [Test]
    public void DrawsAreReproducibleForASeedAndKeyAndDifferAcrossSeedsAndKeys()
    {
        var model = LatencyModel.LogNormal(Median, 0.5, seed: 7);
        var again = LatencyModel.LogNormal(Median, 0.5, seed: 7);
        var other = LatencyModel.LogNormal(Median, 0.5, seed: 8);
        var draws = Enumerable.Range(1, 1000).Select(id => model.Draw(id, 638_000_000_000_000_000L)).ToArray();
        Assert.That(Enumerable.Range(1, 1000).Select(id => again.Draw(id, 638_000_000_000_000_000L)), Is.EqualTo(draws), "same seed, same keys");
        Assert.That(Enumerable.Range(1, 1000).Reverse().Select(id => model.Draw(id, 638_000_000_000_000_000L)).Reverse(), Is.EqualTo(draws),
            "the draw of a key does not depend on the order of the requests");
        Assert.That(draws.Distinct().Count(), Is.GreaterThan(990), "each order its own latency");
        var otherDraws = Enumerable.Range(1, 1000).Select(id => other.Draw(id, 638_000_000_000_000_000L)).ToArray();
        Assert.That(draws.Zip(otherDraws).Count(p => p.First == p.Second), Is.LessThan(10), "another seed, other draws");
        Assert.That(model.Draw(1, 1), Is.Not.EqualTo(model.Draw(1, 2)), "a re-price of the same order draws again");
    }

    [TestCase(0.1)]
    [TestCase(0.5)]
    [TestCase(1.5)]
    public void EmpiricalQuantilesMatchTheLogNormalOnes(double dispersion)
    {
        // 40,000 requests (order ids × send times): the empirical p-quantile's relative standard error is about
        // s·√(p(1−p)/n)/φ(z_p), at most 1.5·0.0073 ≈ 1.1 % at p = 0.99; 4 % is over 3.5 standard errors
        var model = LatencyModel.LogNormal(Median, dispersion, seed: 2024);
        var draws = new double[40_000];
        for (var i = 0; i < draws.Length; i++)
        {
            draws[i] = model.Draw(i / 200, 638_000_000_000_000_000L + i % 200 * 10_000).TotalMilliseconds;
        }

        Array.Sort(draws);
        foreach (var p in new[] { 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99 })
        {
            var empirical = draws[(int)(p * draws.Length)];
            var expected = model.Quantile(p).TotalMilliseconds;
            Assert.That(empirical, Is.EqualTo(expected).Within(4).Percent, $"quantile {p}");
        }

        // the closed form: m·e^(s·Φ⁻¹(p)), Φ⁻¹(0.975) = 1.959964
        Assert.That(model.Quantile(0.975).TotalMilliseconds, Is.EqualTo(20 * Math.Exp(dispersion * 1.959964)).Within(1e-3));
        Assert.That(model.Quantile(0.5), Is.EqualTo(Median));
    }

    [Test]
    public void DrawingAllocatesNothing()
    {
        var model = LatencyModel.LogNormal(Median, 0.5, seed: 1);
        model.Draw(1, 1);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var total = TimeSpan.Zero;
        for (var i = 0; i < 10_000; i++)
        {
            total += model.Draw(i, i);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        Assert.That(total, Is.GreaterThan(TimeSpan.Zero));
    }

    [Test]
    public void BadParametersAreRejected()
    {
        AssertInvalid(() => LatencyModel.Constant(TimeSpan.FromMilliseconds(-1)), "median");
        AssertInvalid(() => LatencyModel.LogNormal(TimeSpan.Zero, 0.5, 1), "median");
        AssertInvalid(() => LatencyModel.LogNormal(Median, -0.1, 1), "dispersion");
        AssertInvalid(() => LatencyModel.LogNormal(Median, double.NaN, 1), "dispersion");
        AssertInvalid(() => LatencyModel.LogNormal(Median, LatencyModel.MaxDispersion + 0.1, 1), "dispersion");
        AssertInvalid(() => LatencyModel.LogNormal(Median, 0.5, 1).Quantile(1), "probability");
    }

    private static void AssertInvalid(TestDelegate action, string name)
    {
        var error = Assert.Throws<MarketMakingException>(action)!;
        Assert.That((error.Kind, error.ParameterName), Is.EqualTo((MarketMakingErrorKind.InvalidParameters, name)));
    }
}
