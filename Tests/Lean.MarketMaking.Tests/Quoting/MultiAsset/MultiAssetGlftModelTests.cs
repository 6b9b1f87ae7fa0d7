using System;
using System.Linq;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Models.Quoting.Glft;
using Lean.MarketMaking.Models.Quoting.MultiAsset;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Quoting.MultiAsset;

[TestFixture]
public class MultiAssetGlftModelTests
{
    private static readonly double[] Sigmas = { 0.8, 1.2, 0.5 };
    private static readonly double[,] Correlation = { { 1.0, 0.5, 0.2 }, { 0.5, 1.0, -0.3 }, { 0.2, -0.3, 1.0 } };
    private static readonly double[] IntensityScale = { 1.5, 0.9, 2.0 };
    private static readonly double[] IntensityDecay = { 0.3, 0.5, 0.8 };
    private static readonly double[] OrderSize = { 1.0, 2.0, 0.5 };

    private static double[,] Covariance(double[] sigmas, double[,] correlation)
    {
        var n = sigmas.Length;
        var c = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                c[i, j] = correlation[i, j] * sigmas[i] * sigmas[j];
            }
        }

        return c;
    }

    private static MultiAssetGlftParameters ThreeAssets(GlftObjective objective, double horizon = 5.0) =>
        new(Covariance(Sigmas, Correlation), IntensityScale, IntensityDecay, OrderSize, riskAversion: 0.1, horizon, objective);

    /// <summary>D₊ = diag(2AⁱkⁱzⁱC_ξⁱ), written out here from the formula sheet rather than taken from the model.</summary>
    private static Matrix<double> DPlus(MultiAssetGlftParameters p)
    {
        var xi = p.Xi;
        var d = new double[p.AssetCount];
        for (var i = 0; i < d.Length; i++)
        {
            var a = p.IntensityScale[i];
            var k = p.IntensityDecay[i];
            var z = p.OrderSize[i];
            var c = xi == 0 ? Math.Exp(-1) : Math.Pow(1 + (xi * z / k), -(1 + (k / (xi * z))));
            d[i] = 2 * a * k * z * c;
        }

        return Matrix<double>.Build.DenseOfDiagonalArray(d);
    }

    /// <summary>
    /// The one-asset closed-form quotes of Guéant (2017), "Optimal market making", eqs. (4.6)/(4.7) (the
    /// Guéant–Lehalle–Fernandez-Tapia approximation) for asset <paramref name="i"/> of <paramref name="p"/> taken alone:
    /// <see cref="GlftClosedFormModel"/> with the same objective, Δ = zⁱ and σ² = Σᵢᵢ (no drift, no adverse selection).
    /// </summary>
    /// <remarks>
    /// Correspondence with the multi-asset model (exact, no extra factor): for one asset of size z = Δ,
    /// D₊ = 2AkΔC_ξ with C_ξ = (1 + ξΔ/k)^(−(1 + k/(ξΔ))), so Γ = D₊^(−½)(D₊^½σ²D₊^½)^½D₊^(−½) = σ/√D₊ and the
    /// ergodic A = ½√γΓ = ½√(γσ²/(2AΔk)·C_ξ⁻¹). Then pᵇ = 2Aq + ΔA = (2q + Δ)/2·√(…) and pᵃ = −2Aq + ΔA = −(2q − Δ)/2·√(…),
    /// which are the skew terms of (4.6)/(4.7); δ̃(0) is the log term. The "√(γ/2)" seen in some statements of the
    /// multi-asset formula comes from building Γ with D̄ = D₊/2 = diag(AⁱkⁱzⁱC_ξⁱ) (one side's Hamiltonian curvature
    /// times z) instead of D₊ (both sides): Γ̄ = √2·Γ, hence √γ·Γ = √(γ/2)·Γ̄ — the same quotes.
    /// </remarks>
    internal static (double BidDepth, double AskDepth) OneAssetGlftDepths(MultiAssetGlftParameters p, int i, double inventory)
    {
        var single = new GlftClosedFormModel(new GlftParameters(
            p.RiskAversion,
            Math.Sqrt(p.Covariance(i, i)),
            p.IntensityScale[i],
            p.IntensityDecay[i],
            p.OrderSize[i],
            objective: p.Objective));
        return (single.BidDepth(inventory), single.AskDepth(inventory));
    }

    private static Matrix<double> Sigma(MultiAssetGlftParameters p) =>
        Matrix<double>.Build.Dense(p.AssetCount, p.AssetCount, (i, j) => p.Covariance(i, j));

    [TestCase(GlftObjective.Cara)]
    [TestCase(GlftObjective.RiskNeutral)]
    public void ClosedFormSolvesTheRiccatiEquation(GlftObjective objective)
    {
        // Integrate A′ = 2A·D₊·A − ½γΣ backward from A(T) = 0 with classical RK4, i.e. dA/dτ = ½γΣ − 2A·D₊·A in
        // τ = T − t. With λ_max(Â)·T ≈ 1.5 and 20 000 steps, RK4's global error O((λh)⁴) is far below 1e-12, so the
        // 1e-10 relative tolerance only leaves room for rounding over the 20 000 steps.
        var p = ThreeAssets(objective);
        var model = new MultiAssetGlftModel(p);
        var d = DPlus(p);
        var halfGammaSigma = Sigma(p) * (0.5 * p.RiskAversion);
        Matrix<double> F(Matrix<double> y) => halfGammaSigma - (2.0 * y * d * y);

        const int steps = 20_000;
        var h = p.Horizon / steps;
        var a = Matrix<double>.Build.Dense(3, 3);
        var checkpoints = new[] { 0.1 * p.Horizon, 0.5 * p.Horizon, p.Horizon };
        var next = 0;
        for (var s = 1; s <= steps; s++)
        {
            var k1 = F(a);
            var k2 = F(a + (k1 * (h / 2)));
            var k3 = F(a + (k2 * (h / 2)));
            var k4 = F(a + (k3 * h));
            a += (k1 + (2 * k2) + (2 * k3) + k4) * (h / 6);
            var tau = s * h;
            if (next < checkpoints.Length && Math.Abs(tau - checkpoints[next]) < h / 2)
            {
                var closed = Matrix<double>.Build.DenseOfArray(model.QuadraticCoefficient(Math.Max(0.0, p.Horizon - tau)));
                var scale = a.Enumerate().Max(Math.Abs);
                Assert.That((closed - a).Enumerate().Max(Math.Abs), Is.LessThan(1e-10 * scale), $"tau = {tau}");
                next++;
            }
        }

        Assert.That(next, Is.EqualTo(checkpoints.Length));
        Assert.That(model.QuadraticCoefficient(p.Horizon).Cast<double>().All(x => x == 0), "A(T) = 0");
    }

    [TestCase(GlftObjective.Cara)]
    [TestCase(GlftObjective.RiskNeutral)]
    public void FarFromTheHorizonTheCoefficientIsHalfRootGammaTimesGamma(GlftObjective objective)
    {
        // λ_min(Â)·T > 40 makes tanh(λτ) = 1 to double precision, so A(0) must equal the ergodic ½√γΓ.
        var p = ThreeAssets(objective, horizon: 5_000.0);
        var finite = Matrix<double>.Build.DenseOfArray(new MultiAssetGlftModel(p).QuadraticCoefficient(0.0));
        var ergodic = Matrix<double>.Build.DenseOfArray(
            new MultiAssetGlftModel(p, MultiAssetGlftRegime.Ergodic).QuadraticCoefficient(123.0));
        var scale = ergodic.Enumerate().Max(Math.Abs);
        Assert.That((finite - ergodic).Enumerate().Max(Math.Abs), Is.LessThan(1e-13 * scale));

        // Γ = 2A∞/√γ solves ΓD₊Γ = Σ (the algebraic Riccati equation 2A D₊ A = ½γΣ), Γ symmetric positive definite.
        var gammaMatrix = ergodic * (2.0 / Math.Sqrt(p.RiskAversion));
        var sigma = Sigma(p);
        var residual = (gammaMatrix * DPlus(p) * gammaMatrix) - sigma;
        Assert.That(residual.Enumerate().Max(Math.Abs), Is.LessThan(1e-13 * sigma.Enumerate().Max(Math.Abs)));
        Assert.That(gammaMatrix.IsSymmetric(), Is.True);
        Assert.That(gammaMatrix.Evd().EigenValues.Real().Minimum(), Is.GreaterThan(0));
    }

    [TestCase(GlftObjective.Cara)]
    [TestCase(GlftObjective.RiskNeutral)]
    public void DiagonalCovarianceDecouplesIntoGueant2017ClosedForms(GlftObjective objective)
    {
        // With Σ = diag(σᵢ²) the ergodic quotes of asset i are exactly Guéant (2017) (4.6)/(4.7) for asset i alone
        // (see OneAssetGlftDepths for the algebra); only rounding separates them, hence 1e-12 relative.
        var covariance = new double[3, 3];
        for (var i = 0; i < 3; i++)
        {
            covariance[i, i] = Sigmas[i] * Sigmas[i];
        }

        var p = new MultiAssetGlftParameters(covariance, IntensityScale, IntensityDecay, OrderSize, 0.1, 5.0, objective);
        var model = new MultiAssetGlftModel(p, MultiAssetGlftRegime.Ergodic);
        var mids = new[] { 100.0, 50.0, 20.0 };
        var inventory = new[] { 3.0, -4.0, 0.5 };
        var quotes = new TwoSidedQuote[3];
        model.Quote(mids, inventory, 0.0, quotes);
        for (var i = 0; i < 3; i++)
        {
            var (bid, ask) = OneAssetGlftDepths(p, i, inventory[i]);
            var scale = Math.Max(Math.Abs(bid), Math.Abs(ask));
            Assert.That(quotes[i].BidDepth, Is.EqualTo(bid).Within(1e-12 * scale));
            Assert.That(quotes[i].AskDepth, Is.EqualTo(ask).Within(1e-12 * scale));
            Assert.That(quotes[i].Bid, Is.EqualTo(mids[i] - bid).Within(1e-12 * mids[i]));
        }
    }

    [Test]
    public void DiagonalCovarianceQuotesIgnoreOtherInventoriesAtEveryTime()
    {
        var covariance = new double[3, 3];
        for (var i = 0; i < 3; i++)
        {
            covariance[i, i] = Sigmas[i] * Sigmas[i];
        }

        var model = new MultiAssetGlftModel(
            new MultiAssetGlftParameters(covariance, IntensityScale, IntensityDecay, OrderSize, 0.1, 5.0));
        var mids = new[] { 100.0, 50.0, 20.0 };
        var baseline = new TwoSidedQuote[3];
        var shifted = new TwoSidedQuote[3];
        foreach (var t in new[] { 0.0, 2.5, 4.9 })
        {
            model.Quote(mids, new[] { 2.0, 0.0, 0.0 }, t, baseline);
            model.Quote(mids, new[] { 2.0, 40.0, -35.0 }, t, shifted);
            Assert.That(shifted[0].Bid, Is.EqualTo(baseline[0].Bid).Within(1e-12 * mids[0]), $"t = {t}");
            Assert.That(shifted[0].Ask, Is.EqualTo(baseline[0].Ask).Within(1e-12 * mids[0]), $"t = {t}");
        }
    }

    [TestCase(MultiAssetGlftRegime.FiniteHorizon, 0.6)]
    [TestCase(MultiAssetGlftRegime.Ergodic, 0.6)]
    [TestCase(MultiAssetGlftRegime.FiniteHorizon, -0.6)]
    [TestCase(MultiAssetGlftRegime.Ergodic, -0.6)]
    public void LongInventoryInOneAssetShiftsACorrelatedAssetsQuotes(MultiAssetGlftRegime regime, double rho)
    {
        // Cross-hedging: Aᵢⱼ has the sign of ρ, so a long position in asset 1 lowers both quotes of asset 2 when ρ > 0
        // (the maker wants to sell asset 2 and not buy it) and raises them when ρ < 0. The spread of asset 2 is unchanged.
        var covariance = Covariance(new[] { 1.0, 1.5 }, new[,] { { 1.0, rho }, { rho, 1.0 } });
        var p = new MultiAssetGlftParameters(covariance, new[] { 1.0, 1.0 }, new[] { 0.5, 0.5 }, new[] { 1.0, 1.0 }, 0.2, 10.0);
        var model = new MultiAssetGlftModel(p, regime);
        var mids = new[] { 100.0, 100.0 };
        var flat = new TwoSidedQuote[2];
        var longFirst = new TwoSidedQuote[2];
        model.Quote(mids, new[] { 0.0, 0.0 }, 1.0, flat);
        model.Quote(mids, new[] { 5.0, 0.0 }, 1.0, longFirst);
        var direction = Math.Sign(rho);
        Assert.That(Math.Sign(longFirst[1].Bid - flat[1].Bid), Is.EqualTo(-direction));
        Assert.That(Math.Sign(longFirst[1].Ask - flat[1].Ask), Is.EqualTo(-direction));
        Assert.That(Math.Sign(longFirst[1].Reservation - flat[1].Reservation), Is.EqualTo(-direction));
        Assert.That(longFirst[1].Spread, Is.EqualTo(flat[1].Spread).Within(1e-12));
        Assert.That(longFirst[0].Bid, Is.LessThan(flat[0].Bid), "own long inventory lowers own bid");
        Assert.That(longFirst[0].Ask, Is.LessThan(flat[0].Ask), "own long inventory lowers own ask");
    }

    [Test]
    public void OneAssetErgodicReproducesTheHftbacktestGlftExample()
    {
        // hftbacktest, examples/"GLFT Market Making Model and Grid Trading.ipynb", cell 13: A = 2.986162360812285 /s,
        // k = 0.04235741115084049 /tick, γ = ξ = 0.05, Δ = 1, σ = 10.69 ticks/√s print half_spread_tick = 20.47208533844371
        // and skew = 9.76326865029227 (quotes mid − skew·q ∓ half-spread). The one-asset ergodic model gives the same
        // numbers with no conversion factor: half-spread = δ̃(0) + ½zAᵢᵢ·2 = c₁ + ½√γΓ, skew per unit = 2A = √γΓ = σc₂.
        // Both sides are float64 evaluations of the same closed form, so they agree to a few ulps (1e-13 relative).
        const double sigma = 10.69;
        var p = new MultiAssetGlftParameters(
            new[,] { { sigma * sigma } }, new[] { 2.986162360812285 }, new[] { 0.04235741115084049 }, new[] { 1.0 },
            riskAversion: 0.05, horizon: 1.0);
        var model = new MultiAssetGlftModel(p, MultiAssetGlftRegime.Ergodic);
        var quotes = new TwoSidedQuote[1];
        const double q = 3.0;
        const double mid = 1000.0;
        model.Quote(new[] { mid }, new[] { q }, 0.0, quotes);
        var halfSpread = (quotes[0].BidDepth + quotes[0].AskDepth) / 2;
        var skew = (quotes[0].BidDepth - quotes[0].AskDepth) / (2 * q);
        Assert.That(halfSpread, Is.EqualTo(20.47208533844371).Within(1e-13 * 20.47208533844371));
        Assert.That(skew, Is.EqualTo(9.76326865029227).Within(1e-13 * 9.76326865029227));
        Assert.That(quotes[0].Reservation, Is.EqualTo(mid - (skew * q)).Within(1e-12 * mid));
        Assert.That(quotes[0].BidSize, Is.EqualTo(1.0));
        Assert.That(quotes[0].AskSize, Is.EqualTo(1.0));
    }

    [Test]
    public void AtTheHorizonOnlyTheMyopicSpreadRemains()
    {
        // A(T) = 0: both depths are δ̃(0) whatever the inventory, and the reservation price is the mid.
        var p = ThreeAssets(GlftObjective.RiskNeutral);
        var model = new MultiAssetGlftModel(p);
        var quotes = new TwoSidedQuote[3];
        model.Quote(new[] { 10.0, 20.0, 30.0 }, new[] { 7.0, -3.0, 1.0 }, p.Horizon, quotes);
        for (var i = 0; i < 3; i++)
        {
            Assert.That(quotes[i].BidDepth, Is.EqualTo(1 / IntensityDecay[i]).Within(1e-15));
            Assert.That(quotes[i].AskDepth, Is.EqualTo(1 / IntensityDecay[i]).Within(1e-15));
        }
    }

    [Test]
    public void CachedCoefficientFollowsTheTime()
    {
        // Quoting at t₁, then t₂, then t₁ again must give the t₁ quotes back: the cache is keyed on the time.
        var p = ThreeAssets(GlftObjective.Cara);
        var model = new MultiAssetGlftModel(p);
        var fresh = new MultiAssetGlftModel(p);
        var mids = new[] { 10.0, 20.0, 30.0 };
        var q = new[] { 2.0, -1.0, 4.0 };
        var first = new TwoSidedQuote[3];
        var other = new TwoSidedQuote[3];
        var again = new TwoSidedQuote[3];
        var reference = new TwoSidedQuote[3];
        model.Quote(mids, q, 1.0, first);
        model.Quote(mids, q, 3.0, other);
        model.Quote(mids, q, 1.0, again);
        fresh.Quote(mids, q, 1.0, reference);
        Assert.That(again, Is.EqualTo(first));
        Assert.That(first, Is.EqualTo(reference));
        Assert.That(other[0].Spread, Is.LessThan(first[0].Spread), "spread narrows towards the horizon");
    }

    [Test]
    public void QuotingAllocatesNothing()
    {
        // The hot path must not allocate, whether A(t) is cached or rebuilt for a new t (per-thread allocation counter).
        var p = ThreeAssets(GlftObjective.Cara);
        var model = new MultiAssetGlftModel(p);
        var mids = new[] { 10.0, 20.0, 30.0 };
        var q = new[] { 2.0, -1.0, 4.0 };
        var quotes = new TwoSidedQuote[3];
        model.Quote(mids, q, 0.5, quotes);
        model.Quote(mids, q, 0.6, quotes);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            model.Quote(mids, q, 0.5, quotes);
            model.Quote(mids, q, 1e-3 * i, quotes);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
