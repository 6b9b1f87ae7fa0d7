using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Microstructure;
using Lean.MarketMaking.Models.Risk;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Risk;

[TestFixture]
public class HedgingTests
{
    private const double Z99 = 2.3263478740;
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(200);

    // one asset (σ = 2 per unit) held 10 units, one hedge instrument (σ = 3), ρ = 0.6: V(h) = 400 + 72h + 9h²
    private static HedgeProblem OneHedge(double position = 10) =>
        new(new[,] { { 4.0, 3.6 }, { 3.6, 9.0 } }, new[] { position, 0.0 }, new[] { 1 });

    [Test]
    public void MinimumVarianceHedgeRatioIsMinusRhoSigmaOverSigma()
    {
        var r = MinimumVarianceHedge.Compute(OneHedge());

        // h* = −ρσₓ/σₕ·x = −0.6·2/3·10 = −4; residual (1 − ρ²)σₓ²x² = 0.64·400 = 256
        Assert.That(r.Quantities[0], Is.EqualTo(-4.0).Within(1e-12));
        Assert.That(r.VarianceBefore, Is.EqualTo(400.0).Within(1e-12));
        Assert.That(r.VarianceAfter, Is.EqualTo(256.0).Within(1e-12));
    }

    [Test]
    public void CrossHedgingWithTheGroupsOwnAssetsSatisfiesTheNormalEquations()
    {
        // three assets; 10 and 5 units held in assets 0 and 1; hedge in asset 1 (own, cross-hedge) and asset 2
        var sigma = new[,] { { 4.0, 2.4, 1.0 }, { 2.4, 9.0, -1.5 }, { 1.0, -1.5, 1.0 } };
        var p = new HedgeProblem(sigma, new[] { 10.0, 5.0, 0.0 }, new[] { 1, 2 });
        var h = MinimumVarianceHedge.Compute(p).ToArray();
        var y = new[] { 10.0, 5.0 + h[0], h[1] };

        // first-order condition ∂V/∂hₖ = 2(Σy)ₖ = 0 for k in H: the residual P&L is uncorrelated with each hedge instrument
        foreach (var k in new[] { 1, 2 })
        {
            Assert.That(Enumerable.Range(0, 3).Sum(j => sigma[k, j] * y[j]), Is.EqualTo(0).Within(1e-12));
        }
    }

    [Test]
    public void VarLimitedHedgeWithOneInstrumentIsTheSmallestTradeReachingTheLimit()
    {
        // limit V_L = 300: 9h² + 72h + 100 = 0, root nearest 0: h = (−72 + √1584)/18; the same for any increasing cost
        var expected = (-72 + Math.Sqrt(1584)) / 18;
        var limit = Z99 * Math.Sqrt(300) * Math.Sqrt(4);
        var impact = new SquareRootImpactModel(0.8, 1.5, 1000);
        foreach (var costs in new[]
                 {
                     new HedgeCosts(new[] { 0.02 }),
                     new HedgeCosts(new[] { 0.0 }, new SquareRootImpactModel?[] { impact }),
                     new HedgeCosts(new[] { 0.05 }, new SquareRootImpactModel?[] { impact }),
                 })
        {
            var r = VarLimitedHedge.Compute(OneHedge(), costs, limit, new ValueAtRiskParameters(0.99, 4));
            Assert.That(r.MeetsLimit, Is.True);
            Assert.That(r.Quantities[0], Is.EqualTo(expected).Within(1e-6));
            Assert.That(r.ValueAtRiskAfter, Is.LessThanOrEqualTo(limit).And.GreaterThan(limit * (1 - 1e-8)));
            Assert.That(r.ValueAtRiskBefore, Is.EqualTo(Z99 * 20 * 2).Within(1e-8));
            Assert.That(r.Cost, Is.EqualTo(costs.Cost(0, expected)).Within(1e-6));
        }
    }

