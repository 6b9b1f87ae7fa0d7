using System;
using FsCheck;
using FsCheck.Fluent;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Regimes;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Estimation.Regimes;

/// <summary>Invariants of the filter, smoother and likelihood over random models and data (FsCheck).</summary>
[TestFixture]
public class HiddenMarkovModelPropertyTests
{
    private const double Rounding = 1e-12;

    // A seed drives a random univariate model with 1–4 states and 1–60 observations, some far in the tails.
    private static readonly Arbitrary<int> Seeds = Gen.Choose(0, int.MaxValue - 1).ToArbitrary();

    [Test]
    public void FilteredAndSmoothedProbabilitiesAreDistributionsAndTheLikelihoodIsFinite()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var (model, x) = RandomCase(seed);
            var k = model.StateCount;
            var smoothed = GaussianHiddenMarkovModel.SmoothedProbabilities(model, x);
            var filter = new HiddenMarkovModelFilter(model);
            for (var t = 0; t < x.Length; t++)
            {
                filter.Update(x[t]);
                double sumSmoothed = 0, sumFiltered = 0;
                for (var j = 0; j < k; j++)
                {
                    if (smoothed[t, j] < 0 || smoothed[t, j] > 1 + Rounding || filter.Probabilities[j] < 0)
                    {
                        return false;
                    }

                    sumSmoothed += smoothed[t, j];
                    sumFiltered += filter.Probabilities[j];
                }

                if (Math.Abs(sumSmoothed - 1) > Rounding || Math.Abs(sumFiltered - 1) > Rounding)
                {
                    return false;
                }
            }

