using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Models.Quoting.Glft;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Quoting.Glft;

[TestFixture]
public class GlftExactModelTests
{
    // hftbacktest's fitted ETHUSDT intensity (ticks, seconds) and GLFT's own Figure 1 parameters.
    private static readonly GlftParameters Hft = new(0.05, 10.69, 2.986162360812285, 0.04235741115084049);
    private static readonly GlftParameters Figure1 = new(0.01, 0.3, 0.9, 0.3);

    private static MarketSnapshot At(double time, double inventory) => new(1000, time, inventory);

    [TestCase(0.0)]
    [TestCase(0.5)]
    [TestCase(5.0)]
    [TestCase(60.0)]
    public void MatchesAnIndependentRk4SolutionOfTheOdeSystem(double tau)
    {
        const double horizon = 600;
        var model = new GlftExactModel(Hft, horizon, 20);
        // RK4 in log space with dt = 1/2000 s: the fastest rate is αN² ≈ 48/s, so dt·rate ≈ 0.024 and the global
        // O(dt⁴) error is ~1e-12 in ln v; quotes are (1/k)·Δln v with 1/k ≈ 24 ticks, hence the 1e-8 tick tolerance.
        var h = GlftReference.LogV(Hft, 20, tau, Math.Max(1, (int)(tau * 2000)));
        for (var n = -20; n <= 20; n++)
        {
            var quote = model.Quote(At(horizon - tau, n));
            if (n < 20)
            {
                Assert.That(quote.BidDepth, Is.EqualTo(GlftReference.BidDepth(Hft, h, 20, n)).Within(1e-8), $"bid at q={n}");
            }

            if (n > -20)
            {
                Assert.That(quote.AskDepth, Is.EqualTo(GlftReference.AskDepth(Hft, h, 20, n)).Within(1e-8), $"ask at q={n}");
            }
        }
    }

    [Test]
    public void DriftAdverseSelectionOrderSizeAndRiskNeutralObjectiveMatchTheReferenceOde()
    {
        // Every extension at once: Δ = 2 (inventory in lots of 2), μ ≠ 0 (§5.1), ξ > 0 (§5.2, steep terminal
        // condition), model B. Same RK4 accuracy argument as above (fastest rate ≈ 8/s, dt = 1e-3).
        var p = new GlftParameters(0.3, 0.8, 1.5, 1.2, orderSize: 2, drift: 0.15, adverseSelectionPerFill: 0.4, objective: GlftObjective.RiskNeutral);
        const double horizon = 30, tau = 3.0;
        var model = new GlftExactModel(p, horizon, 12);
        Assert.That(model.Levels, Is.EqualTo(6));
        var h = GlftReference.LogV(p, 6, tau, 3000);
        for (var n = -6; n <= 6; n++)
        {
            var quote = model.Quote(At(horizon - tau, 2 * n));
            if (n < 6)
            {
                Assert.That(quote.BidDepth, Is.EqualTo(GlftReference.BidDepth(p, h, 6, n)).Within(1e-9), $"bid at lot {n}");
            }

            if (n > -6)
            {
                Assert.That(quote.AskDepth, Is.EqualTo(GlftReference.AskDepth(p, h, 6, n)).Within(1e-9), $"ask at lot {n}");
            }
        }
    }

    [Test]
    public void AtTheHorizonTheQuotesAreTheRiskFreeDepths()
    {
        // v(T) = 𝟙 ⇒ δ = (1/γ)ln(1+γ/k) on both sides (GLFT Theorem 1 at t = T).
        var model = new GlftExactModel(Figure1, 600, 10);
        var quote = model.Quote(At(600, 3));
        var riskFree = Math.Log(1 + 0.01 / 0.3) / 0.01;
        Assert.That(quote.BidDepth, Is.EqualTo(riskFree).Within(1e-12));
        Assert.That(quote.AskDepth, Is.EqualTo(riskFree).Within(1e-12));
    }

    [Test]
    public void FarFromTheHorizonTheQuotesAreTheErgodicEigenvectorQuotes()
    {
        // The gap λ₁ − λ₀ of M governs the convergence (GLFT Theorem 2): the error decays like e^(−(λ₁−λ₀)τ).
        // With τ·gap ≥ 40 the transient is e^(−40) ≈ 4e-18 of the leading term: only rounding is left (1e-9 ticks).
        var evd = GlftReference.Spectrum(new GlftExactModel(Hft, 1, 20).Generator);
        var gap = evd.EigenValues[1].Real - evd.EigenValues[0].Real;
        var horizon = 40 / gap;
        var model = new GlftExactModel(Hft, horizon, 20);
        for (var n = -20; n <= 20; n++)
        {
            var exact = model.Quote(At(0, n));
            var ergodic = model.ErgodicQuote(At(0, n));
            Assert.That(exact.BidDepth, Is.EqualTo(ergodic.BidDepth).Within(1e-9), $"bid at q={n}");
            Assert.That(exact.AskDepth, Is.EqualTo(ergodic.AskDepth).Within(1e-9), $"ask at q={n}");
        }
    }

