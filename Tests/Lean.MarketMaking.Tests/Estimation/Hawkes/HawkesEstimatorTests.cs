using System;
using System.Linq;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Hawkes;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Estimation.Hawkes;

[TestFixture]
public class HawkesEstimatorTests
{
    [Test]
    public void RecoversUnivariateParametersWithinFourStandardErrors()
    {
        var truth = HawkesParameters.Univariate(0.5, 0.6, 2.0);
        var events = HawkesSimulator.Simulate(truth, 20_000, seed: 42);
        var fit = HawkesEstimator.Fit(events);
        var se = HawkesEstimator.StandardErrors(fit.Parameters, events);

        // The MLE is asymptotically normal with covariance the inverse observed Fisher information; 4 standard
        // errors leave a false-alarm probability of 6e-5 per parameter. The SE bounds make sure the check is tight.
        // N ≈ 25,000 events gives SE ≈ 0.008 (μ), 0.007 (α), 0.04 (β).
        Assert.That(se[0], Is.LessThan(0.015));
        Assert.That(se[1], Is.LessThan(0.015));
        Assert.That(se[2], Is.LessThan(0.08));
        Assert.That(fit.Parameters.Mu[0], Is.EqualTo(0.5).Within(4 * se[0]));
        Assert.That(fit.Parameters.Alpha(0, 0), Is.EqualTo(0.6).Within(4 * se[1]));
        Assert.That(fit.Parameters.Beta, Is.EqualTo(2.0).Within(4 * se[2]));
        Assert.That(fit.Parameters.IsStationary, Is.True);
        Assert.That(fit.LogLikelihood, Is.GreaterThanOrEqualTo(HawkesLikelihood.LogLikelihood(truth, events)), "the MLE beats the truth in-sample");
    }

    [Test]
    public void RecoversBivariateCrossExcitationWithinFourStandardErrors()
    {
        var alpha = new[,] { { 0.4, 0.2 }, { 0.3, 0.3 } };
        var truth = new HawkesParameters(new[] { 0.4, 0.3 }, alpha, 1.5);
        var events = HawkesSimulator.Simulate(truth, 20_000, seed: 5);
        var fit = HawkesEstimator.Fit(events);
        var se = HawkesEstimator.StandardErrors(fit.Parameters, events);
        var expected = truth.Mu.Concat(new[] { 0.4, 0.2, 0.3, 0.3 }).Append(1.5).ToArray();
        var fitted = fit.Parameters.Mu.Concat(Enumerable.Range(0, 4).Select(k => fit.Parameters.Alpha(k / 2, k % 2))).Append(fit.Parameters.Beta).ToArray();
        for (var k = 0; k < expected.Length; k++)
        {
            // 4 standard errors of the asymptotic normal MLE (observed information); N ≈ 35,000 events gives
            // SE ≈ 0.008 for μ and α and 0.03 for β, bounded here so the check stays meaningful.
            Assert.That(se[k], Is.LessThan(k == 6 ? 0.06 : 0.02), $"se[{k}]");
            Assert.That(fitted[k], Is.EqualTo(expected[k]).Within(4 * se[k]), $"parameter {k}");
        }

        // The cross-excitation is detected: both off-diagonal terms more than 4 SE away from zero.
        Assert.That(fit.Parameters.Alpha(0, 1), Is.GreaterThan(4 * se[fit.Parameters.AlphaIndex(0, 1)]));
        Assert.That(fit.Parameters.Alpha(1, 0), Is.GreaterThan(4 * se[fit.Parameters.AlphaIndex(1, 0)]));
    }

    [Test]
    public void FitIsAStationaryPointOfTheLikelihood()
    {
        var events = HawkesSimulator.Simulate(HawkesParameters.Univariate(1.0, 0.3, 5.0), 3_000, seed: 9);
        var fit = HawkesEstimator.Fit(events);
        var gradient = HawkesLikelihood.Gradient(fit.Parameters, events, out _);
        // At an interior maximum the score vanishes. BFGS stops at |x·∂logL/∂x| < 1e-7·N ≈ 5e-4 (N ≈ 4,300), while the
        // score's sampling spread at the truth is ~√N ≈ 65 per unit parameter: 1e-2 separates "at the maximum" from "near it".
        Assert.That(gradient.Select(Math.Abs).Max(), Is.LessThan(1e-2));
    }

    [Test]
    public void ExplosiveDataFailsUnlessNonStationarityIsAllowed()
    {
        // α = 1.3 explodes: counts grow like e^(β(α−1)t); the MLE sits above 1.
        var events = HawkesSimulator.Simulate(HawkesParameters.Univariate(0.5, 1.3, 1.0), 30, seed: 1);
        var e = Assert.Throws<MarketMakingException>(() => HawkesEstimator.Fit(events))!;
        Assert.That(e.Kind, Is.EqualTo(MarketMakingErrorKind.HawkesEstimationFailed));
        Assert.That(e.Message, Does.Contain("not stationary"));
        var fit = HawkesEstimator.Fit(events, requireStationary: false);
        Assert.That(fit.Parameters.IsStationary, Is.False);
        Assert.That(fit.Parameters.SpectralRadius, Is.GreaterThan(1.0));
    }

    [Test]
    public void StandardErrorsAwayFromAMaximumFail()
    {
        // log L is concave in (μ, α) for fixed β but not jointly with β: near the truth the observed information
        // −∇²log L is positive definite, while with β five times too large (kernel far too short) it is indefinite.
        var events = HawkesSimulator.Simulate(HawkesParameters.Univariate(0.5, 0.6, 2.0), 1_000, seed: 2);
        Assert.That(HawkesEstimator.StandardErrors(HawkesParameters.Univariate(0.5, 0.6, 1.0), events).All(double.IsFinite), Is.True);
        var e = Assert.Throws<MarketMakingException>(() => HawkesEstimator.StandardErrors(HawkesParameters.Univariate(0.5, 0.6, 10.0), events))!;
        Assert.That(e.Kind, Is.EqualTo(MarketMakingErrorKind.HawkesEstimationFailed));
    }

    [Test]
    public void TooFewEventsFail()
    {
        var events = new HawkesEvents(new[] { new[] { 1.0, 2.0, 3.0 }, new[] { 1.5 } }, 5.0);
        var e = Assert.Throws<MarketMakingException>(() => HawkesEstimator.Fit(events))!;
        Assert.That(e.Kind, Is.EqualTo(MarketMakingErrorKind.HawkesEstimationFailed));
        Assert.That(e.Message, Does.Contain("event type 1"));
    }
}
