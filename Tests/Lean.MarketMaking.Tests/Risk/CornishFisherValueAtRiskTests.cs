using System;
using System.Linq;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Risk;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Risk;

[TestFixture]
public class CornishFisherValueAtRiskTests
{
    [Test]
    public void ReducesToTheNormalAtZeroSkewAndKurtosis()
    {
        var p = new ValueAtRiskParameters(0.99);
        Assert.That(CornishFisherValueAtRisk.Quantile(p.NormalQuantile, 0, 0), Is.EqualTo(p.NormalQuantile));
        Assert.That(CornishFisherValueAtRisk.ExpectedShortfall(p, 0, 0), Is.EqualTo(NormalValueAtRisk.ExpectedShortfallFactor(p)).Within(1e-14));

        // A history whose moments about zero have s = 0 and m4/m2² = 3 exactly: {+1 %, −1 %, 0, 0, 0, 0} repeated
        // (m2 = m4 = 1/3 in units of 1 %). Cornish–Fisher then equals the parametric normal on the same Σ.
        var rows = Enumerable.Range(0, 120).Select(t => new[] { (t % 6) switch { 0 => 0.01, 1 => -0.01, _ => 0.0 } }).ToArray();
        var history = new ReturnHistory(rows);
        var e = new[] { 1e6 };
        var (cf, _, cfComponents) = RiskGen.Run("cornish-fisher", e, history, p);
        var (normal, _, _) = RiskGen.Run("parametric", e, history, p);
        Assert.That(cf.ValueAtRisk, Is.EqualTo(normal.ValueAtRisk).Within(1e-9 * normal.ValueAtRisk));
        Assert.That(cf.ExpectedShortfall, Is.EqualTo(normal.ExpectedShortfall).Within(1e-9 * normal.ExpectedShortfall));
        Assert.That(cfComponents[0], Is.EqualTo(cf.ValueAtRisk).Within(1e-9 * cf.ValueAtRisk));
    }

    [Test]
    public void QuantileAndTailMeanByHand()
    {
        // z = 2.3263478740408408, s = −0.5, κ = 2:
        // z_cf = z + (z² − 1)(−0.5)/6 + (z³ − 3z)·2/24 − (2z³ − 5z)·0.25/36
        //      = 2.32634787 − 0.36765787 + 0.46757546 − 0.09408444 = 2.33218103
        const double z = 2.3263478740408408;
        var expected = z + (z * z - 1) * -0.5 / 6 + (z * z * z - 3 * z) * 2 / 24 - (2 * z * z * z - 5 * z) * 0.25 / 36;
        Assert.That(CornishFisherValueAtRisk.Quantile(z, -0.5, 2), Is.EqualTo(expected).Within(1e-15));
        Assert.That(expected, Is.EqualTo(2.33218103).Within(1e-8));

        // ES as the tail mean of the quantile function: (1/(1 − α))∫_α^1 z_cf(Φ⁻¹(u)) du, by the midpoint rule in u.
        var p = new ValueAtRiskParameters(0.99);
        const int steps = 200_000;
        var sum = 0.0;
        for (var j = 0; j < steps; j++)
        {
            var u = 0.99 + (0.01 * (j + 0.5) / steps);
            sum += CornishFisherValueAtRisk.Quantile(MathNet.Numerics.Distributions.Normal.InvCDF(0, 1, u), -0.5, 2);
        }

        Assert.That(CornishFisherValueAtRisk.ExpectedShortfall(p, -0.5, 2), Is.EqualTo(sum / steps).Within(2e-4));
    }

    [Test]
    public void EulerComponentsAreTheGradientAndSumToVar()
    {
        // Skewed two-asset history (squared shocks); the marginal VaR must match central finite differences.
        var rows = RiskGen.Returns(3, 500, 2).Select(r => new[] { r[0] - 20 * r[0] * r[0], r[1] + 10 * r[1] * r[1] }).ToArray();
        var history = new ReturnHistory(rows);
        var p = new ValueAtRiskParameters(0.99, 5);
        var e = new[] { 1e6, 4e5 };
        var (r, marginal, components) = RiskGen.Run("cornish-fisher", e, history, p);
        Assert.That(components.Sum(), Is.EqualTo(r.ValueAtRisk).Within(1e-9 * r.ValueAtRisk));
        for (var i = 0; i < 2; i++)
        {
            var up = (double[])e.Clone();
            var down = (double[])e.Clone();
            up[i] += 100;
            down[i] -= 100;
            var derivative = (RiskGen.Run("cornish-fisher", up, history, p).Estimate.ValueAtRisk
                              - RiskGen.Run("cornish-fisher", down, history, p).Estimate.ValueAtRisk) / 200;
            Assert.That(marginal[i], Is.EqualTo(derivative).Within(1e-6 * Math.Abs(derivative) + 1e-9), $"asset {i}");
        }
    }

    [Test]
    public void SkewOutsideTheDomainOfValidityIsRefused()
    {
        // Skewness −3 with κ = 0: dz_cf/dx = −1.5x² − x + 2.25 < 0 already at z = 2.33.
        var p = new ValueAtRiskParameters(0.99);
        var e = Assert.Throws<MarketMakingException>(() => CornishFisherValueAtRisk.ExpectedShortfall(p, -3, 0))!;
        Assert.That(e.Kind, Is.EqualTo(MarketMakingErrorKind.NumericalInstability));
        Assert.That(() => new CornishFisherValueAtRisk().Compute(new[] { 1.0 }, new ReturnHistory(new[] { new[] { 0.01 }, new[] { 0.0 }, new[] { 0.0 } }),
            p, new double[1], new double[1]), Throws.TypeOf<MarketMakingException>().With.Message.Contains("at least 4 periods"));
    }
}
