using System;
using FsCheck;
using FsCheck.Fluent;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Regimes;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Estimation.Regimes;

[TestFixture]
public class RegimeVolatilityForecastTests
{
    private static HiddenMarkovModelParameters TwoStates(double leaveCalm, double leaveVolatile, double calmVolatility, double volatileVolatility) =>
        new(new[] { 0.5, 0.5 },
            new[,] { { 1 - leaveCalm, leaveCalm }, { leaveVolatile, 1 - leaveVolatile } },
            new[] { GaussianEmission.Univariate(0, calmVolatility), GaussianEmission.Univariate(0, volatileVolatility) });

    [Test]
    public void MatchesATwoStepHandComputation()
    {
        // A = [[0.9, 0.1], [0.2, 0.8]], σ = (0.001, 0.003): m = (1e-6, 9e-6); Am = (1.8e-6, 7.4e-6), A²m = (2.36e-6, 6.28e-6),
        // g = (2.08e-6, 6.84e-6). p = (0.3, 0.7): v₀ = 6.6e-6, v̄ = 5.412e-6, ρ = √(5.412/6.6) − 1 = −0.0944614861862583;
        // with q = 1e-6: √(6.412/7.6) − 1 = −0.0814771584079600. Calm predicts up (g₀ > m₀), volatile down: Down has agreement 0.7.
        var forecast = new RegimeVolatilityForecast(TwoStates(0.1, 0.2, 0.001, 0.003), horizonSteps: 2);
        ReadOnlySpan<double> p = stackalloc[] { 0.3, 0.7 };
        Assert.That(forecast.SecondMoments.ToArray(), Is.EqualTo(new[] { 1e-6, 9e-6 }).Within(1e-20));
        Assert.That(forecast.MeanSecondMomentsAhead.ToArray(), Is.EqualTo(new[] { 2.08e-6, 6.84e-6 }).Within(1e-18));
        Assert.That(forecast.CurrentVariance(p), Is.EqualTo(6.6e-6).Within(1e-18));
        Assert.That(forecast.MeanVarianceAhead(p), Is.EqualTo(5.412e-6).Within(1e-18));
        Assert.That(forecast.RelativeChange(p, 0), Is.EqualTo(-0.09446148618625827).Within(1e-12));
        Assert.That(forecast.RelativeChange(p, 1e-6), Is.EqualTo(-0.08147715840796).Within(1e-12));
        Assert.That(forecast.Agreement(p, -1), Is.EqualTo(0.7).Within(1e-15));
        Assert.That(forecast.Agreement(p, +1), Is.EqualTo(0.3).Within(1e-15));
    }

    [Test]
    public void MatchesTheTwoStateClosedFormOverThirtySteps()
    {
        // Two states: Aᵏ = Π + λᵏ(I − Π) with λ = 1 − a − b and Π's rows the stationary law π = (b, a)/(a + b), so
        // gⱼ = π·m + (mⱼ − π·m)·λ(1 − λʰ)/((1 − λ)h). a = 0.01, b = 0.02, σ = (0.001, 0.004): π·m = 6e-6, λ = 0.97, h = 30:
        // c = 0.645581270570152, g = (2.772093647149e-6, 12.455812705702e-6); from a sure state ρ = +0.664960554232 (calm)
        // and −0.117680163373 (volatile).
        var forecast = new RegimeVolatilityForecast(TwoStates(0.01, 0.02, 0.001, 0.004), horizonSteps: 30);
        Assert.That(forecast.MeanSecondMomentsAhead[0], Is.EqualTo(2.772093647149241e-06).Within(1e-18));
        Assert.That(forecast.MeanSecondMomentsAhead[1], Is.EqualTo(1.2455812705701519e-05).Within(1e-18));
        Assert.That(forecast.RelativeChange(new[] { 1.0, 0.0 }, 0), Is.EqualTo(0.6649605542322139).Within(1e-11));
        Assert.That(forecast.RelativeChange(new[] { 0.0, 1.0 }, 0), Is.EqualTo(-0.11768016337251896).Within(1e-11));
    }

    [Test]
    public void TheStationaryLawPredictsNoChange()
    {
        // π A = π, so p = π gives p·g = π·m = p·m whatever the chain, the volatilities and the horizon
        var gen =
            from a in Gen.Choose(1, 999)
            from b in Gen.Choose(1, 999)
            from s0 in Gen.Choose(1, 100)
            from s1 in Gen.Choose(1, 100)
            from h in Gen.Choose(1, 200)
            select (a: a / 1000.0, b: b / 1000.0, s0: s0 * 1e-4, s1: s1 * 1e-4, h);
        Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var forecast = new RegimeVolatilityForecast(TwoStates(x.a, x.b, x.s0, x.s1), x.h);
            var stationary = new[] { x.b / (x.a + x.b), x.a / (x.a + x.b) };
            return Math.Abs(forecast.RelativeChange(stationary, 0)) < 1e-9;
        }).QuickCheckThrowOnFailure();
    }

    [Test]
    public void BadInputsThrowOrCountAsNoJumps()
    {
        var forecast = new RegimeVolatilityForecast(TwoStates(0.1, 0.2, 0.001, 0.003), horizonSteps: 2);
        var p = new[] { 0.3, 0.7 };
        Assert.That(forecast.RelativeChange(p, double.NaN), Is.EqualTo(forecast.RelativeChange(p, 0)));
        Assert.That(forecast.RelativeChange(p, -1), Is.EqualTo(forecast.RelativeChange(p, 0)));
        Assert.That(forecast.RelativeChange(p, double.PositiveInfinity), Is.EqualTo(forecast.RelativeChange(p, 0)));
        Assert.Throws<MarketMakingException>(() => forecast.RelativeChange(new[] { 1.0 }, 0));
        Assert.Throws<MarketMakingException>(() => new RegimeVolatilityForecast(TwoStates(0.1, 0.2, 0.001, 0.003), 0));
        var bivariate = new HiddenMarkovModelParameters(new[] { 1.0 }, new[,] { { 1.0 } },
            new[] { new GaussianEmission(new[] { 0.0, 0.0 }, new[,] { { 1.0, 0.0 }, { 0.0, 1.0 } }) });
        Assert.Throws<MarketMakingException>(() => new RegimeVolatilityForecast(bivariate, 1));
    }
}
