using System;
using System.Linq;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Risk;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Risk;

[TestFixture]
public class HistoricalValueAtRiskTests
{
    /// <summary>One asset, exposure 1: scenario t's loss is −r_t, so the returns are the negated losses.</summary>
    private static ReturnHistory Losses(params double[] losses) => new(losses.Select(l => new[] { -l / 1e4 }).ToArray());

    private static ValueAtRiskEstimate Run(HistoricalValueAtRisk method, ReturnHistory history, double confidence, int horizon = 1) =>
        method.Compute(new[] { 1e4 }, history, new ValueAtRiskParameters(confidence, horizon), new double[1], new double[1]);

    [Test]
    public void EqualWeightsTakeTheKthLargestLossAndTheMeanBeyond()
    {
        // Losses 1 … 1000 in shuffled order; 99 %: k = ⌈1000·0.01⌉ = 10, VaR = 10th largest = 991,
        // ES = mean of the 10 largest = (1000 + … + 991)/10 = 995.5.
        var losses = Enumerable.Range(1, 1000).Select(x => (double)x).OrderBy(x => (x * 7919) % 1009).ToArray();
        var r = Run(new HistoricalValueAtRisk(), Losses(losses), 0.99);
        Assert.That(r.ValueAtRisk, Is.EqualTo(991).Within(1e-9));
        Assert.That(r.ExpectedShortfall, Is.EqualTo(995.5).Within(1e-9));
    }

    [Test]
    public void FractionalTailCountsTheQuantileScenarioForItsShare()
    {
        // 250 scenarios, losses 1 … 250; 99 %: N(1 − α) = 2.5, k = 3, VaR = L₍₃₎ = 248;
        // ES = [(250 + 249)/250 + (0.01 − 2/250)·248]/0.01 = 0.4·250 + 0.4·249 + 0.2·248 = 249.2.
        var r = Run(new HistoricalValueAtRisk(), Losses(Enumerable.Range(1, 250).Select(x => (double)x).ToArray()), 0.99);
        Assert.That(r.ValueAtRisk, Is.EqualTo(248).Within(1e-9));
        Assert.That(r.ExpectedShortfall, Is.EqualTo(249.2).Within(1e-9));
    }

    [Test]
    public void AgeWeightedQuantileRuleByHand()
    {
        // 10 scenarios, losses Lₜ = 10 − t (oldest largest), λ = 0.5: wₜ = 0.5^(9−t)·0.5/(1 − 0.5¹⁰) = 2ᵗ/1023.
        // Sorted by loss: weights 1, 2, 4, 8, 16, 32, 64 … /1023, cumulative 1, 3, 7, 15, 31, 63, 127 /1023.
        // 90 %: tail 0.1 = 102.3/1023 is first reached at the 7th (t = 6, loss 4): VaR = 4.
        // ES = [(1·10 + 2·9 + 4·8 + 8·7 + 16·6 + 32·5)/1023 + (102.3 − 63)/1023·4]/0.1 = (372 + 157.2)/102.3 = 5.17302052785924.
        // Equal weights would give k = 1: VaR = ES = 10.
        var history = Losses(Enumerable.Range(0, 10).Select(t => 10.0 - t).ToArray());
        var weighted = Run(new HistoricalValueAtRisk(0.5), history, 0.9);
        Assert.That(weighted.ValueAtRisk, Is.EqualTo(4).Within(1e-9));
        Assert.That(weighted.ExpectedShortfall, Is.EqualTo(529.2 / 102.3).Within(1e-9));
        var equal = Run(new HistoricalValueAtRisk(), history, 0.9);
        Assert.That(equal.ValueAtRisk, Is.EqualTo(10).Within(1e-9));
        Assert.That(equal.ExpectedShortfall, Is.EqualTo(10).Within(1e-9));
    }

