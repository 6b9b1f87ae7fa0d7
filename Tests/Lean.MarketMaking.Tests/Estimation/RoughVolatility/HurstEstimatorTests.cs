using System;
using System.Linq;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.RoughVolatility;
using Lean.MarketMaking.Models.Estimation.Volatility;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Estimation.RoughVolatility;

[TestFixture]
public class HurstEstimatorTests
{
    // Tolerances from 40 seeded replications of this exact set-up (4096 daily steps ≈ 16 years, ν = 0.3, lags 1–20,
    // q ∈ {0.5, 1, 1.5, 2, 3}): mean Ĥ = 0.1008 (sd 0.0088) for H = 0.1 and 0.3016 (sd 0.0147) for H = 0.3. The
    // tolerance is 4 replication sd, rounded up; it still separates H = 0.1 from H = 0.3 by far. The per-moment
    // exponents ζ_q/q had sd ≤ 0.0083 (H = 0.1) and ≤ 0.0138 (H = 0.3), and R² ≥ 0.97, over another 40 seeds.
    [TestCase(0.1, 11, 0.036)]
    [TestCase(0.3, 12, 0.06)]
    public void RecoversHFromFbmDrivenLogVolatility(double hurst, int seed, double tolerance)
    {
        // RFSV model of GJR (2018, §3): ln σ_t = const + ν·W^H_t, sampled daily.
        const int days = 4096;
        const double nu = 0.3;
        var path = new double[days + 1];
        new FractionalBrownianMotion(hurst, days).SamplePath(new Random(seed), days, path);
        var logVol = path.Select(w => Math.Log(0.2) + nu * w).ToArray();

        var estimate = HurstEstimator.Estimate(logVol, 20);

        Assert.That(estimate.Hurst, Is.EqualTo(hurst).Within(tolerance));
        Assert.That(estimate.Fits.Select(f => f.Moment), Is.EqualTo(new[] { 0.5, 1, 1.5, 2, 3 }));
        foreach (var fit in estimate.Fits)
        {
            // ζ_q = qH: each moment's own exponent, and a near-perfect power law (R² > 0.95).
            Assert.That(fit.Hurst, Is.EqualTo(hurst).Within(tolerance), $"q = {fit.Moment}");
            Assert.That(fit.Zeta, Is.EqualTo(fit.Moment * fit.Hurst).Within(1e-12));
            Assert.That(fit.RSquared, Is.GreaterThan(0.95));
        }
    }

    [Test]
    public void RecoversHFromDailyRealisedVarianceAsInGjr()
    {
        // The paper's pipeline: the volatility is not observed, so ln σ_d is proxied by ½·ln RV_d of 390 one-minute returns
        // a day, with σ_d = 1%·exp(ν·W^H_d), H = 0.1, ν = 0.3, 4096 days. The proxy adds noise of variance ≈ 1/(2·390) to
        // ln σ_d, which inflates m(2, Δ) by ≈ 0.0026 at every lag and biases the slope down: for q = 2 the fit over
        // Δ = 1…20 gives ζ₂ ≈ ln((0.09·20^0.2 + 0.0026)/(0.09 + 0.0026))/ln 20 ≈ 0.196, i.e. H ≈ 0.098. That bias is an
        // order of magnitude below the 4-sd tolerance of the direct test, which is reused here.
        const int days = 4096, perDay = 390;
        const double hurst = 0.1, nu = 0.3;
        var w = new double[days + 1];
        new FractionalBrownianMotion(hurst, days).SamplePath(new Random(13), days, w);
        var rng = new Random(14);
        var logVolProxy = new double[days];
        for (var d = 0; d < days; d++)
        {
            var dailyVariance = Math.Pow(0.01 * Math.Exp(nu * w[d]), 2);
            var ticks = SyntheticTicks.Generate(rng, perDay, 60, dailyVariance / (perDay * 60));
            logVolProxy[d] = 0.5 * Math.Log(RealisedVariance.Estimate(ticks).IntegratedVariance);
        }

        Assert.That(HurstEstimator.Estimate(logVolProxy, 20).Hurst, Is.EqualTo(hurst).Within(0.036));
    }

    [Test]
    public void ExactPowerLawGivesTheExactExponent()
    {
        // Linear growth x_t = a·t has |x_{t+Δ} − x_t| = aΔ for every t, so m(q, Δ) = a^q·Δ^q exactly: ζ_q = q, H = 1,
        // intercept q·ln a, R² = 1 — a closed form for the regression.
        var x = Enumerable.Range(0, 500).Select(t => 0.01 * t).ToArray();
        var estimate = HurstEstimator.Estimate(x, new[] { 1, 2, 5, 10, 50 }, new[] { 1.0, 2.0 });
        Assert.That(estimate.Hurst, Is.EqualTo(1.0).Within(1e-10));
        Assert.That(estimate.Fits[1].Intercept, Is.EqualTo(2 * Math.Log(0.01)).Within(1e-10));
        Assert.That(estimate.Fits[0].RSquared, Is.EqualTo(1.0).Within(1e-10));
    }

    [Test]
    public void RejectsDegenerateInputs()
    {
        var constant = Enumerable.Repeat(1.0, 200).ToArray();
        Assert.That(Assert.Throws<MarketMakingException>(() => HurstEstimator.Estimate(constant, 5))!.Kind, Is.EqualTo(MarketMakingErrorKind.NumericalInstability));
        var x = Enumerable.Range(0, 200).Select(t => Math.Sin(t)).ToArray();
        Assert.That(Assert.Throws<MarketMakingException>(() => HurstEstimator.Estimate(x, 21))!.ParameterName, Is.EqualTo("maxLag"), "the argument the caller passed");
        Assert.That(Assert.Throws<MarketMakingException>(() => HurstEstimator.Estimate(x, new[] { 1, 21 }))!.ParameterName, Is.EqualTo("lags"));
        Assert.That(Assert.Throws<MarketMakingException>(() => HurstEstimator.Estimate(x, 1))!.ParameterName, Is.EqualTo("maxLag"));
        Assert.That(Assert.Throws<MarketMakingException>(() => HurstEstimator.Estimate(x, new[] { 2, 2 }))!.ParameterName, Is.EqualTo("lags"));
        Assert.That(Assert.Throws<MarketMakingException>(() => HurstEstimator.Estimate(x, 5, new[] { -1.0 }))!.ParameterName, Is.EqualTo("moments"));
        // At lag 3, |Δ sin| reaches 2·sin(1.5) ≈ 1.995 and 1.995^2000 ≈ e^1380 overflows: the moment is ∞ and H used to be NaN.
        Assert.That(Assert.Throws<MarketMakingException>(() => HurstEstimator.Estimate(x, 5, new[] { 2000.0 }))!.Kind, Is.EqualTo(MarketMakingErrorKind.NumericalInstability));
        x[3] = double.NaN;
        Assert.That(Assert.Throws<MarketMakingException>(() => HurstEstimator.Estimate(x, 5))!.ParameterName, Is.EqualTo("logVolatility[3]"));
    }
}
