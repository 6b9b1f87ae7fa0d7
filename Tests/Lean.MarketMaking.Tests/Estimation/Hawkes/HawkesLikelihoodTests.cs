using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Hawkes;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Estimation.Hawkes;

[TestFixture]
public class HawkesLikelihoodTests
{
    private static readonly HawkesParameters TwoD = new(new[] { 0.4, 0.3 }, new[,] { { 0.4, 0.2 }, { 0.3, 0.3 } }, 1.5);

    [Test]
    public void MatchesTheBruteForceDefinitionUnivariate()
    {
        var p = HawkesParameters.Univariate(0.5, 0.6, 2.0);
        var events = HawkesSimulator.Simulate(p, 400, seed: 7);
        Assert.That(events.TotalCount, Is.GreaterThan(300));
        var expected = HawkesBruteForce.LogLikelihood(p, events);
        // Same sums in a different order: agreement to ~1e-12 relative is rounding only.
        Assert.That(HawkesLikelihood.LogLikelihood(p, events), Is.EqualTo(expected).Within(1e-10 * Math.Abs(expected)));
        // Under different parameters than the simulating ones too.
        var other = HawkesParameters.Univariate(1.1, 0.2, 7.0);
        Assert.That(HawkesLikelihood.LogLikelihood(other, events), Is.EqualTo(HawkesBruteForce.LogLikelihood(other, events)).Within(1e-10 * Math.Abs(expected)));
    }

    [Test]
    public void MatchesTheBruteForceDefinitionMultivariate()
    {
        var events = HawkesSimulator.Simulate(TwoD, 300, seed: 11);
        Assert.That(events.Count(0), Is.GreaterThan(100));
        Assert.That(events.Count(1), Is.GreaterThan(100));
        var expected = HawkesBruteForce.LogLikelihood(TwoD, events);
        Assert.That(HawkesLikelihood.LogLikelihood(TwoD, events), Is.EqualTo(expected).Within(1e-10 * Math.Abs(expected)));
    }

    [Test]
    public void SimultaneousEventsDoNotExciteEachOther()
    {
        // Ties within and across types, and an event at the window end: the kernel only acts on strictly earlier events.
        var events = new HawkesEvents(new[] { new[] { 0.0, 1.0, 1.0, 2.5, 4.0 }, new[] { 1.0, 2.5, 2.5, 3.0 } }, 4.0);
        var expected = HawkesBruteForce.LogLikelihood(TwoD, events);
        Assert.That(HawkesLikelihood.LogLikelihood(TwoD, events), Is.EqualTo(expected).Within(1e-12 * Math.Abs(expected)));
        var univariate = HawkesParameters.Univariate(0.5, 0.6, 2.0);
        var single = new HawkesEvents(new[] { new[] { 0.5, 0.5, 0.5, 1.0, 3.0, 3.0 } }, 3.0);
        Assert.That(HawkesLikelihood.LogLikelihood(univariate, single), Is.EqualTo(HawkesBruteForce.LogLikelihood(univariate, single)).Within(1e-12));
    }

