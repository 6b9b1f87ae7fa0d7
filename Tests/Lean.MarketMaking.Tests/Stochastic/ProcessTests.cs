using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Stochastic;
using MathNet.Numerics.Distributions;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Stochastic;

[TestFixture]
public class ProcessTests
{
    [Test]
    public void OrnsteinUhlenbeckExactStepHasTheClosedFormMoments()
    {
        // κ = 3, θ = 0.5, σ = 0.4, X₀ = 2, t = 0.7: mean θ + (X₀ − θ)e^{−κt}, variance σ²(1 − e^{−2κt})/(2κ).
        var ou = new OrnsteinUhlenbeckProcess(3, 0.5, 0.4);
        Assert.That(ou.Mean(2, 0.7), Is.EqualTo(0.5 + 1.5 * Math.Exp(-2.1)).Within(1e-15));
        Assert.That(ou.Variance(0.7), Is.EqualTo(0.16 * (1 - Math.Exp(-4.2)) / 6).Within(1e-15));
        Assert.That(ou.StationaryVariance, Is.EqualTo(0.16 / 6).Within(1e-15));

        // Seven exact steps of 0.1 compose to the 0.7 transition: sample mean/variance within 4 standard errors.
        const int paths = 40_000;
        var rng = new Random(21);
        double sum = 0, sumSq = 0;
        for (var p = 0; p < paths; p++)
        {
            var x = 2.0;
            for (var k = 0; k < 7; k++)
            {
                x = ou.ExactStep(x, 0.1, Normal.Sample(rng, 0, 1));
            }

            sum += x;
            sumSq += x * x;
        }

        var mean = sum / paths;
        var variance = sumSq / paths - mean * mean;
        Assert.That(mean, Is.EqualTo(ou.Mean(2, 0.7)).Within(4 * Math.Sqrt(ou.Variance(0.7) / paths)));
        Assert.That(variance, Is.EqualTo(ou.Variance(0.7)).Within(4 * Math.Sqrt(2.0 / paths) * ou.Variance(0.7)));
    }

    [TestCase(SdeScheme.EulerMaruyama)]
    [TestCase(SdeScheme.Milstein)]
    public void OrnsteinUhlenbeckSchemesConvergeToTheExactLaw(SdeScheme scheme)
    {
        // Additive noise: b′ = 0, so Milstein equals Euler–Maruyama; Δt = 1/1000 biases the mean by O(κΔt) ≈ 0.3% of
        // (X₀ − θ)e^{−κt}, below the 4-standard-error tolerance of 20 000 paths.
        var ou = new OrnsteinUhlenbeckProcess(3, 0.5, 0.4);
        const int paths = 20_000, steps = 700;
        var path = new double[steps + 1];
        var rng = new Random(22);
        double sum = 0, sumSq = 0;
        for (var p = 0; p < paths; p++)
        {
            ScalarSdeSolver.Simulate(ou, scheme, 2, 0, 0.001, rng, path);
            sum += path[steps];
            sumSq += path[steps] * path[steps];
        }

        var mean = sum / paths;
        Assert.That(mean, Is.EqualTo(ou.Mean(2, 0.7)).Within(4 * Math.Sqrt(ou.Variance(0.7) / paths)));
        Assert.That(sumSq / paths - mean * mean, Is.EqualTo(ou.Variance(0.7)).Within(4 * Math.Sqrt(2.0 / paths) * ou.Variance(0.7)));
    }

