using System;
using Lean.MarketMaking.Models.Anchor;
using Lean.MarketMaking.Models.Estimation.Hawkes;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Anchor;

[TestFixture]
public class HawkesForecastTests
{
    private static HawkesParameters FourNodes()
    {
        var alpha = new double[4, 4];
        alpha[0, 0] = 0.7;
        alpha[2, 2] = 0.6;
        alpha[0, 2] = 0.1;
        alpha[2, 0] = 0.1;
        alpha[1, 0] = 0.3;
        alpha[3, 2] = 0.3;
        alpha[1, 1] = 0.2;
        alpha[3, 3] = 0.2;
        return new HawkesParameters(new[] { 12.0, 40.0, 20.0, 40.0 }, alpha, 50.0);
    }

    [Test]
    public void ClosedFormMatchesTheUnivariateFormula()
    {
        // m' = −κ(m − m∞), κ = β(1 − α), m∞ = αμ/(1 − α); E N(h) = μh + m∞h + (m₀ − m∞)(1 − e^(−κh))/κ, m₀ = αβR.
        const double mu = 5, a = 0.6, beta = 30, h = 0.02, excitation = 2.5;
        var forecaster = new ClosedFormEventCountForecaster();
        forecaster.Prepare(HawkesParameters.Univariate(mu, a, beta), h);
        Span<double> counts = stackalloc double[1];
        forecaster.Forecast(new[] { excitation }, counts);
        var kappa = beta * (1 - a);
        var mInf = a * mu / (1 - a);
        var m0 = a * beta * excitation;
        var expected = (mu * h) + (mInf * h) + ((m0 - mInf) * (1 - Math.Exp(-kappa * h)) / kappa);
        Assert.That(counts[0], Is.EqualTo(expected).Within(1e-12 * expected));
    }

    [Test]
    public void ClosedFormForecastMatchesSimulatedCountsWithinMonteCarloError()
    {
        // Ground truth: 40,000 continuations of the process from one excited state, simulated by Ogata thinning.
        var parameters = FourNodes();
        var state = new[] { 3.0, 0.5, 0.2, 1.0 };
        const double h = 0.010;
        var forecaster = new ClosedFormEventCountForecaster();
        forecaster.Prepare(parameters, h);
        var forecast = new double[4];
        forecaster.Forecast(state, forecast);

        const int paths = 40_000;
        var random = new Random(12);
        var sum = new double[4];
        var sumSquares = new double[4];
        var scratch = new double[4];
        var counts = new int[4];
        for (var p = 0; p < paths; p++)
        {
            state.CopyTo(scratch, 0);
            Array.Clear(counts);
            HawkesSimulator.CountContinuation(parameters, scratch, h, random, counts);
            for (var i = 0; i < 4; i++)
            {
                sum[i] += counts[i];
                sumSquares[i] += counts[i] * (double)counts[i];
            }
        }

        for (var i = 0; i < 4; i++)
        {
            var mean = sum[i] / paths;
            var standardError = Math.Sqrt(((sumSquares[i] / paths) - (mean * mean)) / paths);
            Assert.That(forecast[i], Is.EqualTo(mean).Within(4 * standardError), $"node {i}: simulated {mean} ± {standardError}");
        }

        // The excited node is forecast well above its unexcited count: the state matters.
        var calm = new double[4];
        forecaster.Forecast(new double[4], calm);
        Assert.That(forecast[0], Is.GreaterThan(calm[0] + (20 * Math.Sqrt(sumSquares[0] / paths / paths))));
    }

    [Test]
    public void ThinningForecasterConvergesToTheClosedForm()
    {
        var parameters = FourNodes();
        var state = new[] { 1.0, 0.0, 2.0, 0.0 };
        var closed = new ClosedFormEventCountForecaster();
        closed.Prepare(parameters, 0.01);
        var thinning = new ThinningEventCountForecaster(20_000, seed: 5);
        thinning.Prepare(parameters, 0.01);
        var a = new double[4];
        var b = new double[4];
        closed.Forecast(state, a);
        thinning.Forecast(state, b);
        for (var i = 0; i < 4; i++)
        {
            // Counts over 10 ms are O(1) with variance ≤ ~3×mean here: 4 SE of a 20,000-path mean is < 0.05.
            Assert.That(b[i], Is.EqualTo(a[i]).Within(4 * Math.Sqrt(3 * a[i] / 20_000)), $"node {i}");
        }
    }

    [Test]
    public void WithoutExcitationTheForecastIsTheBaselineTimesTheWindow()
    {
        var alpha = new double[4, 4];
        var forecaster = new ClosedFormEventCountForecaster();
        forecaster.Prepare(new HawkesParameters(new[] { 10.0, 20.0, 30.0, 40.0 }, alpha, 7.0), 0.5);
        var counts = new double[4];
        forecaster.Forecast(new[] { 5.0, 5.0, 5.0, 5.0 }, counts);
        Assert.That(counts, Is.EqualTo(new[] { 5.0, 10.0, 15.0, 20.0 }).Within(1e-12));
    }

    [Test]
    public void ExpectationMaximisationRecoversTheProcessAtTheTrueDecayAndNeverLowersTheLikelihood()
    {
        var truth = FourNodes();
        var events = HawkesSimulator.Simulate(truth, 200, seed: 21);
        var start = new HawkesParameters(new[] { 30.0, 30.0, 30.0, 30.0 }, Uniform(0.1), truth.Beta);
        var one = HawkesExpectationMaximisation.Refit(events, start, 1);
        var ten = HawkesExpectationMaximisation.Refit(events, start, 10);
        var fit = HawkesExpectationMaximisation.Refit(events, start, 2000, 1e-9);
        var l0 = HawkesLikelihood.LogLikelihood(start, events);
        var l1 = HawkesLikelihood.LogLikelihood(one, events);
        var l10 = HawkesLikelihood.LogLikelihood(ten, events);
        Assert.That(l1, Is.GreaterThan(l0));
        Assert.That(l10, Is.GreaterThanOrEqualTo(l1));

        var se = HawkesEstimator.StandardErrors(fit, events);
        for (var i = 0; i < 4; i++)
        {
            Assert.That(fit.Mu[i], Is.EqualTo(truth.Mu[i]).Within(4 * se[i]), $"mu[{i}]");
            foreach (var j in new[] { 0, 2 })
            {
                Assert.That(fit.Alpha(i, j), Is.EqualTo(truth.Alpha(i, j)).Within(4 * se[truth.AlphaIndex(i, j)] + 0.01), $"alpha[{i},{j}]");
            }
        }
    }

    private static double[,] Uniform(double value)
    {
        var a = new double[4, 4];
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                a[i, j] = value;
            }
        }

        return a;
    }
}
