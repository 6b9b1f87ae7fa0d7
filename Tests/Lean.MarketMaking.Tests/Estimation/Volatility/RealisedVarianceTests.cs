using System;
using System.Linq;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation;
using Lean.MarketMaking.Models.Estimation.Volatility;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Estimation.Volatility;

[TestFixture]
public class RealisedVarianceTests
{
    // One 6.5-hour trading day of 1-second returns with daily integrated variance 1e-4 (1% daily volatility).
    private const int N = 23_400;
    private const double DailyVariance = 1e-4;
    private const double VariancePerSecond = DailyVariance / N;

    [Test]
    public void RealisedAndBipowerVarianceRecoverTheDiffusionVariance()
    {
        var ticks = SyntheticTicks.Generate(new Random(1), N, 1.0, VariancePerSecond);
        var rv = RealisedVariance.Estimate(ticks);
        var bv = BipowerVariation.Estimate(ticks);

        // Asymptotic relative standard deviations (Barndorff-Nielsen & Shephard 2002, 2004): RV √(2/n), BV √(θ_BV/n)
        // with θ_BV = π²/4 + π − 3 ≈ 2.609. Tolerance: 4 standard deviations.
        Assert.That(rv.VariancePerSecond, Is.EqualTo(VariancePerSecond).Within(4 * Math.Sqrt(2.0 / N) * VariancePerSecond));
        Assert.That(bv.VariancePerSecond, Is.EqualTo(VariancePerSecond).Within(4 * Math.Sqrt(2.609 / N) * VariancePerSecond));
        Assert.That(rv.ElapsedSeconds, Is.EqualTo(N));
        Assert.That(rv.ReturnCount, Is.EqualTo(N));
        Assert.That(rv.IntegratedVariance, Is.EqualTo(rv.VariancePerSecond * N).Within(1e-18));
    }