    [Test]
    public void VarLimitedHedgeSplitsBetweenTwoInstrumentsByTheirCosts()
    {
        // asset 0 = factor 1 + factor 2 (independent, unit variance), 10 units held, hedged with the two factors at linear
        // costs b₁ = 0.01, b₂ = 1 per unit: V = (10 + h₁)² + (10 + h₂)². KKT: bₖ = μ(10 + hₖ) for both (both trade), so
        // 10 + hₖ = bₖ·√(V_L/(b₁² + b₂²)).
        var sigma = new[,] { { 2.0, 1.0, 1.0 }, { 1.0, 1.0, 0.0 }, { 1.0, 0.0, 1.0 } };
        var p = new HedgeProblem(sigma, new[] { 10.0, 0.0, 0.0 }, new[] { 1, 2 });
        const double varianceLimit = 50;
        var r = VarLimitedHedge.Compute(p, new HedgeCosts(new[] { 0.01, 1.0 }), Z99 * Math.Sqrt(varianceLimit), new ValueAtRiskParameters(0.99, 1));
        var scale = Math.Sqrt(varianceLimit / ((0.01 * 0.01) + 1));
        Assert.That(r.Quantities[0], Is.EqualTo((0.01 * scale) - 10).Within(1e-5));
        Assert.That(r.Quantities[1], Is.EqualTo(scale - 10).Within(1e-5));
        Assert.That(r.Cost, Is.EqualTo((0.01 * (10 - (0.01 * scale))) + (10 - scale)).Within(1e-5));
    }

    [Test]
    public void NoTradeWithinTheLimitAndTheMinimumVarianceHedgeWhenTheLimitIsOutOfReach()
    {
        var costs = new HedgeCosts(new[] { 0.01 });
        var within = VarLimitedHedge.Compute(OneHedge(), costs, Z99 * 21, new ValueAtRiskParameters(0.99, 1));
        Assert.That(within.Quantities[0], Is.EqualTo(0));
        Assert.That(within.Cost, Is.EqualTo(0));

        // the minimum-variance residual is 16 (VaR 16·z); a limit of 10·z is out of reach
        var beyond = VarLimitedHedge.Compute(OneHedge(), costs, Z99 * 10, new ValueAtRiskParameters(0.99, 1));
        Assert.That(beyond.MeetsLimit, Is.False);
        Assert.That(beyond.Quantities[0], Is.EqualTo(-4).Within(1e-12));
    }

