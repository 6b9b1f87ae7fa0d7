using System;
using System.Linq;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Intensity;
using MathNet.Numerics.Distributions;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Estimation.Intensity;

[TestFixture]
public class IntensityFitFromExposureTests
{
    private static readonly double[] Depths = { 0.005, 0.01, 0.015, 0.02, 0.025, 0.03, 0.04, 0.05 };

    [Test]
    public void ExpectedCountsGiveBackAAndKExactly()
    {
        // A = 0.8 /s, k = 60 /price unit; counts equal to their means: the likelihood's maximum is the truth
        var exposure = new[] { 500.0, 3000, 8000, 6000, 2000, 900, 300, 100 };
        var fills = Depths.Select((d, j) => exposure[j] * 0.8 * Math.Exp(-60 * d)).ToArray();
        var fit = IntensityFit.FromExposure(Depths, fills, exposure);
        Assert.That(fit.A, Is.EqualTo(0.8).Within(1e-8));
        Assert.That(fit.K, Is.EqualTo(60).Within(1e-6));
        Assert.That(fit.RSquared, Is.EqualTo(1).Within(1e-9));
    }

    [Test]
    public void SimulatedPoissonCountsRecoverAAndKWithinFourStandardErrors()
    {
        // Poisson counts, some depths without a fill (their exposure still informs the fit); 4 SE from the Fisher
        // information at the truth
        var random = new Random(5);
        var exposure = new[] { 200.0, 1500, 6000, 9000, 7000, 4000, 2000, 1500 };
        var means = Depths.Select((d, j) => exposure[j] * 0.3 * Math.Exp(-90 * d)).ToArray();
        var fills = means.Select(m => (double)Poisson.Sample(random, m)).ToArray();
        var fit = IntensityFit.FromExposure(Depths, fills, exposure);
        double i00 = means.Sum(), i01 = Depths.Select((d, j) => d * means[j]).Sum(), i11 = Depths.Select((d, j) => d * d * means[j]).Sum();
        var det = i00 * i11 - i01 * i01;
        var seLogA = Math.Sqrt(i11 / det);
        var seK = Math.Sqrt(i00 / det);
        Assert.That(Math.Log(fit.A), Is.EqualTo(Math.Log(0.3)).Within(4 * seLogA));
        Assert.That(fit.K, Is.EqualTo(90).Within(4 * seK));
    }

    [Test]
    public void BadInputIsRejected()
    {
        Assert.That(Assert.Throws<MarketMakingException>(() => IntensityFit.FromExposure(new[] { 0.01, 0.02 }, new[] { 1.0 }, new[] { 1.0, 1 }))!.Kind,
            Is.EqualTo(MarketMakingErrorKind.InvalidParameters));
        Assert.That(Assert.Throws<MarketMakingException>(() => IntensityFit.FromExposure(new[] { 0.01, 0.02 }, new[] { -1.0, 1 }, new[] { 1.0, 1 }))!.ParameterName,
            Is.EqualTo("fills"));
        Assert.That(Assert.Throws<MarketMakingException>(() => IntensityFit.FromExposure(new[] { 0.01, 0.02 }, new[] { 0.0, 0 }, new[] { 1.0, 1 }))!.Kind,
            Is.EqualTo(MarketMakingErrorKind.InvalidMarketData), "no fills");
    }

    [Test]
    public void AFillRateThatRisesWithDepthGivesTheConstrainedMaximumKZeroAtThePooledRate()
    {
        var fit = IntensityFit.FromExposure(new[] { 0.01, 0.02 }, new[] { 1.0, 5 }, new[] { 10.0, 10 });
        Assert.That((fit.K, fit.A), Is.EqualTo((0.0, 6.0 / 20)));
        Assert.That(fit.UnconstrainedK, Is.EqualTo(-Math.Log(5) / 0.01).Within(1e-6), "the unconstrained fit goes through both rates");
    }
}
