using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Regimes;
using Lean.MarketMaking.Models.LinearAlgebra;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Random;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Estimation.Regimes;

/// <summary>Baum–Welch recovers the parameters of seeded Gaussian HMM simulations.</summary>
[TestFixture]
public class GaussianHiddenMarkovModelRecoveryTests
{
    // Tolerances are 5 asymptotic standard errors of the complete-data estimators (state known), computed from the true
    // parameters and the expected state occupancies; the hidden-state version has slightly larger errors when the
    // regimes are well separated, which 5 (rather than 2–3) standard errors absorbs.
    private const double StandardErrors = 5.0;

    [Test]
    public void RecoversATwoStateVolatilityRegimeModel()
    {
        var truth = new HiddenMarkovModelParameters(
            new[] { 0.5, 0.5 },
            new[,] { { 0.99, 0.01 }, { 0.03, 0.97 } },
            new[] { GaussianEmission.Univariate(0.0005, 0.01), GaussianEmission.Univariate(-0.001, 0.03) });
        const int n = 20_000;
        var (x, _) = Simulate(truth, n, seed: 7);
        var returns = new double[n];
        for (var t = 0; t < n; t++)
        {
            returns[t] = x[t, 0];
        }

        var fit = GaussianHiddenMarkovModel.Fit(returns, new HiddenMarkovModelFitOptions(2, seed: 3));

        Assert.That(fit.Converged, Is.True);
        var p = fit.Parameters;
        var occupancy = new[] { 0.75 * n, 0.25 * n }; // stationary distribution (0.03, 0.01)/0.04
        for (var j = 0; j < 2; j++)
        {
            var sigma = truth.Emissions[j].Volatility(0);
            Assert.That(p.Emissions[j].Mean[0], Is.EqualTo(truth.Emissions[j].Mean[0]).Within(StandardErrors * sigma / Math.Sqrt(occupancy[j])), $"mean {j}");
            Assert.That(p.Emissions[j].Volatility(0), Is.EqualTo(sigma).Within(StandardErrors * sigma / Math.Sqrt(2 * occupancy[j])), $"volatility {j}");
            var a = truth.Transition(j, j);
            Assert.That(p.Transition(j, j), Is.EqualTo(a).Within(StandardErrors * Math.Sqrt(a * (1 - a) / occupancy[j])), $"persistence {j}");
        }
    }

    [Test]
    public void RecoversAThreeStateBivariateModelWithRegimeCorrelations()
    {
        var truth = new HiddenMarkovModelParameters(
            new[] { 1.0 / 3, 1.0 / 3, 1.0 / 3 },
            new[,] { { 0.98, 0.015, 0.005 }, { 0.03, 0.95, 0.02 }, { 0.02, 0.08, 0.90 } },
            new[]
            {
                Emission(0.0, 0.01, 0.01, 0.2),
                Emission(0.001, 0.02, 0.015, 0.7),
                Emission(-0.002, 0.05, 0.04, -0.5),
            });
        const int n = 30_000;
        var (x, states) = Simulate(truth, n, seed: 11);
        var occupancy = new double[3];
        foreach (var s in states)
        {
            occupancy[s]++;
        }

        var fit = GaussianHiddenMarkovModel.Fit(x, new HiddenMarkovModelFitOptions(3, seed: 5));

        Assert.That(fit.Converged, Is.True);
        var p = fit.Parameters;
        for (var j = 0; j < 3; j++)
        {
            var e = truth.Emissions[j];
            var rho = e.Correlation()[0, 1];
            Assert.That(p.Emissions[j].Correlation()[0, 1], Is.EqualTo(rho).Within(StandardErrors * (1 - rho * rho) / Math.Sqrt(occupancy[j])), $"correlation {j}");
            for (var i = 0; i < 2; i++)
            {
                var sigma = e.Volatility(i);
                Assert.That(p.Emissions[j].Volatility(i), Is.EqualTo(sigma).Within(StandardErrors * sigma / Math.Sqrt(2 * occupancy[j])), $"volatility {j},{i}");
                Assert.That(p.Emissions[j].Mean[i], Is.EqualTo(e.Mean[i]).Within(StandardErrors * sigma / Math.Sqrt(occupancy[j])), $"mean {j},{i}");
            }

            var a = truth.Transition(j, j);
            Assert.That(p.Transition(j, j), Is.EqualTo(a).Within(StandardErrors * Math.Sqrt(a * (1 - a) / occupancy[j])), $"persistence {j}");
        }

        // The Viterbi path of a well-separated model should label almost every observation correctly.
        var path = GaussianHiddenMarkovModel.MostLikelyPath(p, x);
        var agree = 0;
        for (var t = 0; t < n; t++)
        {
            agree += path[t] == states[t] ? 1 : 0;
        }

        Assert.That(agree / (double)n, Is.GreaterThan(0.9));
    }