    [Test]
    public void ErgodicLogRatiosAgreeWithTheEigensolverWhereItsEntriesAreAccurate()
    {
        var model = new GlftExactModel(Hft, 1, 20);
        var evd = GlftReference.Spectrum(model.Generator);
        var f = evd.EigenVectors.Column(0);
        var sign = Math.Sign(f[20]);
        var logs = model.Generator.LogGroundState;
        for (var i = 0; i + 1 < f.Count; i++)
        {
            var a = sign * f[i];
            var b = sign * f[i + 1];
            // The eigensolver is accurate to ~1e-15 absolutely: where both entries exceed 1e-6 its log-ratio is good to ~1e-9.
            if (a > 1e-6 && b > 1e-6)
            {
                Assert.That(logs[i + 1] - logs[i], Is.EqualTo(Math.Log(b / a)).Within(1e-8), $"index {i}");
            }
        }
    }

    [TestCase(0.3, 1.0, GlftObjective.Cara, 0.0, 0.0)]
    [TestCase(0.03, 1.0, GlftObjective.Cara, 0.0, 0.0)]
    [TestCase(0.01, 1.0, GlftObjective.Cara, 0.0, 0.0)]
    [TestCase(0.01, 2.0, GlftObjective.Cara, 0.0, 0.0)]
    [TestCase(0.01, 0.5, GlftObjective.RiskNeutral, 0.0, 0.0)]
    [TestCase(0.01, 1.0, GlftObjective.Cara, 2.5, 0.0)]
    [TestCase(0.01, 1.0, GlftObjective.RiskNeutral, -1.5, 0.02)]
    public void ErgodicQuotesTendToTheClosedFormAsAlphaOverEtaVanishes(
        double sigma, double orderSize, GlftObjective objective, double driftCentre, double xi)
    {
        // GLFT §4 replaces the discrete ground state by the Gaussian exp(−½ω(n − n₀)²), ω = √(α/(η e^(−kξ/2))),
        // n₀ = μ/(γσ²Δ) (§5.1–5.2). The ratio f_n/f_{n+1} is then exact up to a relative O(ω) correction of its
        // O(ω) log, so quotes differ by O(ω²)/k; measured ≈ 1.0·ω²/k for |q − q₀| ≤ 7 once ω ≤ 0.04. Tolerance 2ω²/k.
        // Q is ≥ 10 Gaussian widths so the bound is invisible. The Δ ≠ 1 and model-B cases check the order-size
        // generalisation of the exact system against Guéant (2017) (4.6)/(4.7); driftCentre = μ/(γσ²) (asset
        // units) and ξ check the §5 closed forms.
        const double gamma = 0.1, k = 1.0;
        var p = new GlftParameters(gamma, sigma, 1.0, k, orderSize, driftCentre * gamma * sigma * sigma, xi, objective);
        var omega = Math.Sqrt(p.InventoryRisk / (p.Eta * Math.Exp(-0.5 * k * xi)));
        var levels = Math.Min(GlftExactModel.MaxLevels, (int)Math.Ceiling(10 / Math.Sqrt(omega)));
        var exact = new GlftExactModel(p, 1, levels * orderSize);
        var closed = new GlftClosedFormModel(p);
        var tolerance = omega < 0.05 ? 2 * omega * omega / k : 0.5 * omega / k;
        foreach (var n in new[] { -5, -1, 0, 1, 2, 5 })
        {
            var e = exact.ErgodicQuote(At(0, n * orderSize));
            var c = closed.Quote(At(0, n * orderSize));
            Assert.That(e.BidDepth, Is.EqualTo(c.BidDepth).Within(tolerance), $"bid at q={n}");
            Assert.That(e.AskDepth, Is.EqualTo(c.AskDepth).Within(tolerance), $"ask at q={n}");
        }
    }

