using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation;
using Lean.MarketMaking.Models.Estimation.Jumps;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Estimation.Jumps;

[TestFixture]
public class BnsJumpTestTests
{
    private const int PerDay = 390;
    private const double ReturnSd = 1e-3;
    private const double VariancePerSecond = ReturnSd * ReturnSd / 60;

    [Test]
    public void ConstantsMatchThePublishedValues()
    {
        // θ = (π/2)² + π − 5 ≈ 0.609 (BNS 2006; Huang & Tauchen 2005, eq. for the ratio statistic);
        // μ₄/₃ = 2^{2/3}Γ(7/6)/Γ(1/2) ≈ 0.8309 (Huang & Tauchen 2005).
        Assert.That(BnsJumpTest.Theta, Is.EqualTo(0.6090).Within(5e-5));
        Assert.That(BnsJumpTest.Mu43, Is.EqualTo(0.8309).Within(5e-5));
    }

    [TestCase(QuarticityEstimator.Tripower)]
    [TestCase(QuarticityEstimator.Quadpower)]
    public void HasSizeAlphaWithoutJumpsAndPowerWithThem(QuarticityEstimator quarticity)
    {
        // 1000 days of 390 one-minute returns. Without jumps the rejection rate is α = 5% up to the binomial sd
        // √(0.05·0.95/1000) = 0.0069 (tolerance 4 sd). With one ±12σ jump a day the jump share of RV is ≈ 27% and
        // z ≈ 6.5: 2000 other seeded days gave 99.7% rejection (both quarticities); we require ≥ 95%.
        const int days = 1000;
        var rng = new Random(11);
        int nullRejections = 0, jumpRejections = 0;
        for (var d = 0; d < days; d++)
        {
            var none = SyntheticTicks.Generate(rng, PerDay, 60, VariancePerSecond);
            nullRejections += BnsJumpTest.Run(none, 0.05, quarticity).IsJump ? 1 : 0;

            var jumps = new double[PerDay];
            jumps[rng.Next(PerDay)] = (rng.Next(2) == 0 ? -12 : 12) * ReturnSd;
            var with = SyntheticTicks.Generate(rng, PerDay, 60, VariancePerSecond, jumps: jumps);
            jumpRejections += BnsJumpTest.Run(with, 0.05, quarticity).IsJump ? 1 : 0;
        }

        Assert.That(nullRejections / (double)days, Is.EqualTo(0.05).Within(4 * Math.Sqrt(0.05 * 0.95 / days)));
        Assert.That(jumpRejections / (double)days, Is.GreaterThanOrEqualTo(0.95));
    }

    [Test]
    public void BipowerVariationIsUnbiasedInSmallSamplesAsInHuangTauchen()
    {
        // Huang & Tauchen (2005) scale BV by n/(n − 1): Σ|rᵢ||rᵢ₋₁| has n − 1 terms of mean μ₁²s², so their BV has
        // mean n·s² = E[RV] for any n. Without the factor the mean is (n − 1)s², 12.5% low at n = 8, which biases
        // 1 − BV/RV and z upwards (z is centred at ≈ +0.065 instead of 0 for a day of n = 390 minutes).
        // 20,000 jump-free days of 8 returns of sd s; tolerance 4 standard errors of the mean (SE ≈ 0.034 n·s²).
        const int days = 20_000;
        const int n = 8;
        const double s = 1e-3;
        var rng = new Random(21);
        var bv = new double[days];
        for (var d = 0; d < days; d++)
        {
            var ticks = SyntheticTicks.Generate(rng, n, 60, s * s / 60);
            bv[d] = BnsJumpTest.Run(ticks, 0.05).BipowerVariation.IntegratedVariance / (s * s);
        }

        var (mean, sd) = MathNet.Numerics.Statistics.ArrayStatistics.MeanStandardDeviation(bv);
        Assert.That(mean, Is.EqualTo(n).Within(4 * sd / Math.Sqrt(days)));
    }

