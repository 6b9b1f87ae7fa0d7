using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation;
using Lean.MarketMaking.Models.Estimation.Volatility;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Estimation.Volatility;

[TestFixture]
public class TwoScaleRealisedVarianceTests
{
    private const int N = 23_400;                 // 1-second ticks over a 6.5-hour day
    private const double DailyVariance = 1e-4;     // ∫σ²dt = 1e-4 (1% daily volatility)
    private const double NoiseStd = 2e-4;          // i.i.d. noise of 2 bp in ln P

    [Test]
    public void RecoversIntegratedVarianceUnderNoiseWhereRealisedVarianceIsBiasedBy2nOmegaSquared()
    {
        var ticks = SyntheticTicks.Generate(new Random(3), N, 1.0, DailyVariance / N, NoiseStd);
        const double omega2 = NoiseStd * NoiseStd;

        // RV on noisy ticks: E[RV] = ∫σ² + 2nω² (ZMA 2005 §1) = 1e-4 + 1.872e-3, 19× the signal.
        // sd(RV) ≈ √(12n)·ω² for Gaussian noise (squared differences of noise: variance 8ω⁴, lag-1 covariance 2ω⁴ each side);
        // tolerance 4 sd.
        var rv = RealisedVariance.Estimate(ticks).IntegratedVariance;
        Assert.That(rv - DailyVariance, Is.EqualTo(2 * N * omega2).Within(4 * Math.Sqrt(12.0 * N) * omega2));

        var k = TwoScaleRealisedVariance.OptimalSubsamples(N, omega2, DailyVariance * DailyVariance);
        var tsrv = TwoScaleRealisedVariance.Estimate(ticks, k);

        // ZMA (2005) asymptotic variance of TSRV with K subgrids: 8nω⁴/K² + (4/3)(K/n)·T∫σ⁴; tolerance 4 sd.
        var sd = Math.Sqrt(8 * N * omega2 * omega2 / (k * k) + 4.0 / 3 * k / N * DailyVariance * DailyVariance);
        Assert.That(tsrv.Variance.IntegratedVariance, Is.EqualTo(DailyVariance).Within(4 * sd));
        Assert.That(sd, Is.LessThan(0.15 * DailyVariance), "the test must be able to tell TSRV from RV");
        Assert.That(tsrv.Subsamples, Is.EqualTo(k));
        Assert.That(tsrv.Variance.VariancePerSecond, Is.EqualTo(tsrv.Variance.IntegratedVariance / N).Within(1e-20));

        // ω̂² = RV/(2n) = ω² + ∫σ²/(2n) on average; sd √(3/n)·ω². Tolerance 4 sd.
        Assert.That(tsrv.NoiseVariance, Is.EqualTo(omega2 + DailyVariance / (2 * N)).Within(4 * Math.Sqrt(3.0 / N) * omega2));
        Assert.That(tsrv.AllGridRealisedVariance, Is.EqualTo(rv));
    }

    [Test]
    public void WithoutNoiseTwoScaleAgreesWithRealisedVariance()
    {
        var ticks = SyntheticTicks.Generate(new Random(4), N, 1.0, DailyVariance / N);
        var tsrv = TwoScaleRealisedVariance.Estimate(ticks, 30).Variance.IntegratedVariance;

        // Without noise TSRV's error is the subsampling term, sd √((4/3)K/n)·∫σ² = 4.1% for K = 30; tolerance 4 sd.
        Assert.That(tsrv, Is.EqualTo(DailyVariance).Within(4 * Math.Sqrt(4.0 / 3 * 30 / N) * DailyVariance));
    }

    [Test]
    public void OptimalSubsamplesFollowsTheCubeRootRule()
    {
        // K* = (12ω⁴n²/(T∫σ⁴))^(1/3): ω² = 1e-8, n = 23400, T∫σ⁴ = 1e-8 → (12e-16·5.4756e8/1e-8)^(1/3) = 4.03.
        Assert.That(TwoScaleRealisedVariance.OptimalSubsamples(23_400, 1e-8, 1e-8), Is.EqualTo(4));
        Assert.That(TwoScaleRealisedVariance.OptimalSubsamples(23_400, 4e-8, 1e-8), Is.EqualTo(10)); // 4.03·16^(1/3) = 10.16
        Assert.That(TwoScaleRealisedVariance.OptimalSubsamples(100, 1, 1e-12), Is.EqualTo(50)); // clamped at n/2
    }

    [Test]
    public void RejectsSubsampleCountsOutOfRange()
    {
        var ticks = SyntheticTicks.Generate(new Random(5), 100, 1.0, 1e-6);
        Assert.That(Assert.Throws<MarketMakingException>(() => TwoScaleRealisedVariance.Estimate(ticks, 1))!.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidParameters));
        Assert.That(Assert.Throws<MarketMakingException>(() => TwoScaleRealisedVariance.Estimate(ticks, 51))!.ParameterName, Is.EqualTo("subsamples"));
    }
}
