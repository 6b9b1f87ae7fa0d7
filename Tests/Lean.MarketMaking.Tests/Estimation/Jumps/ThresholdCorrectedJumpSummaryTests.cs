using System;
using System.Linq;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Jumps;
using Lean.MarketMaking.Models.Stochastic;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Integration;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Estimation.Jumps;

[TestFixture]
public class ThresholdCorrectedJumpSummaryTests
{
    // One-minute log returns with sd 1e-4 plus double-exponential jumps (one per 40 minutes, up with p = ½, mean sizes
    // 2.5e-4 up and 4e-4 down: 2.5 and 4 diffusive sds, i.e. mostly below the Lee–Mykland threshold of ≈ 5.8 sds for
    // n = 1440, α = 1 %).
    private const double Dt = 60, Sd = 1e-4, JumpsPerReturn = 1 / 40.0, P = 0.5, MeanUp = 2.5e-4, MeanDown = 4e-4;

    [Test]
    public void CorrectedRatesAndSizesRecoverTheJumpLawWhereTheDetectedOnesAreBiased()
    {
        var (lm, seconds) = Simulate(new Random(2024), 300, MeanUp, MeanDown);
        var detected = JumpSummary.From(lm.Jumps, seconds);
        var corrected = ThresholdCorrectedJumpSummary.From(lm.Jumps, seconds, lm.Threshold);
        var lambda = JumpsPerReturn / Dt;
        var relativeRateVariance = 0.0;

        foreach (var (name, side, raw, rate, mean) in new[]
                 {
                     ("up", corrected.Up, detected.Up, P * lambda, MeanUp),
                     ("down", corrected.Down, detected.Down, (1 - P) * lambda, MeanDown),
                 })
        {
            var n = side.Count;
            var c = lm.Threshold * Sd;

            // Standard errors (see the estimator's remarks): mean size (1/η)/√N; rate √((1 + (ηc)²)/N) relative.
            var sizeSe = mean / Math.Sqrt(n);
            var rateSe = rate * Math.Sqrt((1 + c / mean * (c / mean)) / n);
            relativeRateVariance += (rateSe / rate) * (rateSe / rate);
            Assert.That(n, Is.GreaterThan(300), name);
            Assert.That(side.MeanSize!.Value, Is.EqualTo(mean).Within(4 * sizeSe), $"{name}: corrected mean size");
            Assert.That(side.IntensityPerSecond, Is.EqualTo(rate).Within(4 * rateSe), $"{name}: corrected rate");

            // The detected law: the mean size carries the threshold (≈ c + 1/η) and the rate only the share above it.
            Assert.That(raw.MeanSize!.Value - mean, Is.GreaterThan(Math.Max(0.5 * c, 20 * sizeSe)), $"{name}: detected mean size is biased up");
            Assert.That(rate - raw.IntensityPerSecond, Is.GreaterThan(Math.Max(0.5 * rate, 6 * rateSe)), $"{name}: detected rate is biased down");
        }

        // p: the detected share of up jumps is biased towards the side with the larger jumps; the corrected one is not.
        // p̂ = λ̂⁺/(λ̂⁺ + λ̂⁻): dp = p(1 − p)·(dλ⁺/λ⁺ − dλ⁻/λ⁻), the two sides independent.
        var pSe = P * (1 - P) * Math.Sqrt(relativeRateVariance);
        Assert.That(corrected.ProbabilityUp!.Value, Is.EqualTo(P).Within(4 * pSe));
        Assert.That(P - detected.ProbabilityUp!.Value, Is.GreaterThan(0.1));
    }