    [Test]
    public void NonConvergenceIsReportedOrThrown()
    {
        var (x, _) = Simulate(
            new HiddenMarkovModelParameters(new[] { 0.5, 0.5 }, new[,] { { 0.9, 0.1 }, { 0.1, 0.9 } }, new[] { GaussianEmission.Univariate(0, 1), GaussianEmission.Univariate(0, 3) }),
            2_000,
            seed: 1);
        var returns = new double[x.GetLength(0)];
        for (var t = 0; t < returns.Length; t++)
        {
            returns[t] = x[t, 0];
        }

        var reported = GaussianHiddenMarkovModel.Fit(returns, new HiddenMarkovModelFitOptions(2, starts: 1, maxIterations: 1, requireConvergence: false));
        Assert.That(reported.Converged, Is.False);
        Assert.That(reported.Iterations, Is.EqualTo(1));
        var e = Assert.Throws<MarketMakingException>(() => GaussianHiddenMarkovModel.Fit(returns, new HiddenMarkovModelFitOptions(2, starts: 1, maxIterations: 1)))!;
        Assert.That(e.Kind, Is.EqualTo(MarketMakingErrorKind.ModelConvergenceFailed));
    }

    [Test]
    public void RejectsBadInputs()
    {
        Assert.That(Assert.Throws<MarketMakingException>(() => GaussianHiddenMarkovModel.Fit(new[] { 1.0, double.NaN, 2, 3, 4, 5, 6, 7 }, new HiddenMarkovModelFitOptions(1)))!.ParameterName, Is.EqualTo("observations[1]"));
        Assert.That(Assert.Throws<MarketMakingException>(() => GaussianHiddenMarkovModel.Fit(new[] { 1.0, 2.0 }, new HiddenMarkovModelFitOptions(2)))!.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidParameters));
        Assert.That(Assert.Throws<MarketMakingException>(() => GaussianHiddenMarkovModel.Fit(new double[20], new HiddenMarkovModelFitOptions(2)))!.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new HiddenMarkovModelFitOptions(0))!.ParameterName, Is.EqualTo("states"));
    }

    internal static GaussianEmission Emission(double mean, double sigma1, double sigma2, double rho) =>
        GaussianEmission.FromVolatilities(new[] { mean, mean }, new[] { sigma1, sigma2 }, new CorrelationMatrix(new[,] { { 1, rho }, { rho, 1 } }));

    /// <summary>Draws N observations and their hidden states from <paramref name="model"/>.</summary>
    internal static (double[,] Observations, int[] States) Simulate(HiddenMarkovModelParameters model, int n, int seed)
    {
        var random = new MersenneTwister(seed);
        var d = model.Dimension;
        var k = model.StateCount;
        var x = new double[n, d];
        var states = new int[n];
        var z = new double[d];
        var state = Draw(random, j => model.InitialDistribution[j], k);
        for (var t = 0; t < n; t++)
        {
            if (t > 0)
            {
                var from = state;
                state = Draw(random, j => model.Transition(from, j), k);
            }

            states[t] = state;
            var e = model.Emissions[state];
            for (var i = 0; i < d; i++)
            {
                z[i] = Normal.Sample(random, 0, 1);
            }

            // x = μ + L z with Σ = L Lᵀ (the emission's Cholesky factor).
            for (var i = 0; i < d; i++)
            {
                var v = e.Mean[i];
                for (var j = 0; j <= i; j++)
                {
                    v += e.CholeskyFactor[i * d + j] * z[j];
                }

                x[t, i] = v;
            }
        }

        return (x, states);
    }

    private static int Draw(Random random, Func<int, double> probability, int k)
    {
        var u = random.NextDouble();
        for (var j = 0; j < k - 1; j++)
        {
            u -= probability(j);
            if (u < 0)
            {
                return j;
            }
        }

        return k - 1;
    }
}