    [Test]
    public void AdverseSelectionIsTheBaseModelWithIntensityScaledByExpMinusKXiOverTwoPlusXiOverTwo()
    {
        // GLFT §5.2 structure: off-diagonal η e^(−kξ/2) and +ξ/2 on both quotes. In the ergodic limit the terminal
        // condition is forgotten, so the ξ model equals the ξ = 0 model with A·e^(−kξ/2), shifted by ξ/2 (to rounding).
        const double xi = 0.7;
        var withXi = new GlftExactModel(new GlftParameters(0.01, 0.3, 0.9, 0.3, adverseSelectionPerFill: xi), 1, 10);
        var scaled = new GlftExactModel(new GlftParameters(0.01, 0.3, 0.9 * Math.Exp(-0.3 * xi / 2), 0.3), 1, 10);
        for (var n = -9; n <= 9; n++)
        {
            Assert.That(withXi.ErgodicQuote(At(0, n)).BidDepth, Is.EqualTo(scaled.ErgodicQuote(At(0, n)).BidDepth + xi / 2).Within(1e-9));
            Assert.That(withXi.ErgodicQuote(At(0, n)).AskDepth, Is.EqualTo(scaled.ErgodicQuote(At(0, n)).AskDepth + xi / 2).Within(1e-9));
        }
    }

    [Test]
    public void DriftShiftsTheErgodicQuotesByMuOverGammaSigmaSquaredLots()
    {
        // GLFT §5.1: diag αn² − kμn = α(n − n₀)² − const with n₀ = μ/(γσ²Δ); a constant does not change quotes, so away
        // from the bounds the drift model at q equals the driftless one at q − q₀. Choose μ so that n₀ = 2 exactly;
        // with N = 20 the ground state at ±N is ~e^(−50) of its peak, so the bounds' effect is far below 1e-9.
        const double g = 0.05, s = 10.69;
        var mu = 2 * g * s * s;
        var drifted = new GlftExactModel(new GlftParameters(g, s, Hft.ArrivalRate, Hft.DepthDecay, drift: mu), 1, 20);
        var plain = new GlftExactModel(Hft, 1, 20);
        for (var n = -6; n <= 6; n++)
        {
            Assert.That(drifted.ErgodicQuote(At(0, n + 2)).BidDepth, Is.EqualTo(plain.ErgodicQuote(At(0, n)).BidDepth).Within(1e-9));
            Assert.That(drifted.ErgodicQuote(At(0, n + 2)).AskDepth, Is.EqualTo(plain.ErgodicQuote(At(0, n)).AskDepth).Within(1e-9));
        }

        // μ = 0 and ξ = 0 given explicitly are the base model.
        var explicitZero = new GlftExactModel(new GlftParameters(g, s, Hft.ArrivalRate, Hft.DepthDecay, drift: 0, adverseSelectionPerFill: 0), 100, 20);
        var baseModel = new GlftExactModel(Hft, 100, 20);
        Assert.That(explicitZero.Quote(At(50, 3)), Is.EqualTo(baseModel.Quote(At(50, 3))));
    }

    [Test]
    public void OrderSizeEntersOnlyThroughGammaTimesDeltaAndSigmaSquaredTimesDelta()
    {
        // Guéant (2017): with inventory in lots, α = (k/2)γσ²Δ and η = A(1+γΔ/k)^(−(1+k/(γΔ))), δ̃ = ln(1+γΔ/k)/(γΔ):
        // a CARA model with (γ, Δ = 4) at inventory 4n quotes exactly as GLFT (Δ = 1) with γ' = 4γ at inventory n.
        var lots = new GlftExactModel(new GlftParameters(0.02, 0.5, 1.1, 0.4, orderSize: 4), 50, 24);
        var glft = new GlftExactModel(new GlftParameters(0.08, 0.5, 1.1, 0.4), 50, 6);
        for (var n = -6; n <= 6; n++)
        {
            var a = lots.Quote(At(20, 4 * n));
            var b = glft.Quote(At(20, n));
            Assert.That(a.BidDepth, Is.EqualTo(b.BidDepth).Within(1e-10));
            Assert.That(a.AskDepth, Is.EqualTo(b.AskDepth).Within(1e-10));
            Assert.That(a.BidSize, Is.EqualTo(n < 6 ? 4.0 : 0.0));
            Assert.That(b.BidSize, Is.EqualTo(n < 6 ? 1.0 : 0.0));
        }
    }

    [Test]
    public void AtTheBoundsOneSideIsDisabledButPricedFinitelyAndUncrossed()
    {
        var model = new GlftExactModel(Hft, 600, 20);
        var closed = new GlftClosedFormModel(Hft);
        foreach (var t in new[] { 0.0, 590.0, 600.0 })
        {
            var top = model.Quote(At(t, 20));
            Assert.That(top.BidSize, Is.EqualTo(0.0));
            Assert.That(top.AskSize, Is.EqualTo(1.0));
            Assert.That(top.Bid, Is.LessThan(top.Ask));
            Assert.That(top.BidDepth, Is.GreaterThanOrEqualTo(closed.Quote(At(t, 20)).BidDepth - 1e-9));
            var bottom = model.Quote(At(t, -20));
            Assert.That(bottom.AskSize, Is.EqualTo(0.0));
            Assert.That(bottom.BidSize, Is.EqualTo(1.0));
            Assert.That(bottom.Bid, Is.LessThan(bottom.Ask));
        }
    }

