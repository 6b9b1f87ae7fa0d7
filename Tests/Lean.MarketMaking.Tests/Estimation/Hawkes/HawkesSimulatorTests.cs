using System;
using System.Linq;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Hawkes;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Estimation.Hawkes;

[TestFixture]
public class HawkesSimulatorTests
{
    [Test]
    public void EventRatesMatchTheStationaryMeanIntensity()
    {
        var truth = new HawkesParameters(new[] { 0.4, 0.3 }, new[,] { { 0.4, 0.2 }, { 0.3, 0.3 } }, 1.5);
        // Closed form Λ = (I − α)⁻¹μ = (0.34, 0.30)/0.36.
        Assert.That(truth.StationaryIntensity()[0], Is.EqualTo(0.34 / 0.36).Within(1e-12));
        Assert.That(truth.StationaryIntensity()[1], Is.EqualTo(0.30 / 0.36).Within(1e-12));
        const double horizon = 50_000;
        var events = HawkesSimulator.Simulate(truth, horizon, seed: 123);
        for (var i = 0; i < 2; i++)
        {
            // Var(N(T))/T → Σᵢᵢ of (I−α)⁻¹ diag(Λ) (I−α)⁻ᵀ (Bacry et al. 2015); for these values its diagonal is < 8,
            // so the rate's standard error is < √(8/T) ≈ 0.013; 4 of them is the tolerance.
            Assert.That(events.Count(i) / horizon, Is.EqualTo(truth.StationaryIntensity()[i]).Within(4 * Math.Sqrt(8 / horizon)));
        }
    }

    [Test]
    public void InterArrivalsOfAPoissonProcessAreExponential()
    {
        // α = 0 is a Poisson process: inter-arrival mean 1/μ and squared coefficient of variation 1.
        var events = HawkesSimulator.Simulate(HawkesParameters.Univariate(2.0, 0.0, 1.0), 10_000, seed: 8);
        var gaps = events.Times(0).Zip(events.Times(0).Skip(1), (a, b) => b - a).ToArray();
        var mean = gaps.Average();
        var variance = gaps.Select(g => (g - mean) * (g - mean)).Average();
        // n ≈ 20,000 gaps: SE of the mean 0.5/√n ≈ 0.0035; SE of the CV² ≈ √(8/n) ≈ 0.02 (Exp has CV² = 1, kurtosis 9).
        Assert.That(mean, Is.EqualTo(0.5).Within(4 * 0.5 / Math.Sqrt(gaps.Length)));
        Assert.That(variance / (mean * mean), Is.EqualTo(1.0).Within(4 * Math.Sqrt(8.0 / gaps.Length)));
    }

    [Test]
    public void SameSeedSamePath()
    {
        var p = HawkesParameters.Univariate(1.0, 0.5, 3.0);
        var a = HawkesSimulator.Simulate(p, 200, seed: 17);
        var b = HawkesSimulator.Simulate(p, 200, seed: 17);
        var c = HawkesSimulator.Simulate(p, 200, seed: 18);
        Assert.That(a.Times(0), Is.EqualTo(b.Times(0)));
        Assert.That(a.Times(0), Is.Not.EqualTo(c.Times(0)));
    }

    [Test]
    public void ExplosionHitsTheCap()
    {
        var e = Assert.Throws<MarketMakingException>(() => HawkesSimulator.Simulate(HawkesParameters.Univariate(1.0, 2.0, 1.0), 1_000, seed: 1, maxEvents: 10_000))!;
        Assert.That(e.ParameterName, Is.EqualTo("maxEvents"));
    }
}
