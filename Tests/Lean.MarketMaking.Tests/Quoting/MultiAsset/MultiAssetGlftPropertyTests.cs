using System;
using FsCheck;
using FsCheck.Fluent;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Models.Quoting.Glft;
using Lean.MarketMaking.Models.Quoting.MultiAsset;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Quoting.MultiAsset;

[TestFixture]
public class MultiAssetGlftPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(300);

    /// <summary>A random valid market: parameters, a regime, a time in [0, T] and an inventory vector.</summary>
    public sealed record Case(MultiAssetGlftParameters Parameters, MultiAssetGlftRegime Regime, double Time, double[] Inventory)
    {
        public override string ToString() =>
            $"n={Parameters.AssetCount}, {Parameters.Objective}, {Regime}, gamma={Parameters.RiskAversion}, T={Parameters.Horizon}, t={Time}, q=[{string.Join(", ", Inventory)}]";
    }

    /// <summary>A uniform double in [lo, hi] with 10⁴ steps of resolution.</summary>
    private static Gen<double> Uniform(double lo, double hi) =>
        Gen.Choose(0, 10_000).Select(i => lo + ((hi - lo) * i / 10_000.0));

    private static Gen<double[]> Vector(int n, double lo, double hi) => Uniform(lo, hi).ArrayOf(n);

    /// <summary>Σ = L·Lᵀ + εI with L uniform in [−1, 1] and ε = 0.05: symmetric positive definite by construction.</summary>
    private static double[,] SpdFrom(double[] l, int n, double scale)
    {
        var sigma = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var s = i == j ? 0.05 : 0.0;
                for (var m = 0; m < n; m++)
                {
                    s += l[(i * n) + m] * l[(j * n) + m];
                }

                sigma[i, j] = s * scale;
            }
        }

        return sigma;
    }

    private static Gen<Case> Cases(bool diagonal) =>
        from n in Gen.Choose(1, 6)
        from l in Vector(n * n, -1, 1)
        from sigmas in Vector(n, 0.1, 3)
        from scale in Uniform(0.1, 4)
        from a in Vector(n, 0.1, 10)
        from k in Vector(n, 0.1, 5)
        from z in Vector(n, 0.1, 5)
        from gamma in Uniform(0.001, 1)
        from horizon in Uniform(0.1, 10)
        from fraction in Uniform(0, 1)
        from q in Vector(n, -20, 20)
        from objective in Gen.Elements(GlftObjective.Cara, GlftObjective.RiskNeutral)
        from regime in Gen.Elements(MultiAssetGlftRegime.FiniteHorizon, MultiAssetGlftRegime.Ergodic)
        let covariance = diagonal ? Diagonal(sigmas) : SpdFrom(l, n, scale)
        select new Case(new MultiAssetGlftParameters(covariance, a, k, z, gamma, horizon, objective), regime, fraction * horizon, q);

    private static double[,] Diagonal(double[] sigmas)
    {
        var c = new double[sigmas.Length, sigmas.Length];
        for (var i = 0; i < sigmas.Length; i++)
        {
            c[i, i] = sigmas[i] * sigmas[i];
        }

        return c;
    }

    private static TwoSidedQuote[] QuoteAll(Case c, double[] inventory)
    {
        var n = c.Parameters.AssetCount;
        var mids = new double[n];
        Array.Fill(mids, 100.0);
        var quotes = new TwoSidedQuote[n];
        new MultiAssetGlftModel(c.Parameters, c.Regime).Quote(mids, inventory, c.Time, quotes);
        return quotes;
    }

    [Test]
    public void BidIsBelowAskForEveryAsset() =>
        Check.One(Runs, Prop.ForAll(Cases(diagonal: false).ToArbitrary(), c =>
        {
            foreach (var quote in QuoteAll(c, c.Inventory))
            {
                if (!(quote.Bid < quote.Ask) || !double.IsFinite(quote.Bid) || !double.IsFinite(quote.Ask) || !double.IsFinite(quote.Reservation))
                {
                    return false;
                }
            }

            return true;
        }));

    [Test]
    public void FlippingTheInventorySwapsBidAndAskDepths() =>
        // q → −q mirrors the book: δ^{i,b}(−q) = δ^{i,a}(q). Both are the same sums with opposite signs, so only
        // rounding differs (1e-12 relative to the depth scale).
        Check.One(Runs, Prop.ForAll(Cases(diagonal: false).ToArbitrary(), c =>
        {
            var flipped = Array.ConvertAll(c.Inventory, x => -x);
            var up = QuoteAll(c, c.Inventory);
            var down = QuoteAll(c, flipped);
            for (var i = 0; i < up.Length; i++)
            {
                var scale = 1.0 + Math.Abs(up[i].BidDepth) + Math.Abs(up[i].AskDepth);
                if (Math.Abs(down[i].BidDepth - up[i].AskDepth) > 1e-12 * scale
                    || Math.Abs(down[i].AskDepth - up[i].BidDepth) > 1e-12 * scale)
                {
                    return false;
                }
            }

            return true;
        }));

    [Test]
    public void RandomDiagonalCovarianceGivesGueant2017QuotesPerAsset() =>
        // Ergodic quotes with Σ = diag(σᵢ²) are exactly Guéant (2017) (4.6)/(4.7) per asset (see MultiAssetGlftModelTests.OneAssetGlftDepths);
        // 1e-11 relative leaves room for rounding in the eigendecomposition over up to six assets.
        Check.One(Runs, Prop.ForAll(Cases(diagonal: true).ToArbitrary(), c =>
        {
            var ergodic = c with { Regime = MultiAssetGlftRegime.Ergodic };
            var quotes = QuoteAll(ergodic, c.Inventory);
            var p = c.Parameters;
            for (var i = 0; i < quotes.Length; i++)
            {
                var (bid, ask) = MultiAssetGlftModelTests.OneAssetGlftDepths(p, i, c.Inventory[i]);
                var scale = Math.Abs(bid) + Math.Abs(ask);
                if (Math.Abs(quotes[i].BidDepth - bid) > 1e-11 * scale || Math.Abs(quotes[i].AskDepth - ask) > 1e-11 * scale)
                {
                    return false;
                }
            }

            return true;
        }));
}