    [Test]
    public void RejectsCollinearHedgesAndBadInput()
    {
        var collinear = new[,] { { 1.0, 1.0, 2.0 }, { 1.0, 1.0, 2.0 }, { 2.0, 2.0, 4.0 } };
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new HedgeProblem(collinear, new[] { 1.0, 0, 0 }, new[] { 1, 2 }))!.Kind,
            Is.EqualTo(MarketMakingErrorKind.CorrelationMatrixNotPositiveDefinite));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new HedgeProblem(new[,] { { 1.0, 2.0 }, { 2.0, 1.0 } }, new[] { 1.0, 0 }, new[] { 1 }))!.ParameterName,
            Is.EqualTo("covariance"));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new HedgeProblem(new[,] { { 1.0, 0 }, { 0, 1.0 } }, new[] { 1.0, 0 }, new[] { 1, 1 }))!.ParameterName,
            Is.EqualTo("hedgeInstruments[1]"));
        Assert.That(Assert.Throws<MarketMakingException>(() => VarLimitedHedge.Compute(OneHedge(), new HedgeCosts(new[] { 0.0, 0.0 }), 1, new ValueAtRiskParameters(0.99, 1)))!.ParameterName,
            Is.EqualTo("costs"));
        Assert.That(Assert.Throws<MarketMakingException>(() => VarLimitedHedge.Compute(OneHedge(), new HedgeCosts(new[] { 0.0 }), 1, new ValueAtRiskParameters(1.0, 1)))!.ParameterName,
            Is.EqualTo("confidence"));
    }

    // ---- properties ----

    public sealed record Case(HedgeProblem Problem, double[] LinearCosts, double ImpactY, double LimitFraction, double[] Other)
    {
        public override string ToString() =>
            $"N={Problem.InstrumentCount}, H=[{string.Join(",", Problem.HedgeInstruments.ToArray())}], x=[{string.Join(",", Problem.Positions.ToArray())}], b=[{string.Join(",", LinearCosts)}], Y={ImpactY}, f={LimitFraction}";
    }

    private static Gen<double> Uniform(double lo, double hi) => Gen.Choose(0, 10_000).Select(i => lo + ((hi - lo) * i / 10_000.0));

    private static Gen<Case> Cases() =>
        from n in Gen.Choose(2, 5)
        from l in Uniform(-1, 1).ArrayOf(n * n)
        from x in Uniform(-10, 10).ArrayOf(n)
        from mask in Gen.Choose(1, (1 << n) - 1)
        let hedges = Enumerable.Range(0, n).Where(i => ((mask >> i) & 1) == 1).ToArray()
        from b in Uniform(0, 0.5).ArrayOf(hedges.Length)
        from y in Uniform(0, 1)
        from f in Uniform(0.05, 1.2)
        from other in Uniform(-15, 15).ArrayOf(hedges.Length)
        select new Case(new HedgeProblem(Spd(n, l), x, hedges), b, y, f, other);

    private static double[,] Spd(int n, double[] l)
    {
        var s = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = i == j ? 0.05 : 0.0;
                for (var m = 0; m < n; m++)
                {
                    sum += l[(i * n) + m] * l[(j * n) + m];
                }

                s[i, j] = sum;
            }
        }

        return s;
    }

    private static HedgeCosts Costs(Case c) =>
        new(c.LinearCosts, c.ImpactY > 0 ? c.LinearCosts.Select(_ => (SquareRootImpactModel?)new SquareRootImpactModel(c.ImpactY, 1.0, 100)).ToArray() : null);

    [Test]
    public void MinimumVarianceHedgeNeverIncreasesVarianceAndBeatsAnyOtherHedge() =>
        Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            var r = MinimumVarianceHedge.Compute(c.Problem);
            var tolerance = 1e-10 * (1 + r.VarianceBefore);
            Assert.That(r.VarianceAfter, Is.LessThanOrEqualTo(r.VarianceBefore + tolerance));
            Assert.That(r.VarianceAfter, Is.LessThanOrEqualTo(c.Problem.Variance(c.Other) + tolerance));
        }).Check(Runs);

    [Test]
    public void VarLimitedHedgeNeverIncreasesVarianceMeetsReachableLimitsAndCostsNoMoreThanTheScaledMinimumVarianceHedge() =>
        Prop.ForAll(Cases().ToArbitrary(), c =>
        {
            var costs = Costs(c);
            var before = c.Problem.Variance(new double[c.Problem.HedgeCount]);
            var limit = c.LimitFraction * Z99 * Math.Sqrt(before);
            var r = VarLimitedHedge.Compute(c.Problem, costs, limit, new ValueAtRiskParameters(0.99, 1));
            Assert.That(r.VarianceAfter, Is.LessThanOrEqualTo(r.VarianceBefore * (1 + 1e-12)));
            var mv = MinimumVarianceHedge.Compute(c.Problem);
            if (!r.MeetsLimit)
            {
                Assert.That(Z99 * Math.Sqrt(mv.VarianceAfter), Is.GreaterThanOrEqualTo(limit * (1 - 1e-12)), "only an unreachable limit is missed");
                return;
            }

            Assert.That(r.ValueAtRiskAfter, Is.LessThanOrEqualTo(limit * (1 + 1e-12)));

            // t·h_mv for the smallest t in [0, 1] meeting the limit is feasible, so the optimum costs no more
            var varianceLimit = (limit / Z99) * (limit / Z99);
            double lo = 0, hi = 1;
            var h = mv.ToArray();
            if (c.Problem.Variance(new double[h.Length]) > varianceLimit)
            {
                for (var i = 0; i < 200; i++)
                {
                    var mid = 0.5 * (lo + hi);
                    if (c.Problem.Variance(h.Select(v => v * mid).ToArray()) > varianceLimit)
                    {
                        lo = mid;
                    }
                    else
                    {
                        hi = mid;
                    }
                }
            }
            else
            {
                hi = 0;
            }

            var scaled = h.Select(v => v * hi).ToArray();
            Assert.That(r.Cost, Is.LessThanOrEqualTo(costs.Cost(scaled) + (1e-6 * (1 + costs.Cost(scaled)))));
        }).Check(Runs);
}
