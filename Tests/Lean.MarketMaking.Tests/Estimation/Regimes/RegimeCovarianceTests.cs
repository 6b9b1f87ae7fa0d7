using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Regimes;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Estimation.Regimes;

[TestFixture]
public class RegimeCovarianceTests
{
    private static readonly double[,] Calm = { { 1.0, 0.5 }, { 0.5, 2.0 } };
    private static readonly double[,] Stressed = { { 4.0, -1.0 }, { -1.0, 3.0 } };
    private static readonly double[,] Transition = { { 0.9, 0.1 }, { 0.2, 0.8 } };

    private static RegimeCovariance TwoRegimes(double[]? calmMean = null, double[]? stressedMean = null) =>
        new(new HiddenMarkovModelParameters(
            new[] { 0.5, 0.5 },
            Transition,
            new[] { new GaussianEmission(calmMean ?? new[] { 0.0, 0.0 }, Calm), new GaussianEmission(stressedMean ?? new[] { 0.0, 0.0 }, Stressed) }));

    private static void AssertBlend(double[,] actual, double w)
    {
        for (var a = 0; a < 2; a++)
        {
            for (var b = 0; b < 2; b++)
            {
                Assert.That(actual[a, b], Is.EqualTo((w * Calm[a, b]) + ((1 - w) * Stressed[a, b])).Within(1e-14), $"[{a},{b}]");
            }
        }
    }

    [Test]
    public void NowTheFilteredProbabilitiesBlendTheRegimeCovariances()
    {
        // p = (0.7, 0.3): 0.7·Σ₁ + 0.3·Σ₂ = [[1.9, 0.05], [0.05, 2.3]]
        var c = TwoRegimes().Covariance(new[] { 0.7, 0.3 });
        Assert.That(c[0, 0], Is.EqualTo(1.9).Within(1e-14));
        Assert.That(c[0, 1], Is.EqualTo(0.05).Within(1e-14));
        Assert.That(c[1, 1], Is.EqualTo(2.3).Within(1e-14));
    }

    [Test]
    public void AheadTheTransitionMatrixMovesTheWeights()
    {
        var model = TwoRegimes();
        var p = new[] { 0.7, 0.3 };

        // p·P = (0.7·0.9 + 0.3·0.2, 0.7·0.1 + 0.3·0.8) = (0.69, 0.31); p·P² = (0.69·0.9 + 0.31·0.2, …) = (0.683, 0.317)
        AssertBlend(model.Covariance(p, 1), 0.69);
        AssertBlend(model.Covariance(p, 2), 0.683);

        // far ahead: the stationary law π = (2/3, 1/3) of this chain (π₁·0.1 = π₂·0.2)
        AssertBlend(model.Covariance(p, 500), 2.0 / 3.0);
        var w = new double[2];
        model.RegimeWeights(p, 2, w);
        Assert.That(w[0], Is.EqualTo(0.683).Within(1e-15));
    }

    [Test]
    public void RegimeMeansAddTheirDispersion()
    {
        // law of total covariance: means (1, 0) and (−1, 0) with equal weights add (μ − μ̄)(μ − μ̄)ᵀ = diag(1, 0)
        var c = TwoRegimes(new[] { 1.0, 0.0 }, new[] { -1.0, 0.0 }).Covariance(new[] { 0.5, 0.5 });
        Assert.That(c[0, 0], Is.EqualTo((0.5 * 1.0) + (0.5 * 4.0) + 1.0).Within(1e-14));
        Assert.That(c[0, 1], Is.EqualTo((0.5 * 0.5) + (0.5 * -1.0)).Within(1e-14));
        Assert.That(c[1, 1], Is.EqualTo(2.5).Within(1e-14));
    }

    [Test]
    public void RejectsBadProbabilitiesAndHorizons()
    {
        var model = TwoRegimes();
        Assert.That(Assert.Throws<MarketMakingException>(() => model.Covariance(new[] { 0.7, 0.4 }))!.ParameterName, Is.EqualTo("probabilities"));
        Assert.That(Assert.Throws<MarketMakingException>(() => model.Covariance(new[] { 1.0 }))!.ParameterName, Is.EqualTo("probabilities"));
        Assert.That(Assert.Throws<MarketMakingException>(() => model.Covariance(new[] { 0.5, 0.5 }, -1))!.ParameterName, Is.EqualTo("horizonSteps"));
    }

    [Test]
    public void TheAllocationFreeOverloadAllocatesNothing()
    {
        var model = TwoRegimes();
        var p = new[] { 0.7, 0.3 };
        var destination = new double[4];
        model.Covariance(p, 3, destination);
        var before = GC.GetAllocatedBytesForCurrentThread();
        model.Covariance(p, 3, destination);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.EqualTo(0));
    }
}
