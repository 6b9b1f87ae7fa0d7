using System;
using System.Linq;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Quoting.CarteaJaimungal;
using Lean.MarketMaking.Models.Risk;
using MathNet.Numerics.Distributions;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Risk;

[TestFixture]
public class MonteCarloValueAtRiskTests
{
    [TestCase(1)]
    [TestCase(10)]
    public void GaussianScenariosConvergeToTheParametricValue(int horizon)
    {
        // N = 100,000 scenarios of N(0, hΣ). The sample α-quantile of a loss N(0, s²) has standard error
        // s·√(α(1 − α)/N)/φ(z) ≈ 0.0118·s; the sample ES has √([Var(L | L ≥ VaR) + α(ES − VaR)²]/(N(1 − α)))
        // (Yamai & Yoshiba 2002). Both must be within 4 standard errors of the closed forms.
        const int n = 100_000;
        var history = new ReturnHistory(RiskGen.Returns(2, 500, 3));
        var covariance = history.Covariance(1);
        var e = new[] { 1e6, -4e5, 7e5 };
        var p = new ValueAtRiskParameters(0.99, horizon);
        var (normalMarginal, normalComponents) = (new double[3], new double[3]);
        var normal = NormalValueAtRisk.Compute(e, covariance, p, normalMarginal, normalComponents);
        var (mc, _, components) = RiskGen.Run("monte-carlo", e, history, p, seed: 5, scenarios: n);

        var z = p.NormalQuantile;
        var s = normal.ValueAtRisk / z;
        var esStd = normal.ExpectedShortfall / s;
        var quantileError = s * Math.Sqrt(0.99 * 0.01 / n) / Normal.PDF(0, 1, z);
        var tailVariance = (1 + (z * esStd) - (esStd * esStd)) * s * s;
        var esError = Math.Sqrt((tailVariance + (0.99 * Math.Pow(normal.ExpectedShortfall - normal.ValueAtRisk, 2))) / (n * 0.01));
        Assert.That(mc.ValueAtRisk, Is.EqualTo(normal.ValueAtRisk).Within(4 * quantileError));
        Assert.That(mc.ExpectedShortfall, Is.EqualTo(normal.ExpectedShortfall).Within(4 * esError));
        Assert.That(components.Sum(), Is.EqualTo(mc.ValueAtRisk).Within(1e-9 * mc.ValueAtRisk));
        for (var i = 0; i < 3; i++)
        {
            Assert.That(components[i], Is.EqualTo(normalComponents[i]).Within(0.05 * normal.ValueAtRisk), $"component {i}");
        }
    }

    [Test]
    public void SeededScenariosRepeat()
    {
        var history = new ReturnHistory(RiskGen.Returns(2, 300, 2));
        var p = new ValueAtRiskParameters(0.99);
        var e = new[] { 1e6, 1e6 };
        var a = RiskGen.Run("monte-carlo", e, history, p, seed: 3, scenarios: 5_000).Estimate;
        var b = RiskGen.Run("monte-carlo", e, history, p, seed: 3, scenarios: 5_000).Estimate;
        var c = RiskGen.Run("monte-carlo", e, history, p, seed: 4, scenarios: 5_000).Estimate;
        Assert.That(b, Is.EqualTo(a));
        Assert.That(c.ValueAtRisk, Is.Not.EqualTo(a.ValueAtRisk));
    }

    [Test]
    public void JumpsWidenTheTailOfTheAssetsThatHaveThem()
    {
        // σ = 1 % a period; asset 0 jumps 0.5 times a period by ±Exp(mean 0.05 price units) at price 1 (jump variance
        // 0.5·2·0.05² = 2.5e-3 per period, 25× the diffusion's): its VaR grows. Jumps on an asset without exposure
        // change nothing (they are drawn after the Gaussian scenarios).
        var covariance = new[] { 1e-4, 0, 0, 1e-4 };
        var p = new ValueAtRiskParameters(0.99);
        var jumps = new MidPriceJumpParameters(0.5, 0.5, 20, 20, 0, 0, 0);
        var withJumps = new MonteCarloJumps(new MidPriceJumpParameters?[] { jumps, null }, new[] { 1.0, 1.0 }, 1);
        var onOther = new MonteCarloJumps(new MidPriceJumpParameters?[] { null, jumps }, new[] { 1.0, 1.0 }, 1);
        var e = new[] { 1e6, 0 };
        ValueAtRiskEstimate Run(MonteCarloJumps? j) =>
            new MonteCarloValueAtRisk(20_000, 9, j).Compute(e, covariance, p, new double[2], new double[2]);

        var plain = Run(null);
        Assert.That(Run(withJumps).ValueAtRisk, Is.GreaterThan(2 * plain.ValueAtRisk));
        Assert.That(Run(onOther), Is.EqualTo(plain));
    }

    [Test]
    public void InputsAreValidated()
    {
        var p = new ValueAtRiskParameters(0.99);
        var notPd = Assert.Throws<MarketMakingException>(() =>
            new MonteCarloValueAtRisk(1_000, 1).Compute(new[] { 1.0, 1.0 }, new[] { 1.0, 2.0, 2.0, 1.0 }, p, new double[2], new double[2]))!;
        Assert.That(notPd.Kind, Is.EqualTo(MarketMakingErrorKind.CorrelationMatrixNotPositiveDefinite));
        var tooFew = Assert.Throws<MarketMakingException>(() =>
            new MonteCarloValueAtRisk(99, 1).Compute(new[] { 1.0 }, new[] { 1.0 }, p, new double[1], new double[1]))!;
        Assert.That(tooFew.Message, Does.Contain("too few scenarios"));
        Assert.That(() => new MonteCarloValueAtRisk(0, 1), Throws.TypeOf<MarketMakingException>());
        Assert.That(() => new MonteCarloJumps(new MidPriceJumpParameters?[] { null }, new[] { 0.0 }, 1), Throws.TypeOf<MarketMakingException>());
    }
}
