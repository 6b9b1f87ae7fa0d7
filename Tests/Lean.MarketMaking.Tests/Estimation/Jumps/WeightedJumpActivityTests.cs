using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Jumps;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Estimation.Jumps;

[TestFixture]
public class WeightedJumpActivityTests
{
    [Test]
    public void WeightsExposureRatesSizesAndDriftAsComputedByHand()
    {
        // H = 100 s (β = ln2/100). After 100 s: W = (1 − ½)/β = 72.1347520444 s. An up jump of +1% (log ln 1.01), 100 s more:
        // W = 72.13·½ + 72.13 = 108.2021280667 s and the up jump weighs ½ (N⁺ = ½, S⁺ = 0.005); then a −2% jump
        // (N⁻ = 1, S⁻ = 0.02). Drift = (S⁺ − S⁻)/W = −1.3862943611e-4 per s; z = −0.015/√(¼·1e-4 + 4e-4) = −0.72760687511,
        // confidence 2Φ(0.7276) − 1 = 0.53314572918; variance (½·ln²1.01 + ln²0.98)/W = 4.2296203705e-6 per s.
        var activity = new WeightedJumpActivity(100);
        activity.Elapse(100);
        Assert.That(activity.ExposureSeconds, Is.EqualTo(72.13475204444816).Within(1e-10));
        activity.AddJump(Math.Log(1.01));
        activity.Elapse(100);
        activity.AddJump(Math.Log(0.98));

        Assert.That(activity.ExposureSeconds, Is.EqualTo(108.20212806667224).Within(1e-10));
        Assert.That(activity.UpIntensityPerSecond, Is.EqualTo(0.5 / 108.20212806667224).Within(1e-15));
        Assert.That(activity.DownIntensityPerSecond, Is.EqualTo(1 / 108.20212806667224).Within(1e-15));
        Assert.That(activity.MeanUpSize, Is.EqualTo(0.01).Within(1e-15));
        Assert.That(activity.MeanDownSize, Is.EqualTo(0.02).Within(1e-15));
        Assert.That(activity.WeightedJumpCount, Is.EqualTo(1.5).Within(1e-15));
        Assert.That(activity.DriftPerSecond, Is.EqualTo(-0.00013862943611198908).Within(1e-17));
        Assert.That(activity.DriftPerSecond,
            Is.EqualTo(activity.UpIntensityPerSecond * activity.MeanUpSize - activity.DownIntensityPerSecond * activity.MeanDownSize).Within(1e-17),
            "drift = λ⁺E[J⁺] − λ⁻E[J⁻]");
        Assert.That(activity.ExpectedMove(300), Is.EqualTo(300 * -0.00013862943611198908).Within(1e-14));
        Assert.That(activity.DriftStatistic, Is.EqualTo(-0.7276068751089988).Within(1e-12));
        Assert.That(activity.DriftConfidence, Is.EqualTo(0.5331457291772743).Within(1e-9));
        Assert.That(activity.VariancePerSecond, Is.EqualTo(4.229620370489485e-06).Within(1e-17));
    }

    [Test]
    public void ASingleJumpHasZOfOneAndOppositeJumpsCancel()
    {
        var activity = new WeightedJumpActivity(3600);
        activity.Elapse(60);
        activity.AddJump(0.01);
        Assert.That(activity.DriftStatistic, Is.EqualTo(1).Within(1e-15));
        Assert.That(activity.DriftConfidence, Is.EqualTo(0.6826894921370859).Within(1e-9), "2Φ(1) − 1");

        // e^0.01 − 1 = 0.0100502 and e^−0.01 − 1 = −0.0099502: z = 0.0001/√(0.01005² + 0.00995²) = 0.00707
        activity.AddJump(-0.01);
        Assert.That(activity.DriftStatistic, Is.EqualTo(0.0001 / Math.Sqrt(0.0100501670841679 * 0.0100501670841679 + 0.00995016625083195 * 0.00995016625083195)).Within(1e-6),
            "opposite jumps cancel");
    }

