using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Volatility;
using MathNet.Numerics.Distributions;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Estimation.Volatility;

[TestFixture]
public class EwmaVarianceEstimatorTests
{
    [Test]
    public void RecoversTheDiffusionVariance()
    {
        const double variancePerSecond = 4e-9;
        const double halfLife = 3_600;
        var ticks = SyntheticTicks.Generate(new Random(6), 50_000, 1.0, variancePerSecond);
        var ewma = new EwmaVarianceEstimator(halfLife);
        foreach (var t in ticks)
        {
            ewma.Update(t.TimeSeconds, t.Price);
        }

        // With weights λ^k, λ = 2^(−1/3600), the effective sample size is (1 + λ)/(1 − λ) ≈ 10 388 returns, so the
        // relative sd of σ̂² is √(2/10388) = 1.39%; tolerance 4 sd.
        var lambda = Math.Pow(2, -1 / halfLife);
        var effectiveN = (1 + lambda) / (1 - lambda);
        Assert.That(ewma.VariancePerSecond, Is.EqualTo(variancePerSecond).Within(4 * Math.Sqrt(2 / effectiveN) * variancePerSecond));
        Assert.That(ewma.Count, Is.EqualTo(50_001));
    }

    [Test]
    public void NeedsAReturnOverPositiveTimeAndRejectsBadTicks()
    {
        var ewma = new EwmaVarianceEstimator(60);
        Assert.That(ewma.IsReady, Is.False);
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = ewma.VariancePerSecond)!.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));
        ewma.Update(10, 100);
        Assert.That(Assert.Throws<MarketMakingException>(() => ewma.Update(9, 100))!.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));
        Assert.That(Assert.Throws<MarketMakingException>(() => ewma.Update(11, double.NaN))!.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));
        Assert.That(Assert.Throws<MarketMakingException>(() => ewma.Update(11, -5))!.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));
        ewma.Update(11, 101);
        Assert.That(ewma.IsReady, Is.True);
        Assert.That(ewma.VariancePerSecond, Is.EqualTo(Math.Pow(Math.Log(1.01), 2)).Within(1e-15));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new EwmaVarianceEstimator(0))!.ParameterName, Is.EqualTo("halfLifeSeconds"));
    }

    [Test]
    public void AnInterruptionDropsTheReturnAcrossTheBreak()
    {
        var ewma = new EwmaVarianceEstimator(60);
        var rng = new Random(3);
        var price = 100.0;
        for (var t = 0; t <= 100; t++)
        {
            price *= Math.Exp(1e-4 * Normal.Sample(rng, 0, 1));
            ewma.Update(t, price);
        }

        var atClose = (ewma.VariancePerSecond, ewma.WeightedSeconds);
        ewma.Interrupt();
        ewma.Update(100, price * 1.1);
        Assert.That((ewma.VariancePerSecond, ewma.WeightedSeconds), Is.EqualTo(atClose), "no return over no open time: nothing changes");
        Assert.That(ewma.Count, Is.EqualTo(102));
    }
}