    [Test]
    public void EmptyPathIsPoissonVoid()
    {
        // No events: log L = −Σμᵢ·T exactly.
        var events = new HawkesEvents(new[] { Array.Empty<double>(), Array.Empty<double>() }, 10.0);
        Assert.That(HawkesLikelihood.LogLikelihood(TwoD, events), Is.EqualTo(-0.7 * 10.0).Within(1e-15));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void GradientMatchesFiniteDifferences(int dimension)
    {
        var rng = new Random(dimension);
        var mu = Enumerable.Range(0, dimension).Select(_ => 0.2 + (0.5 * rng.NextDouble())).ToArray();
        var alpha = new double[dimension, dimension];
        for (var i = 0; i < dimension; i++)
        {
            for (var j = 0; j < dimension; j++)
            {
                alpha[i, j] = 0.5 * rng.NextDouble() / dimension;
            }
        }

        var p = new HawkesParameters(mu, alpha, 1.7);
        var events = HawkesSimulator.Simulate(p, 500, seed: 3);
        // Evaluate away from the simulating point so the gradient is far from zero.
        var at = new HawkesParameters(mu.Select(m => m * 1.3).ToArray(), Scale(alpha, 0.7), 2.4);
        var gradient = HawkesLikelihood.Gradient(at, events, out var logLikelihood);
        Assert.That(logLikelihood, Is.EqualTo(HawkesLikelihood.LogLikelihood(at, events)));
        var x = Flatten(at);
        for (var k = 0; k < x.Length; k++)
        {
            // Central differences: truncation O(h²·f‴) and rounding O(ε·|log L|/h); h = 1e-5·max(x, 0.01) makes both < 1e-5 of the gradient scale.
            var h = 1e-5 * Math.Max(Math.Abs(x[k]), 0.01);
            var numeric = (LogLikelihoodAt(x, k, h, events, dimension) - LogLikelihoodAt(x, k, -h, events, dimension)) / (2 * h);
            Assert.That(gradient[k], Is.EqualTo(numeric).Within(1e-5 * Math.Max(1.0, Math.Abs(numeric))), $"component {k}");
        }
    }

    [Test]
    public void LikelihoodAndGradientAreFiniteForValidParameters()
    {
        var scenario = Arb.From(Gen.Choose(0, int.MaxValue - 1));
        Prop.ForAll(scenario, seed =>
        {
            var (p, events) = RandomScenario(new Random(seed));
            var gradient = HawkesLikelihood.Gradient(p, events, out var logLikelihood);
            return double.IsFinite(logLikelihood) && gradient.All(double.IsFinite);
        }).QuickCheckThrowOnFailure();
    }

    [Test]
    public void ShiftingEventsAndWindowChangesNothing()
    {
        var scenario = Arb.From(Gen.Choose(0, int.MaxValue - 1));
        Prop.ForAll(scenario, seed =>
        {
            var rng = new Random(seed);
            var (p, events) = RandomScenario(rng);
            var shift = (rng.NextDouble() - 0.5) * 2000;
            var shifted = new HawkesEvents(
                Enumerable.Range(0, events.Dimension).Select(i => events.Times(i).Select(t => t + shift).ToArray()).ToArray(),
                events.Start + shift,
                events.End + shift);
            var a = HawkesLikelihood.LogLikelihood(p, events);
            var b = HawkesLikelihood.LogLikelihood(p, shifted);
            // Shifting by |c| ≤ 1000 perturbs each time difference by ~1e-13; β·Δ·N stays far below 1e-7 relative.
            return Math.Abs(a - b) <= 1e-7 * Math.Max(1.0, Math.Abs(a));
        }).QuickCheckThrowOnFailure();
    }

    [TestCase(1)]
    [TestCase(4)]
    public void LikelihoodAndGradientPassAllocatesNothing(int dimension)
    {
        var alpha = new double[dimension, dimension];
        for (var i = 0; i < dimension; i++)
        {
            alpha[i, i] = 0.5;
        }

        var p = new HawkesParameters(Enumerable.Repeat(0.5, dimension).ToArray(), alpha, 2.0);
        var events = HawkesSimulator.Simulate(p, 1_000, seed: 1);
        var gradient = new double[p.ParameterCount];
        _ = HawkesLikelihood.Evaluate(events, p.Mu.AsSpan(), p.AlphaSpan, p.Beta, gradient);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var value = HawkesLikelihood.Evaluate(events, p.Mu.AsSpan(), p.AlphaSpan, p.Beta, gradient);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
        Assert.That(value, Is.EqualTo(HawkesLikelihood.LogLikelihood(p, events)));
    }

    [Test]
    public void OverflowingParametersThrowInsteadOfReturningNaN()
    {
        // μ = α = β = 1e300 overflow λ = μ + αβR to ∞; log L used to come out NaN.
        var events = new HawkesEvents(new[] { new[] { 1.0, 1.5 } }, 2.0);
        var extreme = HawkesParameters.Univariate(1e300, 1e300, 1e300);
        Assert.That(Assert.Throws<MarketMakingException>(() => HawkesLikelihood.LogLikelihood(extreme, events))!.Kind, Is.EqualTo(MarketMakingErrorKind.NumericalInstability));
        Assert.That(Assert.Throws<MarketMakingException>(() => HawkesLikelihood.Gradient(extreme, events, out _))!.Kind, Is.EqualTo(MarketMakingErrorKind.NumericalInstability));
    }

    [Test]
    public void RejectsADimensionMismatch()
    {
        var events = new HawkesEvents(new[] { new[] { 1.0 } }, 2.0);
        var e = Assert.Throws<MarketMakingException>(() => HawkesLikelihood.LogLikelihood(TwoD, events))!;
        Assert.That(e.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidParameters));
        Assert.That(e.ParameterName, Is.EqualTo("events"));
    }

    /// <summary>Random valid parameters (stationary or not, μ and β over six decades) and random paths with ties.</summary>
    private static (HawkesParameters P, HawkesEvents Events) RandomScenario(Random rng)
    {
        var d = rng.Next(1, 4);
        double LogUniform(double lo, double hi) => lo * Math.Pow(hi / lo, rng.NextDouble());
        var mu = Enumerable.Range(0, d).Select(_ => LogUniform(1e-3, 1e3)).ToArray();
        var alpha = new double[d, d];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++)
            {
                alpha[i, j] = rng.Next(4) == 0 ? 0.0 : 3.0 * rng.NextDouble();
            }
        }

        var horizon = LogUniform(1e-2, 1e3);
        var times = Enumerable.Range(0, d).Select(_ =>
        {
            var n = rng.Next(0, 60);
            var t = Enumerable.Range(0, n).Select(_ => horizon * rng.NextDouble()).ToArray();
            if (n > 2 && rng.Next(2) == 0)
            {
                t[1] = t[0];
            }

            Array.Sort(t);
            return t;
        }).ToArray();
        return (new HawkesParameters(mu, alpha, LogUniform(1e-3, 1e4)), new HawkesEvents(times, horizon));
    }

    private static double[] Flatten(HawkesParameters p) =>
        p.Mu.Concat(Enumerable.Range(0, p.Dimension * p.Dimension).Select(k => p.Alpha(k / p.Dimension, k % p.Dimension))).Append(p.Beta).ToArray();

    private static double LogLikelihoodAt(double[] x, int k, double h, HawkesEvents events, int d)
    {
        var y = (double[])x.Clone();
        y[k] += h;
        var alpha = new double[d, d];
        for (var i = 0; i < d; i++)
        {
            for (var j = 0; j < d; j++)
            {
                alpha[i, j] = y[d + (i * d) + j];
            }
        }

        return HawkesLikelihood.LogLikelihood(new HawkesParameters(y[..d], alpha, y[^1]), events);
    }

    private static double[,] Scale(double[,] a, double c)
    {
        var b = (double[,])a.Clone();
        for (var i = 0; i < b.GetLength(0); i++)
        {
            for (var j = 0; j < b.GetLength(1); j++)
            {
                b[i, j] *= c;
            }
        }

        return b;
    }
}
