using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.RoughVolatility;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Estimation.RoughVolatility;

[TestFixture]
public class FractionalBrownianMotionTests
{
    [TestCase(0.1)]
    [TestCase(0.3)]
    [TestCase(0.5)]
    [TestCase(0.8)]
    public void IncrementsHaveTheFractionalGaussianNoiseCovariance(double hurst)
    {
        const int steps = 50; // not a power of two: exercises the padding to m = 64
        const int paths = 20_000;
        var fbm = new FractionalBrownianMotion(hurst, steps);
        var x = new double[steps];
        var rng = new Random(7);
        var sums = new double[4];
        for (var p = 0; p < paths; p++)
        {
            fbm.SampleIncrements(rng, x);
            for (var k = 0; k < sums.Length; k++)
            {
                sums[k] += x[20] * x[20 + k]; // one pair per path: independent across paths
            }
        }

        for (var k = 0; k < sums.Length; k++)
        {
            // γ(k) = ½(|k+1|^{2H} − 2|k|^{2H} + |k−1|^{2H}); the sample mean of X₂₀X₂₀₊ₖ has sd √((1 + γ(k)²)/paths) ≤ 0.01.
            var gamma = 0.5 * (Math.Pow(k + 1, 2 * hurst) - 2 * Math.Pow(k, 2 * hurst) + Math.Pow(Math.Abs(k - 1), 2 * hurst));
            Assert.That(FractionalBrownianMotion.Autocovariance(hurst, k), Is.EqualTo(gamma).Within(1e-15));
            Assert.That(sums[k] / paths, Is.EqualTo(gamma).Within(4 * Math.Sqrt((1 + gamma * gamma) / paths)), $"lag {k}");
        }
    }

    [Test]
    public void PathVarianceScalesAsTimeToTheTwoH()
    {
        const double hurst = 0.2;
        const double horizon = 3.0;
        const int paths = 20_000;
        var fbm = new FractionalBrownianMotion(hurst, 30);
        var path = new double[31];
        var rng = new Random(8);
        double sumSqEnd = 0, sumSqMid = 0;
        for (var p = 0; p < paths; p++)
        {
            fbm.SamplePath(rng, horizon, path);
            Assert.That(path[0], Is.EqualTo(0));
            sumSqEnd += path[30] * path[30];
            sumSqMid += path[10] * path[10];
        }

        // Var B^H_t = t^{2H}; a sample second moment of a Gaussian has relative sd √(2/paths) = 1%; tolerance 4 sd.
        Assert.That(sumSqEnd / paths, Is.EqualTo(Math.Pow(horizon, 2 * hurst)).Within(4 * Math.Sqrt(2.0 / paths) * Math.Pow(horizon, 2 * hurst)));
        Assert.That(sumSqMid / paths, Is.EqualTo(1.0).Within(4 * Math.Sqrt(2.0 / paths)));
    }

    [Test]
    public void IsReproducibleFromASeedAndValidatesItsArguments()
    {
        var fbm = new FractionalBrownianMotion(0.3, 16);
        double[] a = new double[16], b = new double[16];
        fbm.SampleIncrements(new Random(42), a);
        fbm.SampleIncrements(new Random(42), b);
        Assert.That(a, Is.EqualTo(b));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new FractionalBrownianMotion(1.0, 16))!.ParameterName, Is.EqualTo("hurst"));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new FractionalBrownianMotion(0.3, 0))!.ParameterName, Is.EqualTo("steps"));
        // int.MaxValue steps used to spin forever: the power-of-two search overflowed to 0.
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new FractionalBrownianMotion(0.3, int.MaxValue))!.ParameterName, Is.EqualTo("steps"));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new FractionalBrownianMotion(0.3, FractionalBrownianMotion.MaxSteps + 1))!.ParameterName, Is.EqualTo("steps"));
        Assert.That(Assert.Throws<MarketMakingException>(() => fbm.SampleIncrements(new Random(1), new double[15]))!.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidParameters));
    }
}