    [Test]
    public void ReportsTheJumpShareAndAConsistentStatistic()
    {
        const int n = 3_900;
        var jumps = new double[n];
        jumps[1_000] = 0.05;
        jumps[3_000] = -0.04;
        var ticks = SyntheticTicks.Generate(new Random(15), n, 60, VariancePerSecond, jumps: jumps);
        var result = BnsJumpTest.Run(ticks, 0.01);

        // E[RV] = ∫σ² + ΣJ² = 3.9e-3 + 4.1e-3. In finite samples each jump also enters BV through its two neighbours:
        // E[BV] ≈ ∫σ² + μ₁⁻²·2·Σ|J|·μ₁σ = 3.9e-3 + 2.26e-4, so (RV − BV)/RV ≈ 0.484 (0.5125 only as n → ∞).
        // sd ≈ 0.016 from RV's diffusion part (relative √(2/n)), the cross term 2ΣJσZ and BV's √(2.609/n); tolerance 4 sd.
        Assert.That(result.RelativeJump, Is.EqualTo(0.484).Within(0.065));
        Assert.That(result.IsJump, Is.True);
        Assert.That(result.CriticalValue, Is.EqualTo(2.3263).Within(1e-4));
        Assert.That(result.PValue, Is.LessThan(1e-6));
        var rv = result.RealisedVariance.IntegratedVariance;
        var bv = result.BipowerVariation.IntegratedVariance;
        var z = (1 - bv / rv) / Math.Sqrt(BnsJumpTest.Theta / n * Math.Max(1, result.IntegratedQuarticity / (bv * bv)));
        Assert.That(result.Statistic, Is.EqualTo(z).Within(1e-12));
    }

    [TestCase(QuarticityEstimator.Tripower, 5.903768063011284e-07, -1.2017044542688815)]
    [TestCase(QuarticityEstimator.Quadpower, 5.017992721194202e-07, -1.3034587779565305)]
    public void MatchesAnIndependentHandComputation(QuarticityEstimator quarticity, double expectedQuarticity, double expectedZ)
    {
        // Ten returns of a made-up series, computed independently (Python, double precision) from Huang & Tauchen's
        // definitions: RV = Σr², BV = μ₁⁻²(n/(n−1))Σ|rᵢ||rᵢ₋₁|, TP = nμ₄/₃⁻³(n/(n−2))Σ|rᵢrᵢ₋₁rᵢ₋₂|^{4/3},
        // QP = nμ₁⁻⁴(n/(n−3))Σ|rᵢrᵢ₋₁rᵢ₋₂rᵢ₋₃|, z = (1 − BV/RV)/√(θ/n·max(1, Q/BV²)). Q/BV² is 1.48 (TP) and 1.26 (QP),
        // so the max(1, ·) adjustment is active and the two quarticities give different z. Tolerance 1e-12 relative:
        // the two evaluations differ only by the rounding of the logarithms and sums.
        var prices = new[] { 100, 100.1, 99.95, 100.05, 100.0, 101.0, 100.0, 101.2, 100.1, 100.15, 100.1 };
        var observations = new PriceObservation[prices.Length];
        for (var i = 0; i < prices.Length; i++)
        {
            observations[i] = new PriceObservation(i, prices[i]);
        }

        var result = BnsJumpTest.Run(observations, 0.05, quarticity);
        Assert.Multiple(() =>
        {
            Assert.That(result.RealisedVariance.IntegratedVariance, Is.EqualTo(0.00046475005852545444).Within(1e-10).Percent);
            Assert.That(result.BipowerVariation.IntegratedVariance, Is.EqualTo(0.0006322453317302855).Within(1e-10).Percent);
            Assert.That(result.IntegratedQuarticity, Is.EqualTo(expectedQuarticity).Within(1e-10).Percent);
            Assert.That(result.Statistic, Is.EqualTo(expectedZ).Within(1e-10).Percent);
            Assert.That(result.IsJump, Is.False);
        });
    }

    [Test]
    public void FailsOnTooFewOrFlatObservations()
    {
        var few = SyntheticTicks.Generate(new Random(16), 3, 1, 1e-6);
        Assert.That(Assert.Throws<MarketMakingException>(() => BnsJumpTest.Run(few, 0.05))!.Kind, Is.EqualTo(MarketMakingErrorKind.JumpDetectionFailed));
        var flat = SyntheticTicks.Generate(new Random(16), 50, 1, 0);
        Assert.That(Assert.Throws<MarketMakingException>(() => BnsJumpTest.Run(flat, 0.05))!.Kind, Is.EqualTo(MarketMakingErrorKind.JumpDetectionFailed));
    }
}