            var logLikelihood = GaussianHiddenMarkovModel.LogLikelihood(model, x);
            return double.IsFinite(logLikelihood)
                && Math.Abs(filter.LogLikelihood - logLikelihood) <= 1e-9 * (1 + Math.Abs(logLikelihood));
        }).QuickCheckThrowOnFailure();
    }

    [Test]
    public void RelabellingTheStatesChangesNothingButTheLabels()
    {
        Prop.ForAll(Seeds, seed =>
        {
            var (model, x) = RandomCase(seed);
            var k = model.StateCount;
            var order = new int[k];
            for (var j = 0; j < k; j++)
            {
                order[j] = (j + 1 + seed % k) % k;
            }

            var permuted = model.Permute(order);
            var logLikelihood = GaussianHiddenMarkovModel.LogLikelihood(model, x);
            if (Math.Abs(GaussianHiddenMarkovModel.LogLikelihood(permuted, x) - logLikelihood) > 1e-9 * (1 + Math.Abs(logLikelihood)))
            {
                return false;
            }

            var smoothed = GaussianHiddenMarkovModel.SmoothedProbabilities(model, x);
            var smoothedPermuted = GaussianHiddenMarkovModel.SmoothedProbabilities(permuted, x);
            for (var t = 0; t < x.Length; t++)
            {
                for (var j = 0; j < k; j++)
                {
                    if (Math.Abs(smoothedPermuted[t, j] - smoothed[t, order[j]]) > 1e-9)
                    {
                        return false;
                    }
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    [Test]
    public void FilterMatchesTheBatchForwardPassAndAllocatesNothing()
    {
        var model = new HiddenMarkovModelParameters(
            new[] { 0.5, 0.5 },
            new[,] { { 0.95, 0.05 }, { 0.1, 0.9 } },
            new[] { GaussianHiddenMarkovModelRecoveryTests.Emission(0, 0.01, 0.02, 0.3), GaussianHiddenMarkovModelRecoveryTests.Emission(0, 0.04, 0.05, -0.6) });
        var (x, _) = GaussianHiddenMarkovModelRecoveryTests.Simulate(model, 500, seed: 2);
        var logLikelihoods = new double[500 * 2];
        var observations = new double[2];
        var scratch = new double[2];
        for (var t = 0; t < 500; t++)
        {
            for (var j = 0; j < 2; j++)
            {
                logLikelihoods[t * 2 + j] = model.Emissions[j].LogDensity(new[] { x[t, 0], x[t, 1] }, scratch);
            }
        }

        var batch = new ForwardBackward(500, 2);
        batch.Run(model.InitialArray, model.TransitionArray, logLikelihoods, 500);
        var filter = new HiddenMarkovModelFilter(model);
        var filtered = new double[500];
        for (var pass = 0; pass < 2; pass++)
        {
            // The second pass measures allocations (the first warms up the JIT); no assertion runs inside the loop.
            filter.Reset();
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var t = 0; t < 500; t++)
            {
                observations[0] = x[t, 0];
                observations[1] = x[t, 1];
                filter.Update(observations);
                filtered[t] = filter.Probabilities[1];
            }

            Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero, "online update allocated");
        }

        for (var t = 0; t < 500; t++)
        {
            Assert.That(filtered[t], Is.EqualTo(batch.Filtered[2 * t + 1]).Within(1e-12), $"t = {t}");
        }

        Assert.That(filter.Count, Is.EqualTo(500));
    }

    [Test]
    public void ForwardBackwardRunAllocatesNothing()
    {
        var forwardBackward = new ForwardBackward(1000, 3);
        var random = new Random(4);
        var logLikelihoods = new double[3000];
        for (var i = 0; i < logLikelihoods.Length; i++)
        {
            logLikelihoods[i] = -5 * random.NextDouble();
        }

        double[] initial = { 0.2, 0.3, 0.5 }, transition = { 0.8, 0.1, 0.1, 0.2, 0.7, 0.1, 0.3, 0.3, 0.4 };
        forwardBackward.Run(initial, transition, logLikelihoods, 1000);
        var before = GC.GetAllocatedBytesForCurrentThread();
        forwardBackward.Run(initial, transition, logLikelihoods, 1000);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }

    [Test]
    public void FilterRejectsBadObservationsWithoutChangingState()
    {
        var filter = new HiddenMarkovModelFilter(new HiddenMarkovModelParameters(new[] { 1.0 }, new[,] { { 1.0 } }, new[] { GaussianEmission.Univariate(0, 1) }));
        Assert.That(Assert.Throws<MarketMakingException>(() => filter.Update(double.NaN))!.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidParameters));
        Assert.That(Assert.Throws<MarketMakingException>(() => filter.Update(new[] { 1.0, 2.0 }))!.ParameterName, Is.EqualTo("observation"));
        Assert.That(filter.Count, Is.Zero);
    }

    [Test]
    public void ParametersAreValidated()
    {
        var emissions = new[] { GaussianEmission.Univariate(0, 1), GaussianEmission.Univariate(0, 2) };
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new HiddenMarkovModelParameters(new[] { 0.5, 0.6 }, new[,] { { 1.0, 0 }, { 0, 1.0 } }, emissions))!.ParameterName, Is.EqualTo("initialDistribution"));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new HiddenMarkovModelParameters(new[] { 0.5, 0.5 }, new[,] { { 0.9, 0.2 }, { 0, 1.0 } }, emissions))!.ParameterName, Is.EqualTo("transitionMatrix[0,*]"));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new HiddenMarkovModelParameters(new[] { 0.5, 0.5 }, new[,] { { 1.1, -0.1 }, { 0, 1.0 } }, emissions))!.ParameterName, Is.EqualTo("transitionMatrix[0,*][0]"));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = GaussianEmission.Univariate(0, 0))!.ParameterName, Is.EqualTo("volatility"));
        var notPd = Assert.Throws<MarketMakingException>(() => _ = new GaussianEmission(new[] { 0.0, 0.0 }, new[,] { { 1.0, 2.0 }, { 2.0, 1.0 } }))!;
        Assert.That(notPd.Kind, Is.EqualTo(MarketMakingErrorKind.CorrelationMatrixNotPositiveDefinite));
        var valid = new HiddenMarkovModelParameters(new[] { 0.5, 0.5 }, new[,] { { 0.9, 0.1 }, { 0.2, 0.8 } }, emissions);
        Assert.That(valid.ExpectedDuration(0), Is.EqualTo(10).Within(1e-9));

        // Transition(1, -1) used to read the flat array at 1 and return A₀₁ = 0.1 silently; other indices threw IndexOutOfRange.
        Assert.That(Assert.Throws<MarketMakingException>(() => valid.Transition(1, -1))!.ParameterName, Is.EqualTo("to"));
        Assert.That(Assert.Throws<MarketMakingException>(() => valid.Transition(2, 0))!.ParameterName, Is.EqualTo("from"));
        Assert.That(Assert.Throws<MarketMakingException>(() => valid.ExpectedDuration(2))!.ParameterName, Is.EqualTo("state"));
        Assert.That(Assert.Throws<MarketMakingException>(() => emissions[0].Volatility(1))!.ParameterName, Is.EqualTo("i"));
        Assert.That(Assert.Throws<MarketMakingException>(() => emissions[0].Covariance(0, 1))!.ParameterName, Is.EqualTo("j"));
    }

    [Test]
    public void EmissionLogDensityMatchesMathNet()
    {
        var e = GaussianHiddenMarkovModelRecoveryTests.Emission(0.1, 0.5, 2.0, -0.4);
        var x = new[] { 0.7, -1.3 };
        // Bivariate normal density in closed form.
        double z1 = (x[0] - 0.1) / 0.5, z2 = (x[1] - 0.1) / 2.0, r = -0.4;
        var expected = -Math.Log(2 * Math.PI * 0.5 * 2.0 * Math.Sqrt(1 - r * r)) - (z1 * z1 - 2 * r * z1 * z2 + z2 * z2) / (2 * (1 - r * r));
        Assert.That(e.LogDensity(x, new double[2]), Is.EqualTo(expected).Within(1e-12));
        Assert.That(GaussianEmission.Univariate(0.3, 1.7).LogDensity(new[] { -0.2 }, new double[1]), Is.EqualTo(MathNet.Numerics.Distributions.Normal.PDFLn(0.3, 1.7, -0.2)).Within(1e-12));
    }

    private static (HiddenMarkovModelParameters Model, double[] Observations) RandomCase(int seed)
    {
        var random = new Random(seed);
        var k = 1 + random.Next(4);
        var initial = RandomDistribution(random, k);
        var transition = new double[k, k];
        var emissions = new GaussianEmission[k];
        for (var i = 0; i < k; i++)
        {
            var row = RandomDistribution(random, k);
            for (var j = 0; j < k; j++)
            {
                transition[i, j] = row[j];
            }

            emissions[i] = GaussianEmission.Univariate(2 * random.NextDouble() - 1, 0.05 + 2 * random.NextDouble());
        }

        var x = new double[1 + random.Next(60)];
        for (var t = 0; t < x.Length; t++)
        {
            x[t] = (random.NextDouble() - 0.5) * (random.Next(10) == 0 ? 40 : 4);
        }

        return (new HiddenMarkovModelParameters(initial, transition, emissions), x);
    }

    private static double[] RandomDistribution(Random random, int k)
    {
        var p = new double[k];
        var sum = 0.0;
        for (var j = 0; j < k; j++)
        {
            p[j] = random.NextDouble() + (random.Next(4) == 0 ? 0 : 0.01);
            sum += p[j];
        }

        for (var j = 0; j < k; j++)
        {
            p[j] /= sum;
        }

        return p;
    }
}