    [Test]
    public void RepeatedQuotesAtTheSameTimeUseTheCacheAndAgree()
    {
        // Close to the horizon (τ = 1 s and 2 s) so the two times give visibly different quotes; far from it the
        // quotes are ergodic and agree to every digit.
        var model = new GlftExactModel(Hft, 600, 20);
        var first = model.Quote(At(599, 3));
        _ = model.Quote(At(599, -7));
        Assert.That(model.Quote(At(599, 3)), Is.EqualTo(first));
        Assert.That(model.Quote(At(598, 3)).BidDepth, Is.GreaterThan(first.BidDepth + 1e-3));
        Assert.That(model.Quote(At(599, 3)), Is.EqualTo(first));
    }

    [Test]
    public void CacheHitsAndTheClosedFormAllocateNothing()
    {
        var exact = new GlftExactModel(Hft, 600, 20);
        var closed = new GlftClosedFormModel(Hft);
        var snapshot = At(300, 4);
        _ = exact.Quote(snapshot);
        _ = closed.Quote(snapshot);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0.0;
        for (var i = 0; i < 1000; i++)
        {
            sum += exact.Quote(new MarketSnapshot(1000, 300, i % 41 - 20)).Bid + closed.Quote(snapshot).Ask;
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.EqualTo(0));
        Assert.That(double.IsFinite(sum));
    }

    [Test]
    public void ConcurrentQuotesAtManyTimesAgreeWithSequentialOnes()
    {
        // The cache is a single immutable entry swapped atomically: racing threads may recompute, never mix times.
        var model = new GlftExactModel(Hft, 60, 20);
        var times = new double[64];
        var expected = new TwoSidedQuote[64];
        var reference = new GlftExactModel(Hft, 60, 20);
        for (var i = 0; i < times.Length; i++)
        {
            times[i] = 60 - 0.05 * i;
            expected[i] = reference.Quote(At(times[i], i % 41 - 20));
        }

        var actual = new TwoSidedQuote[64 * 50];
        System.Threading.Tasks.Parallel.For(0, actual.Length, j => actual[j] = model.Quote(At(times[j % 64], j % 64 % 41 - 20)));
        for (var j = 0; j < actual.Length; j++)
        {
            Assert.That(actual[j], Is.EqualTo(expected[j % 64]));
        }
    }

    [Test]
    public void InventoryOffTheGridIsRoundedToTheNearestLot()
    {
        var model = new GlftExactModel(Hft, 600, 20);
        Assert.That(model.Quote(At(10, 3.3)).BidDepth, Is.EqualTo(model.Quote(At(10, 3)).BidDepth));
    }

    [Test]
    public void RejectsOutOfBoundsInventoryTimeAndSnapshotDrift()
    {
        var model = new GlftExactModel(Hft, 600, 20);
        Assert.That(Assert.Throws<MarketMakingException>(() => model.Quote(At(0, 20.5)))!.Kind, Is.EqualTo(MarketMakingErrorKind.InventoryLimitViolation));
        Assert.That(Assert.Throws<MarketMakingException>(() => model.ErgodicQuote(At(0, -21)))!.Kind, Is.EqualTo(MarketMakingErrorKind.InventoryLimitViolation));
        Assert.That(Assert.Throws<MarketMakingException>(() => model.Quote(At(600.1, 0)))!.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));
        Assert.That(Assert.Throws<MarketMakingException>(() => model.Quote(new MarketSnapshot(1000, 0, 0, drift: 0.1)))!.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));
    }

    [TestCase(0.0, 10.0, "horizon")]
    [TestCase(double.NaN, 10.0, "horizon")]
    [TestCase(10.0, 0.0, "maxInventory")]
    [TestCase(10.0, 2.5, "maxInventory")]
    [TestCase(10.0, 201.0, "maxInventory")]
    public void RejectsInvalidHorizonAndBound(double horizon, double maxInventory, string name)
    {
        var e = Assert.Throws<MarketMakingException>(() => _ = new GlftExactModel(Figure1, horizon, maxInventory))!;
        Assert.That(e.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidParameters));
        Assert.That(e.ParameterName, Is.EqualTo(name));
    }

    [Test]
    public void RejectsABoundBeyondDoublePrecisionDynamicRange()
    {
        // hftbacktest's parameters with Q = 200 lots: ln(f⁰(0)/f⁰(±200)) is over 1000 nats — more than a double can span.
        var e = Assert.Throws<MarketMakingException>(() => _ = new GlftExactModel(Hft, 10, 200))!;
        Assert.That(e.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidParameters));
        Assert.That(e.ParameterName, Is.EqualTo("maxInventory"));
        Assert.That(e.Message, Does.Contain("nats"));
    }
}
