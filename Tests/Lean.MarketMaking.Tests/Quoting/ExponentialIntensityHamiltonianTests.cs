using System;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Models.Quoting.Glft;
using MathNet.Numerics.Optimization;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Quoting;

[TestFixture]
public class ExponentialIntensityHamiltonianTests
{
    [TestCase(GlftObjective.Cara)]
    [TestCase(GlftObjective.RiskNeutral)]
    public void HamiltonianConstantsMatchTheSupremumTheyStandFor(GlftObjective objective)
    {
        // H_ξ(p) = sup_δ A·e^(−kδ)·(1 − e^(−ξz(δ − p)))/(ξz) (or A·e^(−kδ)(δ − p) when ξ = 0) must equal
        // (A/k)·C_ξ·e^(−kp) with argmax δ̃(p) = p + offset, which is what makes H″(0) = A·k·C_ξ and D₊ = diag(2AkzC_ξ).
        // Golden-section search to 1e-9 in δ: the value is then exact to ~1e-15 (quadratic around the max).
        const double a = 1.7, k = 0.4, z = 2.0, gamma = 0.3;
        var xi = objective == GlftObjective.Cara ? gamma : 0.0;
        double Gain(double delta, double p) =>
            xi == 0
                ? a * Math.Exp(-k * delta) * (delta - p)
                : a * Math.Exp(-k * delta) * (1 - Math.Exp(-xi * z * (delta - p))) / (xi * z);
        var c = ExponentialIntensityHamiltonian.ConstantC(xi, k, z);
        var offset = ExponentialIntensityHamiltonian.QuoteOffset(xi, k, z);
        foreach (var p in new[] { -0.7, 0.0, 0.9 })
        {
            var best = GoldenSectionMinimizer.Minimum(
                ObjectiveFunction.ScalarValue(delta => -Gain(delta, p)), p - 5, p + 30, xTolerance: 1e-9);
            Assert.That(best.MinimizingPoint, Is.EqualTo(p + offset).Within(1e-7));
            Assert.That(-best.FunctionInfoAtMinimum.Value, Is.EqualTo(a / k * c * Math.Exp(-k * p)).Within(1e-12));
        }
    }

    [TestCase(0.1, 1.5, 1.0)]
    [TestCase(1.0, 1.5, 1.0)]
    [TestCase(0.3, 0.4, 2.0)]
    [TestCase(2.0, 0.1, 5.0)]
    public void ConstantsAreThePublishedExpressions(double xi, double k, double z)
    {
        // Where ξz/k is of order one, Math.Log(1 + x) and Math.Pow are accurate to a few ulps, so the published forms
        // (Guéant 2017 (4.6)/(4.7); AS 2008 (30) and GLFT 2013 Theorem 1 when z = 1) must agree to 1e-14 relative.
        var x = xi * z / k;
        var offset = Math.Log(1 + x) / (xi * z);
        var logInverse = (1 + 1 / x) * Math.Log(1 + x);
        var constant = Math.Pow(1 + x, -(1 + 1 / x));
        Assert.That(ExponentialIntensityHamiltonian.QuoteOffset(xi, k, z), Is.EqualTo(offset).Within(1e-14 * offset));
        Assert.That(ExponentialIntensityHamiltonian.LogInverseConstantC(xi, k, z), Is.EqualTo(logInverse).Within(1e-14 * logInverse));
        Assert.That(ExponentialIntensityHamiltonian.ConstantC(xi, k, z), Is.EqualTo(constant).Within(1e-14 * constant));
    }

    [Test]
    public void RiskNeutralLimitsAreOneOverKAndOneOverE()
    {
        // ξ = 0: the offset is exactly 1/k and C_0 = e^(−1) (Guéant 2017: "as ξ → 0 the first term is 1/k and the power term e").
        Assert.That(ExponentialIntensityHamiltonian.QuoteOffset(0, 0.4, 2), Is.EqualTo(1 / 0.4));
        Assert.That(ExponentialIntensityHamiltonian.LogInverseConstantC(0, 0.4, 2), Is.EqualTo(1.0));
        Assert.That(ExponentialIntensityHamiltonian.ConstantC(0, 0.4, 2), Is.EqualTo(Math.Exp(-1)));
    }

    [TestCase(1e-9)]
    [TestCase(1e-12)]
    [TestCase(1e-17)]
    public void TinyUtilityExponentKeepsFullPrecision(double x)
    {
        // For x = ξz/k ≪ 1 the series are ln(1 + x)/x = 1 − x/2 + x²/3 − … and (1 + 1/x)·ln(1 + x) = 1 + x/2 − x²/6 + …;
        // three terms are exact to well below 1e-16 here. Math.Log(1 + x) would be off by up to ~1e-7 relative at
        // x = 1e-9 (and give 0 at 1e-17), so 1e-15 relative (a few ulps) can only be met with a log1p-accurate evaluation.
        const double k = 1.5, z = 1.0;
        var xi = x * k / z;
        var offset = (1 - x / 2 + x * x / 3) / k;
        var logInverse = 1 + x / 2 - x * x / 6;
        Assert.That(ExponentialIntensityHamiltonian.QuoteOffset(xi, k, z), Is.EqualTo(offset).Within(1e-15 * offset));
        Assert.That(ExponentialIntensityHamiltonian.LogInverseConstantC(xi, k, z), Is.EqualTo(logInverse).Within(1e-15 * logInverse));
        Assert.That(ExponentialIntensityHamiltonian.ConstantC(xi, k, z), Is.EqualTo(Math.Exp(-logInverse)).Within(1e-15 * Math.Exp(-logInverse)));
    }
}
