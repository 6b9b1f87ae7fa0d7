using System;
using System.Linq;
using Lean.MarketMaking.Models.Risk;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Risk;

/// <summary>Euler components of ES (Tasche 2002): per asset, and summing to ES, for every method that gives them.</summary>
[TestFixture]
public class ExpectedShortfallComponentsTests
{
    [Test]
    public void ScenarioComponentsAreTheTailMeanOfEachAssetsLossContributionByHand()
    {
        // four equally weighted scenarios at α = 0.5 (tail of two), exposures (100, 50): P&L 100·r₀ + 50·r₁ =
        // −9, −4, +1, +6 (scenarios 0..3). ES = mean of 9 and 4 = 6.5; components: asset 0 −100·(−0.05 − 0.02)/2 = 3.5,
        // asset 1 −50·(−0.08 − 0.04)/2 = 3
        var returns = new[] { -0.05, -0.08, -0.02, -0.04, 0.01, 0.0, 0.02, 0.08 };
        var es = new double[2];
        var estimate = new ScenarioValueAtRisk().Compute(new[] { 100.0, 50 }, returns, ReadOnlySpan<double>.Empty, 0.5, new double[2], new double[2], es);
        Assert.That(estimate.ExpectedShortfall, Is.EqualTo(6.5).Within(1e-12));
        Assert.That(es, Is.EqualTo(new[] { 3.5, 3.0 }).Within(1e-12));
    }

    [Test]
    public void TheQuantileScenarioCountsForItsShareOfTheTail()
    {
        // three equal scenarios at α = 0.5: the tail 0.5 holds the worst (1/3) and 1/6 of the second; P&L −6, −3, +3 of
        // one asset with exposure 1: ES = (6/3 + 3/6)/0.5 = 5 = its only component
        var es = new double[1];
        var estimate = new ScenarioValueAtRisk().Compute(new[] { 1.0 }, new[] { -6.0, -3, 3 }, ReadOnlySpan<double>.Empty, 0.5, new double[1], new double[1], es);
        Assert.That((estimate.ExpectedShortfall, es[0]), Is.EqualTo((5.0, 5.0)));
    }

    [TestCase("historical")]
    [TestCase("weighted")]
    [TestCase("parametric")]
    [TestCase("filtered-historical")]
    [TestCase("monte-carlo")]
    public void ComponentsSumToExpectedShortfallAndLeaveVaRAsItWas(string method)
    {
        var history = new ReturnHistory(RiskGen.Returns(11, 500, 4));
        var exposures = RiskGen.Exposures(4, 4);
        var parameters = new ValueAtRiskParameters(0.975, 2);
        var (without, _, components) = RiskGen.Run(method, exposures, history, parameters);
        var es = new double[4];
        var marginal = new double[4];
        var withComponents = new double[4];
        var estimate = method switch
        {
            "historical" => new HistoricalValueAtRisk().Compute(exposures, history, parameters, marginal, withComponents, es),
            "weighted" => new HistoricalValueAtRisk(0.99).Compute(exposures, history, parameters, marginal, withComponents, es),
            "parametric" => NormalValueAtRisk.Compute(exposures, history.Covariance(1), parameters, marginal, withComponents, es),
            "filtered-historical" => new FilteredHistoricalValueAtRisk(20).Compute(exposures, history, parameters, marginal, withComponents, es),
            _ => new MonteCarloValueAtRisk(20_000, 1).Compute(exposures, history.Covariance(1), parameters, marginal, withComponents, es),
        };

        Assert.That(estimate, Is.EqualTo(without));
        Assert.That(withComponents, Is.EqualTo(components));
        Assert.That(es.Sum(), Is.EqualTo(estimate.ExpectedShortfall).Within(1e-9 * estimate.ExpectedShortfall));
        if (method == "parametric")
        {
            Assert.That(es, Is.EqualTo(components.Select(c => c * estimate.ExpectedShortfall / estimate.ValueAtRisk)).Within(1e-9));
        }
    }
}
