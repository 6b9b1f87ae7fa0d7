using System;
using System.Linq;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation;
using Lean.MarketMaking.Models.Estimation.Jumps;
using Lean.MarketMaking.Models.Stochastic;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Estimation.Jumps;

[TestFixture]
public class JumpSummaryTests
{
    [Test]
    public void SplitsUpAndDownJumps()
    {
        var jumps = new[]
        {
            new DetectedJump(1, 10, 0.02, 2.0, 9),
            new DetectedJump(5, 50, -0.01, -1.0, -7),
            new DetectedJump(7, 70, 0.04, 4.5, 12),
        };
        var s = JumpSummary.From(jumps, 1000);
        Assert.That(s.Up, Is.EqualTo(new JumpSideSummary(2, 0.002, 0.03, 1 / 0.03)));
        Assert.That(s.Down, Is.EqualTo(new JumpSideSummary(1, 0.001, 0.01, 100)));
        Assert.That(s.IntensityPerSecond, Is.EqualTo(0.003));
        Assert.That(s.ProbabilityUp, Is.EqualTo(2 / 3.0));

        var prices = JumpSummary.From(jumps, 1000, JumpSizeUnit.Price);
        Assert.That(prices.Up.MeanSize, Is.EqualTo(3.25));
        Assert.That(prices.Down.ExponentialRate, Is.EqualTo(1.0));

        var none = JumpSummary.From(Array.Empty<DetectedJump>(), 10);
        Assert.That(none.ProbabilityUp, Is.Null);
        Assert.That(none.Up.ExponentialRate, Is.Null);
        Assert.That(none.IntensityPerSecond, Is.Zero);
        Assert.That(Assert.Throws<MarketMakingException>(() => JumpSummary.From(jumps, 0))!.ParameterName, Is.EqualTo("observedSeconds"));
    }

    [Test]
    public void RecoversDoubleExponentialJumpParametersFromDetectedJumps()
    {
        // Log-price: diffusion with per-minute sd 1e-4 plus compound Poisson jumps at 1 per 2 hours, up with p = 0.6,
        // sizes 1.5e-3 + Exp (mean 1e-3 up, 2e-3 down) — all ≥ 15σ so the LM test detects every one. The summary then
        // estimates intensity, p and the mean excess size of each side from ~1000 jumps.
        const double dt = 60, sd = 1e-4, rate = 1 / 7200.0, floor = 1.5e-3;
        const int n = 120 * 24 * 60 * 60 / 60; // 120 days of minutes
        var sizes = new DoubleExponentialJumpSizes(0.6, 1 / 1e-3, 1 / 2e-3);
        var rng = new Random(17);
        var jumps = new double[n];
        var injected = 0;
        for (var i = 0; i < n; i++)
        {
            if (rng.NextDouble() < rate * dt)
            {
                var y = sizes.Sample(rng);
                jumps[i] = y + Math.Sign(y) * floor;
                injected++;
            }
        }

        var ticks = SyntheticTicks.Generate(rng, n, dt, sd * sd / dt, jumps: jumps);
        var lm = LeeMyklandTest.Run(ticks, new LeeMyklandParameters(LeeMyklandParameters.RecommendedWindow(252.0 * 24 * 60), 0.01), 1440);
        var summary = JumpSummary.From(lm.Jumps, ticks[^1].TimeSeconds - ticks[0].TimeSeconds);

        // Counting: λT ≈ 1440 jumps, Poisson sd 38 → intensity within 4 sd (10%); p̂ has sd √(p(1−p)/N) = 0.013 → ±0.055;
        // mean excess sizes have sd mean/√N_side (3.3% up, 4% down) → ±15% (4 sd); the floor is subtracted back.
        Assert.That(summary.IntensityPerSecond, Is.EqualTo(rate).Within(4 * Math.Sqrt(rate * n * dt) / (n * dt)));
        Assert.That(summary.Up.Count + summary.Down.Count, Is.EqualTo(injected).Within(3), "every injected jump is found, ≤ 3 false ones");
        Assert.That(summary.ProbabilityUp!.Value, Is.EqualTo(0.6).Within(0.055));
        Assert.That(summary.Up.MeanSize!.Value - floor, Is.EqualTo(1e-3).Within(0.15e-3));
        Assert.That(summary.Down.MeanSize!.Value - floor, Is.EqualTo(2e-3).Within(0.3e-3));
    }
}