    [Test]
    public void AnnualisationUsesTheGivenSecondsPerYear()
    {
        var estimate = new VarianceEstimate(1e-4, 23_400, 100);
        const double tradingSecondsPerYear = 252 * 23_400.0;
        Assert.That(estimate.AnnualisedVariance(tradingSecondsPerYear), Is.EqualTo(252e-4).Within(1e-15));
        Assert.That(estimate.AnnualisedVolatility(tradingSecondsPerYear), Is.EqualTo(Math.Sqrt(252e-4)).Within(1e-15));
        Assert.That(estimate.VolatilityPerSqrtSecond, Is.EqualTo(Math.Sqrt(1e-4 / 23_400)).Within(1e-18));
        Assert.That(Assert.Throws<MarketMakingException>(() => estimate.AnnualisedVariance(0))!.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidParameters));
    }

    [Test]
    public void BipowerIgnoresJumpsThatRealisedVarianceCounts()
    {
        var jumps = new double[N];
        jumps[5_000] = 0.01;
        jumps[15_000] = -0.008;
        var ticks = SyntheticTicks.Generate(new Random(2), N, 1.0, VariancePerSecond, jumps: jumps);
        var rv = RealisedVariance.Estimate(ticks).IntegratedVariance;
        var bv = BipowerVariation.Estimate(ticks).IntegratedVariance;

        // RV → ∫σ² + Σ J² = 1e-4 + 1.64e-4; BV → ∫σ² (each jump adds O(|J|·σ√dt) to BV, ≈ 2% here).
        // Tolerances: 4 sd of RV's diffusion part plus the jump-diffusion cross term 2Σ J·σ√dt·Z (sd ≈ 1.7e-6);
        // BV: 4 sd (4.2%) plus the jump contamination μ₁⁻²·2·Σ|J|·E|r| (≈ 3.4e-6).
        Assert.That(rv, Is.EqualTo(DailyVariance + 1.64e-4).Within(4 * Math.Sqrt(2.0 / N) * DailyVariance + 7e-6));
        Assert.That(bv, Is.EqualTo(DailyVariance).Within(4 * Math.Sqrt(2.609 / N) * DailyVariance + 3.4e-6));
    }

    [TestCase(double.NaN)]
    [TestCase(0.0)]
    [TestCase(-1.0)]
    [TestCase(double.PositiveInfinity)]
    public void RejectsUnusablePrices(double price)
    {
        var ticks = new[] { new PriceObservation(0, 100), new PriceObservation(1, price), new PriceObservation(2, 101) };
        var e = Assert.Throws<MarketMakingException>(() => RealisedVariance.Estimate(ticks))!;
        Assert.That(e.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));
        Assert.That(e.ParameterName, Is.EqualTo("observations[1]"));
    }

    [Test]
    public void RejectsOutOfOrderTimesTooFewObservationsAndZeroElapsedTime()
    {
        var outOfOrder = new[] { new PriceObservation(0, 100), new PriceObservation(2, 101), new PriceObservation(1, 102) };
        Assert.That(Assert.Throws<MarketMakingException>(() => RealisedVariance.Estimate(outOfOrder))!.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));
        Assert.That(Assert.Throws<MarketMakingException>(() => BipowerVariation.Estimate(outOfOrder))!.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));
        Assert.That(Assert.Throws<MarketMakingException>(() => RealisedVariance.Estimate(new[] { new PriceObservation(0, 100) }))!.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));
        var sameTime = new[] { new PriceObservation(5, 100), new PriceObservation(5, 101) };
        Assert.That(Assert.Throws<MarketMakingException>(() => RealisedVariance.Estimate(sameTime))!.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));

        // A default struct has no window; its per-second variance used to be 0/0 = NaN.
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = default(VarianceEstimate).VariancePerSecond)!.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));
    }

    [Test]
    public void RollingWindowAfterAnInterruptionHasNoReturnOrProductAcrossTheBreak()
    {
        // Segment A: 20 prices at t = 0 … 19; a market close; segment B: 10 prices at t = 19 … 28 (open-market time), the
        // first 10 % above A's last. A window of 12 returns then holds A's last 3 returns and B's 9, and its 11 bipower
        // products are B's 8 and A's last 3; none involves the 10 % return.
        var rng = new Random(8);
        var a = new double[20];
        var b = new double[10];
        a[0] = 100;
        for (var i = 1; i < a.Length; i++)
        {
            a[i] = a[i - 1] * Math.Exp(1e-3 * Math.Cos(2 * Math.PI * rng.NextDouble()));
        }

        b[0] = a[^1] * 1.1;
        for (var j = 1; j < b.Length; j++)
        {
            b[j] = b[j - 1] * Math.Exp(1e-3 * Math.Cos(2 * Math.PI * rng.NextDouble()));
        }

        var rolling = new RollingRealisedVariance(12);
        for (var i = 0; i < a.Length; i++)
        {
            rolling.Update(i, a[i]);
        }

        var atClose = (rolling.RealisedVariance, rolling.BipowerVariation);
        rolling.Interrupt();
        rolling.Update(19, b[0]);
        Assert.That((rolling.RealisedVariance, rolling.BipowerVariation), Is.EqualTo(atClose));
        for (var j = 1; j < b.Length; j++)
        {
            rolling.Update(19 + j, b[j]);
        }

        double R(double[] p, int i) => Math.Log(p[i] / p[i - 1]);
        var squares = Enumerable.Range(17, 3).Sum(i => R(a, i) * R(a, i)) + Enumerable.Range(1, 9).Sum(j => R(b, j) * R(b, j));
        var products = Enumerable.Range(17, 3).Sum(i => Math.Abs(R(a, i) * R(a, i - 1))) + Enumerable.Range(2, 8).Sum(j => Math.Abs(R(b, j) * R(b, j - 1)));
        Assert.That(rolling.RealisedVariance.IntegratedVariance, Is.EqualTo(squares).Within(1e-15));
        Assert.That(rolling.RealisedVariance.ElapsedSeconds, Is.EqualTo(12));
        Assert.That(rolling.BipowerVariation.IntegratedVariance, Is.EqualTo(products / (BipowerVariation.Mu1 * BipowerVariation.Mu1)).Within(1e-15));
    }
}