    [Test]
    public void GbmExactSolutionAndMean()
    {
        var gbm = new GeometricBrownianMotion(0.1, 0.3);
        Assert.That(gbm.ExactSolution(100, 2, 0.5), Is.EqualTo(100 * Math.Exp((0.1 - 0.045) * 2 + 0.15)).Within(1e-12));
        Assert.That(gbm.Mean(100, 2), Is.EqualTo(100 * Math.Exp(0.2)).Within(1e-12));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new GeometricBrownianMotion(0.1, -1))!.ParameterName, Is.EqualTo("volatility"));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new OrnsteinUhlenbeckProcess(0, 0, 1))!.ParameterName, Is.EqualTo("meanReversion"));
    }

    [Test]
    public void DelegateSdeMatchesTheTypedOneAndMilsteinNeedsTheDerivative()
    {
        var typed = new GeometricBrownianMotion(0.5, 0.8);
        var general = new ScalarSde((_, x) => 0.5 * x, (_, x) => 0.8 * x, (_, _) => 0.8);
        double[] dW = [0.1, -0.05, 0.2, 0.0, -0.3];
        double[] a = new double[6], b = new double[6];
        ScalarSdeSolver.Solve(typed, SdeScheme.Milstein, 1, 0, 0.01, dW, a);
        ScalarSdeSolver.Solve(general, SdeScheme.Milstein, 1, 0, 0.01, dW, b);
        Assert.That(b, Is.EqualTo(a));

        // One Milstein step by hand: x + μxΔt + σxΔW + ½σ²x(ΔW² − Δt).
        Assert.That(a[1], Is.EqualTo(1 + 0.5 * 0.01 + 0.8 * 0.1 + 0.5 * 0.64 * (0.01 - 0.01)).Within(1e-15));

        var noDerivative = new ScalarSde((_, x) => x, (_, x) => x);
        Assert.That(Assert.Throws<MarketMakingException>(() => ScalarSdeSolver.Solve(noDerivative, SdeScheme.Milstein, 1, 0, 0.01, dW, a))!.ParameterName,
            Is.EqualTo("diffusionDerivative"));
        Assert.That(Assert.Throws<MarketMakingException>(() => ScalarSdeSolver.Solve(typed, SdeScheme.EulerMaruyama, 1, 0, 0.01, dW, new double[5]))!.ParameterName,
            Is.EqualTo("path"));
        Assert.That(Assert.Throws<MarketMakingException>(() => ScalarSdeSolver.Solve(typed, SdeScheme.EulerMaruyama, 1, 0, 0, dW, a))!.ParameterName,
            Is.EqualTo("dt"));
    }

    [Test]
    public void SimulationIsSeededAndReproducible()
    {
        var gbm = new GeometricBrownianMotion(0.05, 0.2);
        double[] a = new double[101], b = new double[101];
        ScalarSdeSolver.Simulate(gbm, SdeScheme.EulerMaruyama, 100, 0, 0.01, new Random(5), a);
        ScalarSdeSolver.Simulate(gbm, SdeScheme.EulerMaruyama, 100, 0, 0.01, new Random(5), b);
        Assert.That(b, Is.EqualTo(a));
        Assert.That(a[0], Is.EqualTo(100));
    }

    [Test]
    public void CompensatedJumpDiffusionIsAMartingaleWithTheJumpVariance()
    {
        // dX = σ dW + dJ̃, σ = 0.2, λ = 5 per unit time, double-exponential sizes (p = 0.3, η⁺ = 20, η⁻ = 10): E[Y] =
        // 0.3/20 − 0.7/10 = −0.055 (strongly asymmetric, so a missing compensator would shift the mean by λE[Y]T = −0.275),
        // E[Y²] = 2·0.3/400 + 2·0.7/100 = 0.0155. Over T = 1: E[X_T] = X₀, Var = σ²T + λE[Y²]T = 0.04 + 0.0775.
        var sde = new ScalarSde((_, _) => 0, (_, _) => 0.2, (_, _) => 0);
        var sizes = new DoubleExponentialJumpSizes(0.3, 20, 10);
        Assert.That(sizes.Mean, Is.EqualTo(-0.055).Within(1e-15));
        Assert.That(sizes.SecondMoment, Is.EqualTo(0.0155).Within(1e-15));
        var jumps = new CompoundPoissonJumps(5, sizes);
        const int paths = 40_000, steps = 100;
        var path = new double[steps + 1];
        var rng = new Random(23);
        double sum = 0, sumSq = 0, sum4 = 0;
        for (var p = 0; p < paths; p++)
        {
            JumpDiffusionSolver.Simulate(sde, jumps, SdeScheme.EulerMaruyama, 1, 0, 1.0 / steps, rng, path);
            var d = path[steps] - 1;
            sum += d;
            sumSq += d * d;
            sum4 += d * d * d * d;
        }

        const double variance = 0.04 + 5 * 0.0155;
        var mean = sum / paths;
        var sampleVariance = sumSq / paths - mean * mean;

        // Standard errors: sd/√paths for the mean; √((m₄ − s⁴)/paths) for the variance (heavy-tailed jumps). 4 se each.
        Assert.That(mean, Is.EqualTo(0).Within(4 * Math.Sqrt(variance / paths)));
        Assert.That(sampleVariance, Is.EqualTo(variance).Within(4 * Math.Sqrt((sum4 / paths - sampleVariance * sampleVariance) / paths)));
    }

    [Test]
    public void NormalJumpSizesHaveTheirMoments()
    {
        var sizes = new NormalJumpSizes(-0.02, 0.05);
        Assert.That(sizes.SecondMoment, Is.EqualTo(0.0004 + 0.0025).Within(1e-15));
        var rng = new Random(24);
        const int n = 40_000;
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += sizes.Sample(rng);
        }

        Assert.That(sum / n, Is.EqualTo(-0.02).Within(4 * 0.05 / Math.Sqrt(n)));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new CompoundPoissonJumps(-1, sizes))!.ParameterName, Is.EqualTo("intensity"));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new DoubleExponentialJumpSizes(1.5, 1, 1))!.ParameterName, Is.EqualTo("probabilityUp"));
    }

    [Test]
    public void BadStepsAndDivergenceThrowNamedErrorsInsteadOfNaN()
    {
        // Each of these used to return NaN/∞ or escape as MathNet's ArgumentException.
        var ou = new OrnsteinUhlenbeckProcess(1, 0, 1);
        Assert.That(Assert.Throws<MarketMakingException>(() => ou.Variance(-1))!.ParameterName, Is.EqualTo("time"));
        Assert.That(Assert.Throws<MarketMakingException>(() => ou.ExactStep(0, -1, 0.5))!.ParameterName, Is.EqualTo("dt"));

        var jumps = new CompoundPoissonJumps(1, new NormalJumpSizes(0, 1));
        Assert.That(Assert.Throws<MarketMakingException>(() => jumps.SampleCompensatedIncrement(new Random(1), 0))!.ParameterName, Is.EqualTo("dt"));

        // dX = X² dt from X₀ = 10 with dt = 1 overflows within a few steps.
        var explosive = new ScalarSde((t, x) => x * x, (t, x) => 0, (t, x) => 0);
        var path = new double[50];
        var e = Assert.Throws<MarketMakingException>(() => ScalarSdeSolver.Simulate(explosive, SdeScheme.Milstein, 10, 0, 1, new Random(1), path))!;
        Assert.That(e.Kind, Is.EqualTo(MarketMakingErrorKind.NumericalInstability));
        Assert.That(Assert.Throws<MarketMakingException>(() =>
            JumpDiffusionSolver.Simulate(explosive, jumps, SdeScheme.EulerMaruyama, 10, 0, 1, new Random(1), path))!.Kind,
            Is.EqualTo(MarketMakingErrorKind.NumericalInstability));

        var gbm = new GeometricBrownianMotion(0, 1);
        Assert.That(Assert.Throws<MarketMakingException>(() =>
            ScalarSdeSolver.Solve(gbm, SdeScheme.EulerMaruyama, 1, 0, 1, new[] { double.NaN, 1 }, new double[3]))!.ParameterName,
            Is.EqualTo("brownianIncrements[0]"));
        Assert.That(Assert.Throws<MarketMakingException>(() =>
            ScalarSdeSolver.Simulate(gbm, (SdeScheme)7, 1, 0, 1, new Random(1), new double[3]))!.ParameterName,
            Is.EqualTo("scheme"));
    }
}