    [Test]
    public void RecoversTheRatesSizesDriftAndVarianceOfASimulatedCompoundPoissonProcess()
    {
        // λ⁺ = 0.002/s with log sizes Exp(mean 0.005), λ⁻ = 0.001/s with log sizes −Exp(mean 0.008), over 10⁷ s with a
        // half-life far longer than the sample (weights ≈ 1). Fractional means: E[e^X − 1] = 1/(η − 1) = 1/199 up,
        // E[1 − e^(−X)] = 1/(η + 1) = 1/126 down, so the drift is 0.002/199 − 0.001/126 = 2.1138e-6 per s; the jump
        // variance is λ⁺·2·0.005² + λ⁻·2·0.008² = 2.28e-7 log-return² per s. Tolerances: 4 standard errors (Poisson
        // counts √N/T; the drift's own Campbell standard error √(Σw²y²)/W; the variance's √(λE[r⁴]/T), E[r⁴] = 24·mean⁴).
        var random = new Random(20260412);
        var activity = new WeightedJumpActivity(1e12);
        const double horizon = 1e7, upRate = 0.002, downRate = 0.001;
        double t = 0;
        while (true)
        {
            var gap = -Math.Log(1 - random.NextDouble()) / (upRate + downRate);
            if (t + gap > horizon)
            {
                activity.Elapse(horizon - t);
                break;
            }

            t += gap;
            activity.Elapse(gap);
            var up = random.NextDouble() < upRate / (upRate + downRate);
            var size = -Math.Log(1 - random.NextDouble()) * (up ? 0.005 : 0.008);
            activity.AddJump(up ? size : -size);
        }

        Assert.That(activity.ExposureSeconds, Is.EqualTo(horizon).Within(horizon * 1e-4));
        Assert.That(activity.UpIntensityPerSecond, Is.EqualTo(upRate).Within(4 * Math.Sqrt(upRate * horizon) / horizon));
        Assert.That(activity.DownIntensityPerSecond, Is.EqualTo(downRate).Within(4 * Math.Sqrt(downRate * horizon) / horizon));
        Assert.That(activity.MeanUpSize, Is.EqualTo(1 / 199.0).Within(4 * (1 / 199.0) / Math.Sqrt(upRate * horizon)));
        Assert.That(activity.MeanDownSize, Is.EqualTo(1 / 126.0).Within(4 * (1 / 126.0) / Math.Sqrt(downRate * horizon)));
        var driftError = activity.DriftPerSecond / activity.DriftStatistic;
        Assert.That(activity.DriftPerSecond, Is.EqualTo(upRate / 199 - downRate / 126).Within(4 * Math.Abs(driftError)));
        var fourthMoment = upRate * 24 * Math.Pow(0.005, 4) + downRate * 24 * Math.Pow(0.008, 4);
        Assert.That(activity.VariancePerSecond, Is.EqualTo(upRate * 2 * 0.005 * 0.005 + downRate * 2 * 0.008 * 0.008).Within(4 * Math.Sqrt(fourthMoment / horizon)));
    }

    [Test]
    public void ForgetsWithTheHalfLife()
    {
        var activity = new WeightedJumpActivity(60);
        activity.Elapse(1e6);
        activity.AddJump(0.01);
        var drift = activity.DriftPerSecond;
        activity.Elapse(60);
        Assert.That(activity.DriftPerSecond, Is.EqualTo(drift / 2).Within(1e-12 * drift), "stationary exposure: the drift halves in one half-life");
        Assert.That(activity.ExposureSeconds, Is.EqualTo(activity.StationaryExposureSeconds).Within(1e-9));
    }

    [Test]
    public void IgnoresUnusableInputsAndNeverReturnsNaN()
    {
        var activity = new WeightedJumpActivity(60);
        Assert.That(activity.DriftPerSecond, Is.Zero);
        Assert.That(activity.DriftConfidence, Is.Zero);
        Assert.That(activity.MeanUpSize, Is.Zero);
        activity.Elapse(double.NaN);
        activity.Elapse(-5);
        activity.Elapse(double.PositiveInfinity);
        activity.AddJump(double.NaN);
        activity.AddJump(double.NegativeInfinity);
        activity.AddJump(0);
        Assert.That(activity.ExposureSeconds, Is.Zero);
        Assert.That(activity.WeightedJumpCount, Is.Zero);
        activity.AddJump(0.01);
        Assert.That(activity.DriftPerSecond, Is.Zero, "no exposure yet: no rate");
        Assert.That(double.IsFinite(activity.DriftConfidence), Is.True);

        activity.Reset();
        Assert.That(activity.WeightedJumpCount, Is.Zero);
        Assert.Throws<MarketMakingException>(() => new WeightedJumpActivity(0));
        Assert.Throws<MarketMakingException>(() => new WeightedJumpActivity(double.NaN));
    }
}