    [Test]
    public void HorizonUsesOverlappingWindowSums()
    {
        // Losses 1, 5, 2, 8, 0, 3, 4, 6, 7, 9, 1 (11 periods); h = 2 → 10 windows: 6, 7, 10, 8, 3, 7, 10, 13, 16, 10.
        // 90 %: k = ⌈10·0.1⌉ = 1 → VaR = ES = 16. (One period: 11 scenarios, k = ⌈1.1⌉ = 2, VaR = 8.)
        var history = Losses(1, 5, 2, 8, 0, 3, 4, 6, 7, 9, 1);
        Assert.That(Run(new HistoricalValueAtRisk(), history, 0.9, 2).ValueAtRisk, Is.EqualTo(16).Within(1e-9));
        Assert.That(Run(new HistoricalValueAtRisk(), history, 0.9).ValueAtRisk, Is.EqualTo(8).Within(1e-9));
        Assert.That(() => Run(new HistoricalValueAtRisk(), history, 0.9, 3), Throws.TypeOf<MarketMakingException>(), "9 windows < 10");
    }

    [Test]
    public void ComponentsAverageTheScenariosAroundTheQuantileAndSumToVar()
    {
        // Two assets; 1,000 scenarios. k = 10, window m = ⌊√10⌋ = 3: ranks 7 … 13.
        var returns = RiskGen.Returns(5, 1000, 2);
        var history = new ReturnHistory(returns);
        var e = new[] { 2e6, -1e6 };
        var marginal = new double[2];
        var components = new double[2];
        var r = new HistoricalValueAtRisk().Compute(e, history, new ValueAtRiskParameters(0.99), marginal, components);

        var ranked = returns.Select(row => (Loss: -(e[0] * row[0] + e[1] * row[1]), Row: row)).OrderByDescending(x => x.Loss).ToArray();
        Assert.That(r.ValueAtRisk, Is.EqualTo(ranked[9].Loss).Within(1e-9));
        var window = ranked.Skip(6).Take(7).ToArray();
        var l0 = window.Average(x => -x.Row[0]);
        var l1 = window.Average(x => -x.Row[1]);
        var scale = r.ValueAtRisk / (e[0] * l0 + e[1] * l1);
        Assert.That(marginal[0], Is.EqualTo(l0 * scale).Within(1e-12));
        Assert.That(marginal[1], Is.EqualTo(l1 * scale).Within(1e-12));
        Assert.That(components.Sum(), Is.EqualTo(r.ValueAtRisk).Within(1e-8 * r.ValueAtRisk));
        Assert.That(components[0], Is.EqualTo(e[0] * marginal[0]));
    }

    [Test]
    public void InputsAreValidated()
    {
        var method = new HistoricalValueAtRisk();
        var p = new ValueAtRiskParameters(0.99);
        var history = new ReturnHistory(RiskGen.Returns(1, 99, 2));
        var tooFew = Assert.Throws<MarketMakingException>(() => method.Compute(new[] { 1.0, 1.0 }, history, p, new double[2], new double[2]))!;
        Assert.That(tooFew.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidParameters));
        Assert.That(tooFew.Message, Does.Contain("too few scenarios"));
        Assert.That(Assert.Throws<MarketMakingException>(() => method.Compute(new[] { 1.0 }, history, p, new double[1], new double[1]))!.ParameterName,
            Is.EqualTo("exposures"));
        Assert.That(Assert.Throws<MarketMakingException>(() => method.Compute(new[] { 1.0, double.NaN }, history, p, new double[2], new double[2]))!.ParameterName,
            Is.EqualTo("exposures[1]"));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new HistoricalValueAtRisk(0))!.ParameterName, Is.EqualTo("decay"));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new ReturnHistory(new[] { new[] { 0.1, 0.2 }, new[] { 0.1 } }))!.ParameterName,
            Is.EqualTo("returns[1]"));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new ReturnHistory(new[] { new[] { 0.1, double.NaN } }))!.ParameterName,
            Is.EqualTo("returns[0][1]"));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new ReturnHistory(new[] { new[] { -1.0 } }))!.ParameterName,
            Is.EqualTo("returns[0][0]"));
    }
}
