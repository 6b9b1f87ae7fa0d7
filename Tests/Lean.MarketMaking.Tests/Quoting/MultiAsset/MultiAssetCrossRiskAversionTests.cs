using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.LinearAlgebra;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Models.Quoting.Glft;
using Lean.MarketMaking.Models.Quoting.MultiAsset;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Quoting.MultiAsset;

[TestFixture]
public class MultiAssetCrossRiskAversionTests
{
    private static readonly double[,] Sigma = { { 0.64, 0.48, 0.08 }, { 0.48, 1.44, -0.18 }, { 0.08, -0.18, 0.25 } };
    private static readonly double[] A = { 1.5, 0.9, 2.0 };
    private static readonly double[] K = { 0.3, 0.5, 0.8 };
    private static readonly double[] Z = { 1.0, 2.0, 0.5 };
    private static readonly double[] Mids = { 100.0, 50.0, 20.0 };

    private static TwoSidedQuote[] Quote(MultiAssetGlftParameters p, MultiAssetGlftRegime regime, double[] q, double t)
    {
        var quotes = new TwoSidedQuote[p.AssetCount];
        new MultiAssetGlftModel(p, regime).Quote(Mids.AsSpan(0, p.AssetCount), q, t, quotes);
        return quotes;
    }

    private static double[,] Scaled(double[,] m, double c)
    {
        var n = m.GetLength(0);
        var r = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                r[i, j] = c * m[i, j];
            }
        }

        return r;
    }

    [TestCase(MultiAssetGlftRegime.FiniteHorizon, GlftObjective.Cara)]
    [TestCase(MultiAssetGlftRegime.Ergodic, GlftObjective.RiskNeutral)]
    public void GammaSigmaGivenExplicitlyIsTheDefault(MultiAssetGlftRegime regime, GlftObjective objective)
    {
        const double gamma = 0.1;
        var byDefault = new MultiAssetGlftParameters(Sigma, A, K, Z, gamma, 5.0, objective);
        var explicitly = new MultiAssetGlftParameters(Sigma, A, K, Z, gamma, 5.0, objective, crossAssetRiskAversion: Scaled(Sigma, gamma));
        Assert.That(explicitly.HasCrossAssetRiskAversion, Is.True);
        Assert.That(byDefault.RiskAversionMatrix(1, 2), Is.EqualTo(gamma * Sigma[1, 2]));
        var q = new[] { 3.0, -2.0, 1.0 };
        foreach (var t in new[] { 0.0, 2.5, 4.9 })
        {
            var x = Quote(byDefault, regime, q, t);
            var y = Quote(explicitly, regime, q, t);
            for (var i = 0; i < 3; i++)
            {
                Assert.That(y[i].Bid, Is.EqualTo(x[i].Bid).Within(1e-12));
                Assert.That(y[i].Ask, Is.EqualTo(x[i].Ask).Within(1e-12));
            }
        }
    }

    /// <summary>
    /// Two assets with common liquidity (D₊ = d·I) and a rank-one penalty R = r·11ᵀ: D₊^½RD₊^½ = dr·11ᵀ has the square
    /// root √(2dr)·11ᵀ/2, so A(t) = λ·tanh(λτ)/(4d)·11ᵀ with λ = √(2dr), and A = λ/(4d)·11ᵀ ergodic. A spread position
    /// (q, −q) carries no penalty, so it skews neither asset's quotes.
    /// </summary>
    [Test]
    public void RankOnePenaltyMatchesItsClosedFormAndLeavesASpreadPositionUnskewed()
    {
        const double a = 1.2, k = 0.7, z = 1.0, gamma = 0.05, r = 0.3, horizon = 4.0, t = 1.5;
        var sigma = new[,] { { 1.0, 0.2 }, { 0.2, 2.0 } };
        var penalty = new[,] { { r, r }, { r, r } };
        var p = MultiAssetGlftParameters.WithCommonLiquidity(sigma, a, k, z, gamma, horizon, GlftObjective.Cara, penalty);
        var c = Math.Pow(1 + (gamma * z / k), -(1 + (k / (gamma * z))));
        var d = 2 * a * k * z * c;
        var lambda = Math.Sqrt(2 * d * r);
        var finite = new MultiAssetGlftModel(p).QuadraticCoefficient(t);
        var ergodic = new MultiAssetGlftModel(p, MultiAssetGlftRegime.Ergodic).QuadraticCoefficient(0);
        for (var i = 0; i < 2; i++)
        {
            for (var j = 0; j < 2; j++)
            {
                Assert.That(finite[i, j], Is.EqualTo(lambda * Math.Tanh(lambda * (horizon - t)) / (4 * d)).Within(1e-12));
                Assert.That(ergodic[i, j], Is.EqualTo(lambda / (4 * d)).Within(1e-12));
            }
        }

        var quotes = Quote(p, MultiAssetGlftRegime.FiniteHorizon, new[] { 7.0, -7.0 }, t);
        Assert.That(quotes[0].Reservation, Is.EqualTo(Mids[0]).Within(1e-12));
        Assert.That(quotes[1].Reservation, Is.EqualTo(Mids[1]).Within(1e-12));
        var outright = Quote(p, MultiAssetGlftRegime.FiniteHorizon, new[] { 7.0, 0.0 }, t);
        Assert.That(outright[1].Reservation, Is.LessThan(Mids[1]), "an outright long is penalised through both assets");
    }

    [Test]
    public void DiagonalPenaltyDecouplesCorrelatedAssets()
    {
        // R = diag(rᵢ) with a correlated Σ: each asset is quoted as alone with Σᵢᵢ = rᵢ/γ, whatever the other inventories.
        const double gamma = 0.1;
        var penalty = new[,] { { 0.05, 0, 0 }, { 0, 0.2, 0 }, { 0, 0, 0.01 } };
        var p = new MultiAssetGlftParameters(Sigma, A, K, Z, gamma, 5.0, GlftObjective.Cara, penalty);
        var alone = new MultiAssetGlftParameters(Scaled(penalty, 1 / gamma), A, K, Z, gamma, 5.0);
        var q = new[] { 4.0, -3.0, 2.0 };
        var x = Quote(p, MultiAssetGlftRegime.FiniteHorizon, q, 1.0);
        var y = Quote(alone, MultiAssetGlftRegime.FiniteHorizon, q, 1.0);
        for (var i = 0; i < 3; i++)
        {
            Assert.That(x[i].Bid, Is.EqualTo(y[i].Bid).Within(1e-12));
            Assert.That(x[i].Ask, Is.EqualTo(y[i].Ask).Within(1e-12));
        }
    }

    [Test]
    public void RejectsAPenaltyThatIsNotSymmetricPositiveSemiDefinite()
    {
        foreach (var bad in new[] { new[,] { { 1.0, 2.0 }, { 2.0, 1.0 } }, new[,] { { 1.0, 0.1 }, { 0.2, 1.0 } }, new double[3, 3] })
        {
            var e = Assert.Throws<MarketMakingException>(() => _ = MultiAssetGlftParameters.WithCommonLiquidity(
                new[,] { { 1.0, 0.0 }, { 0.0, 1.0 } }, 1, 1, 1, 0.1, 1, GlftObjective.Cara, bad))!;
            Assert.That(e.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidParameters));
            Assert.That(e.ParameterName, Is.EqualTo("crossAssetRiskAversion"));
        }
    }

    [Test]
    public void RepairPolicyAcceptsAnIndefiniteCovarianceAndReportsTheDistance()
    {
        var indefinite = new[,] { { 1.0, -0.9, -0.9 }, { -0.9, 1.0, -0.9 }, { -0.9, -0.9, 1.0 } };
        var ones = new[] { 1.0, 1.0, 1.0 };
        Assert.Throws<MarketMakingException>(() => _ = new MultiAssetGlftParameters(indefinite, ones, ones, ones, 0.1, 1.0));
        var p = new MultiAssetGlftParameters(indefinite, ones, ones, ones, 0.1, 1.0, covariancePolicy: NonPositiveDefinitePolicy.Repair);
        Assert.That(p.CovarianceRepairDistance, Is.EqualTo(Math.Sqrt(6) * (0.4 + 0.5e-8)).Within(1e-9));
        Assert.That(p.Covariance(0, 1), Is.EqualTo((1e-8 - 1) / 2).Within(1e-9));
        Assert.DoesNotThrow(() => _ = new MultiAssetGlftModel(p));
        Assert.That(new MultiAssetGlftParameters(Sigma, A, K, Z, 0.1, 1.0, covariancePolicy: NonPositiveDefinitePolicy.Repair).CovarianceRepairDistance, Is.EqualTo(0));
    }
}
