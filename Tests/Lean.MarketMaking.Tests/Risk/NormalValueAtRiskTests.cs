using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Risk;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Risk;

[TestFixture]
public class NormalValueAtRiskTests
{
    [Test]
    public void KnownConstants()
    {
        var p = new ValueAtRiskParameters(0.99);
        Assert.That(p.NormalQuantile, Is.EqualTo(2.3263478740).Within(1e-10), "z0.99");
        // φ(z)/(1 − α) = 0.02665214220345808/0.01 (φ(z) = exp(−z²/2)/√(2π) at z = 2.3263478740408408)
        Assert.That(NormalValueAtRisk.ExpectedShortfallFactor(p), Is.EqualTo(2.665214220345808).Within(1e-12));
    }

    [Test]
    public void OneAssetVarAndEsAreTheNormalQuantileAndTailMean()
    {
        // e = 1e6, σ = 2 % a period: VaR = z·σ·e = 2.3263478740408408·20,000; ES = σe·φ(z)/(1 − α) = 20,000·2.665214220345808.
        var marginal = new double[1];
        var components = new double[1];
        var r = NormalValueAtRisk.Compute(new[] { 1e6 }, new[] { 0.02 * 0.02 }, new ValueAtRiskParameters(0.99), marginal, components);
        Assert.That(r.ValueAtRisk, Is.EqualTo(46526.957480816816).Within(1e-8));
        Assert.That(r.ExpectedShortfall, Is.EqualTo(53304.28440691616).Within(1e-8));
        Assert.That(marginal[0], Is.EqualTo(0.02 * 2.3263478740408408).Within(1e-15));

        // Square root of time: four periods double both.
        var four = NormalValueAtRisk.Compute(new[] { 1e6 }, new[] { 0.02 * 0.02 }, new ValueAtRiskParameters(0.99, 4), marginal, components);
        Assert.That(four.ValueAtRisk, Is.EqualTo(2 * r.ValueAtRisk).Within(1e-8));
        Assert.That(four.ExpectedShortfall, Is.EqualTo(2 * r.ExpectedShortfall).Within(1e-8));
        Assert.That(components[0], Is.EqualTo(four.ValueAtRisk).Within(1e-8));
    }

    [Test]
    public void TwoAssetEulerComponentsByHand()
    {
        // σ₁ = 1 %, σ₂ = 2 %, ρ = 0.5: Σ = [[1e-4, 1e-4], [1e-4, 4e-4]]; e = (1e6, −5e5).
        // Σe = (100 − 50, 100 − 200) = (50, −100); eᵀΣe = 1e6·50 + 5e5·100 = 1e8, σ = 1e4; VaR = z·1e4.
        // marginal = z·Σe/σ = z·(0.005, −0.01); components = e·marginal = (5,000z, 5,000z): half each.
        const double z = 2.3263478740408408;
        var marginal = new double[2];
        var components = new double[2];
        var r = NormalValueAtRisk.Compute(new[] { 1e6, -5e5 }, new[] { 1e-4, 1e-4, 1e-4, 4e-4 }, new ValueAtRiskParameters(0.99), marginal, components);
        Assert.That(r.ValueAtRisk, Is.EqualTo(1e4 * z).Within(1e-8));
        Assert.That(marginal[0], Is.EqualTo(0.005 * z).Within(1e-14));
        Assert.That(marginal[1], Is.EqualTo(-0.01 * z).Within(1e-14));
        Assert.That(components[0], Is.EqualTo(5000 * z).Within(1e-8));
        Assert.That(components[1], Is.EqualTo(5000 * z).Within(1e-8));
    }

    [Test]
    public void NotPositiveSemiDefiniteCovarianceIsRejected()
    {
        // ρ = 2 makes eᵀΣe = 1 + 1 − 4 < 0 for e = (1, −1).
        var e = Assert.Throws<MarketMakingException>(() => NormalValueAtRisk.Compute(
            new[] { 1.0, -1.0 }, new[] { 1.0, 2.0, 2.0, 1.0 }, new ValueAtRiskParameters(0.99), new double[2], new double[2]))!;
        Assert.That(e.Kind, Is.EqualTo(MarketMakingErrorKind.CorrelationMatrixNotPositiveDefinite));
    }

    [TestCase(0.0, 1, "confidence")]
    [TestCase(1.0, 1, "confidence")]
    [TestCase(double.NaN, 1, "confidence")]
    [TestCase(0.99, 0, "horizonPeriods")]
    public void ParametersAreValidated(double confidence, int horizon, string name)
    {
        var e = Assert.Throws<MarketMakingException>(() => _ = new ValueAtRiskParameters(confidence, horizon))!;
        Assert.That(e.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidParameters));
        Assert.That(e.ParameterName, Is.EqualTo(name));
    }

    [Test]
    public void InputsAreValidated()
    {
        var p = new ValueAtRiskParameters(0.99);
        Assert.That(Assert.Throws<MarketMakingException>(() => NormalValueAtRisk.Compute(new[] { double.NaN }, new[] { 1.0 }, p, new double[1], new double[1]))!.ParameterName,
            Is.EqualTo("exposures[0]"));
        Assert.That(Assert.Throws<MarketMakingException>(() => NormalValueAtRisk.Compute(new[] { 1.0, 2.0 }, new[] { 1.0 }, p, new double[2], new double[2]))!.ParameterName,
            Is.EqualTo("covariance"));
        Assert.That(Assert.Throws<MarketMakingException>(() => NormalValueAtRisk.Compute(new[] { 1.0 }, new[] { double.PositiveInfinity }, p, new double[1], new double[1]))!.ParameterName,
            Is.EqualTo("covariance[0]"));
        Assert.That(Assert.Throws<MarketMakingException>(() => NormalValueAtRisk.Compute(new[] { 1.0 }, new[] { 1.0 }, p, new double[2], new double[1]))!.ParameterName,
            Is.EqualTo("marginal"));
    }
}