    [Test]
    public void PriceUnitsUseTheThresholdAtEachJumpsPrice()
    {
        // In price units the jumps are the log jumps times the price (≈ 100 here: 30 days of symmetric jumps keep the
        // price within a few % of it), so the corrected mean sizes are ≈ 100× and the rates the same.
        var (lm, seconds) = Simulate(new Random(7), 30, 3e-4, 3e-4);
        var logs = ThresholdCorrectedJumpSummary.From(lm.Jumps, seconds, lm.Threshold);
        var prices = ThresholdCorrectedJumpSummary.From(lm.Jumps, seconds, lm.Threshold, JumpSizeUnit.Price);
        var level = lm.Jumps.Average(j => j.PriceChange / double.ExpM1(j.LogReturn));
        Assert.That(prices.Up.Count, Is.EqualTo(logs.Up.Count));
        Assert.That(prices.Up.MeanSize!.Value / level, Is.EqualTo(logs.Up.MeanSize!.Value).Within(0.03 * logs.Up.MeanSize.Value));
        Assert.That(prices.Down.MeanSize!.Value / level, Is.EqualTo(logs.Down.MeanSize!.Value).Within(0.03 * logs.Down.MeanSize.Value));
        Assert.That(prices.IntensityPerSecond, Is.EqualTo(logs.IntensityPerSecond).Within(0.03 * logs.IntensityPerSecond));
    }

    [Test]
    public void DetectionProbabilityIsTheExceedanceProbabilityOfAnExponentialJumpPlusGaussianNoise()
    {
        // P(J + σZ > c*σ) by quadrature over the jump size against the closed form.
        foreach (var (eta, sigma, threshold) in new[] { (4000.0, 1e-4, 5.8), (2500.0, 1e-4, 4.0), (10.0, 0.02, 3.0), (1.0, 0.0, 2.0) })
        {
            var expected = sigma == 0
                ? Math.Exp(-eta * threshold * sigma)
                : GaussLegendreRule.Integrate(j => eta * Math.Exp(-eta * j) * (1 - Normal.CDF(0, 1, (threshold * sigma - j) / sigma)), 0, 60 / eta, 256);
            Assert.That(ThresholdCorrectedJumpSummary.DetectionProbability(eta, sigma, threshold), Is.EqualTo(expected).Within(1e-9 * expected + 1e-15));
        }
    }

    [Test]
    public void NoJumpsOnASideGivesNoRateAndNoSize()
    {
        var jumps = new[] { new DetectedJump(3, 180, 0.002, 0.2, 8) };
        var s = ThresholdCorrectedJumpSummary.From(jumps, 1000, 5);
        Assert.That(s.Down, Is.EqualTo(new JumpSideSummary(0, 0, null, null)));
        Assert.That(s.Up.Count, Is.EqualTo(1));

        // σ = 0.002/8 = 2.5e-4, c = 1.25e-3: the one exceedance 7.5e-4 is the mean size
        Assert.That(s.Up.MeanSize!.Value, Is.EqualTo(7.5e-4).Within(1e-15));
        Assert.That(s.ProbabilityUp, Is.EqualTo(1));
        Assert.That(Assert.Throws<MarketMakingException>(() => ThresholdCorrectedJumpSummary.From(jumps, 1000, 0))!.ParameterName, Is.EqualTo("threshold"));
    }

    private static (LeeMyklandResult Result, double Seconds) Simulate(Random rng, int days, double meanUp, double meanDown)
    {
        var sizes = new DoubleExponentialJumpSizes(P, 1 / meanUp, 1 / meanDown);
        var returns = days * 1440;
        var jumps = new double[returns];
        for (var i = 0; i < returns; i++)
        {
            if (rng.NextDouble() < JumpsPerReturn)
            {
                jumps[i] = sizes.Sample(rng);
            }
        }

        var ticks = SyntheticTicks.Generate(rng, returns, Dt, Sd * Sd / Dt, jumps: jumps);
        var lm = LeeMyklandTest.Run(ticks, new LeeMyklandParameters(LeeMyklandParameters.RecommendedWindow(252.0 * 24 * 60), 0.01), 1440);

        // The jumps are searched in the tested returns only (the first K − 1 feed the local volatility).
        return (lm, (returns - lm.FirstTestedReturn) * Dt);
    }
}
