using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Numerics;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Models.Quoting.CarteaJaimungal;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Quoting.CarteaJaimungal;

[TestFixture]
public class CarteaJaimungalModelTests
{
    private const double Mid = 100.0;

    // A CJP §10.2-style set in seconds and dollars: κ = 100 per $, order flow ~1 per second, asymmetric on purpose.
    private static CarteaJaimungalParameters Asymmetric(double phi = 2e-4, double alpha = 1e-3, double horizon = 30, int maxInventory = 5) =>
        new(phi, alpha, fillDecay: 100, buyOrderRate: 1.3, sellOrderRate: 0.8, maxInventory, lotSize: 1, horizon);

    private static CarteaJaimungalParameters Symmetric(double phi, double alpha, double horizon = 30, int maxInventory = 5, double kappa = 100) =>
        new(phi, alpha, kappa, buyOrderRate: 1, sellOrderRate: 1, maxInventory, lotSize: 1, horizon);

    private static readonly MidPriceJumpParameters RichJumps = new(
        jumpIntensity: 0.2, upwardJumpProbability: 0.65, upwardJumpRate: 80, downwardJumpRate: 120,
        marketOrderJumpProbability: 0.3, buyOrderJumpSize: 0.004, sellOrderJumpSize: 0.006, jumpRiskAversion: 0.5);

    private static double[] ClosedForm(CarteaJaimungalModel model, double time, double signalDrift = 0) =>
        ClosedForm(model, time, signalDrift, out _);

    private static double[] ClosedForm(CarteaJaimungalModel model, double time, double signalDrift, out bool usedPositiveSeries)
    {
        var h = new double[(2 * model.Parameters.MaxInventory) + 1];
        usedPositiveSeries = model.ValueFunction(time, signalDrift, h);
        return h;
    }

    private static TwoSidedQuote Quote(CarteaJaimungalModel model, double time, double lots, double drift = 0, double adverse = 0) =>
        model.Quote(new MarketSnapshot(Mid, time, lots * model.Parameters.LotSize, drift, adverse));

    [TestCase(0.0)]
    [TestCase(12.5)]
    [TestCase(29.0)]
    public void ClosedFormMatchesRk4SolutionOfTheHjb(double time)
    {
        var p = Asymmetric();
        var model = new CarteaJaimungalModel(p);
        var reference = HjbReference.Solve(p, MidPriceJumpParameters.None, 0, p.Horizon - time, steps: 60_000);
        // RK4 with Δτ = 5e-4 s: global error O(Δτ⁴·max|F''''|) ≈ 1e-13 here (halving the step changes h by < 1e-12);
        // 1e-10 $ is far below any price tick and far above both round-off and the RK4 error.
        Assert.That(ClosedForm(model, time, 0, out var usedPositiveSeries), Is.EqualTo(reference).AsCollection.Within(1e-10));
        Assert.That(usedPositiveSeries, Is.False, "these parameters are resolved by the spectral closed form itself");
    }

    [TestCase(0.0, 0.0)]
    [TestCase(10.0, 0.0)]
    [TestCase(10.0, 0.002)]
    [TestCase(20.0, -0.003)]
    public void ClosedFormMatchesRk4WithDriftJumpsAndMarketOrderImpact(double time, double signalDrift)
    {
        var p = Asymmetric();
        var model = new CarteaJaimungalModel(p, RichJumps);
        var reference = HjbReference.Solve(p, RichJumps, signalDrift, p.Horizon - time, steps: 60_000);
        Assert.That(ClosedForm(model, time, signalDrift), Is.EqualTo(reference).AsCollection.Within(1e-10));
    }

    [TestCase(0.0)]
    [TestCase(1.5)]
    public void ClosedFormMatchesRk4WhereTheSpectralSumLosesPrecision(double time)
    {
        // λ⁺/λ⁻ = 2 and κρε± tilt the symmetrising scale d_i by (a/b)^(i/2) ≈ 3^40 ≈ 1e19 across q̄ = 40: the spectral
        // sum cannot resolve the small end, so the positive uniformisation series takes over. Same 1e-10 $ tolerance.
        var p = new CarteaJaimungalParameters(0, 0, 100, buyOrderRate: 2, sellOrderRate: 1, maxInventory: 40, lotSize: 1, horizon: 2);
        var jumps = new MidPriceJumpParameters(0, 0.5, 1, 1, 0.4, 0.01, 0.02);
        var model = new CarteaJaimungalModel(p, jumps);
        var reference = HjbReference.Solve(p, jumps, 0, p.Horizon - time, steps: 20_000);
        Assert.That(ClosedForm(model, time, 0, out var usedPositiveSeries), Is.EqualTo(reference).AsCollection.Within(1e-10));
        Assert.That(usedPositiveSeries, Is.EqualTo(time < p.Horizon), "this case must exercise the fallback");
    }

    [Test]
    public void ClosedFormMatchesRk4UnderHeavyPenalties()
    {
        // φκq̄² = 14 per second: the values at ±12 lots are tiny next to the best one (α stays small so that the explicit
        // RK4 reference is not stiff near T).
        var p = new CarteaJaimungalParameters(1e-3, 1e-3, 100, buyOrderRate: 0.5, sellOrderRate: 0.7, maxInventory: 12, lotSize: 1, horizon: 60);
        var model = new CarteaJaimungalModel(p, RichJumps);
        var reference = HjbReference.Solve(p, RichJumps, 0.001, 60, steps: 200_000);
        Assert.That(ClosedForm(model, 0, 0.001, out var usedPositiveSeries), Is.EqualTo(reference).AsCollection.Within(1e-10));
        Assert.That(usedPositiveSeries, Is.True, "this case must exercise the fallback");
    }

    [Test]
    public void QuotedDepthsAreTheFeedbackControlsOfTheReferenceSolution()
    {
        var p = Asymmetric();
        var model = new CarteaJaimungalModel(p, RichJumps);
        const double time = 5;
        var h = HjbReference.Solve(p, RichJumps, 0, p.Horizon - time, steps: 60_000);
        for (var q = -p.MaxInventory + 1; q < p.MaxInventory; q++)
        {
            var i = p.MaxInventory - q;
            var quote = Quote(model, time, q, adverse: 0.001);
            // δ⁺ = 1/κ + ρε⁺ + h(q) − h(q−1) + a, δ⁻ = 1/κ + ρε⁻ + h(q) − h(q+1) + a.
            Assert.That(quote.AskDepth, Is.EqualTo(0.01 + (0.3 * 0.004) + h[i] - h[i + 1] + 0.001).Within(1e-10), $"ask at q={q}");
            Assert.That(quote.BidDepth, Is.EqualTo(0.01 + (0.3 * 0.006) + h[i] - h[i - 1] + 0.001).Within(1e-10), $"bid at q={q}");
            Assert.That(quote.Ask, Is.EqualTo(Mid + quote.AskDepth).Within(1e-12));
            Assert.That(quote.Bid, Is.EqualTo(Mid - quote.BidDepth).Within(1e-12));
            Assert.That(quote.AskSize, Is.EqualTo(1));
            Assert.That(quote.BidSize, Is.EqualTo(1));
        }
    }

    [Test]
    public void AtTheHorizonTheDepthsComeFromTheTerminalPenaltyAlone()
    {
        // h(T, q) = −αq², so δ⁺ = 1/κ + α(1 − 2q), δ⁻ = 1/κ + α(1 + 2q).
        var p = Asymmetric(alpha: 1e-3);
        var model = new CarteaJaimungalModel(p);
        for (var q = -4; q <= 4; q++)
        {
            var quote = Quote(model, p.Horizon, q);
            Assert.That(quote.AskDepth, Is.EqualTo(0.01 + (1e-3 * (1 - (2 * q)))).Within(1e-15));
            Assert.That(quote.BidDepth, Is.EqualTo(0.01 + (1e-3 * (1 + (2 * q)))).Within(1e-15));
        }
    }

    [Test]
    public void WithoutPenaltiesTheDepthsAreOneOverKappaAwayFromTheBounds()
    {
        // φ = α = 0 and no drift: every row of 𝐀 sums to (λ⁺ + λ⁻)/e on the unbounded lattice, so ω is flat and
        // δ± = 1/κ (the risk-neutral optimum, CJP §10.2). The bounds only matter once ≥ q̄ − |q| fills can happen before T:
        // for q̄ = 40 and (λ⁺ + λ⁻)τ/e ≈ 2.6 the Poisson tail is < 1e-30, so the depths are 1/κ to round-off.
        var p = new CarteaJaimungalParameters(0, 0, fillDecay: 100, buyOrderRate: 2, sellOrderRate: 1.5, maxInventory: 40, lotSize: 1, horizon: 2);
        var model = new CarteaJaimungalModel(p);
        for (var q = -10; q <= 10; q++)
        {
            var quote = Quote(model, 0, q);
            Assert.That(quote.AskDepth, Is.EqualTo(0.01).Within(1e-12), $"ask at q={q}");
            Assert.That(quote.BidDepth, Is.EqualTo(0.01).Within(1e-12), $"bid at q={q}");
        }

        // At the upper bound the agent can no longer buy, which lowers h(q̄) below h(q̄−1): she sells more eagerly.
        var atBound = Quote(model, 0, 40);
        Assert.That(atBound.AskDepth, Is.LessThan(0.01 - 1e-4));
        Assert.That(atBound.BidSize, Is.Zero);
        Assert.That(atBound.AskSize, Is.EqualTo(1));
    }

    [Test]
    public void BookExampleSellsThroughTheMidUnderAStrongRunningPenalty()
    {
        // The §10.2 example set (T = 30 s, λ± = 1, κ = 100, q ∈ [−3, 3], α = 1e-4; the third-party notebook that
        // reproduces the book's figure notes "try φ = 0.001 to see negative sell depth"). The book prints no number we
        // can read, so this checks the figure's qualitative content: far from T, the depth at the maximal long inventory
        // is positive for φ = 1e-4 and negative (the ask is posted through the mid) for φ = 1e-3, and the quotes at
        // q = 0 are wider than 1/κ and symmetric.
        var mild = new CarteaJaimungalModel(Symmetric(phi: 1e-4, alpha: 1e-4, maxInventory: 3));
        var strong = new CarteaJaimungalModel(Symmetric(phi: 1e-3, alpha: 1e-4, maxInventory: 3));
        Assert.That(Quote(mild, 0, 3).AskDepth, Is.GreaterThan(0));
        Assert.That(Quote(strong, 0, 3).AskDepth, Is.LessThan(0));
        Assert.That(Quote(strong, 0, -3).BidDepth, Is.LessThan(0));
        var flat = Quote(mild, 0, 0);
        Assert.That(flat.AskDepth, Is.GreaterThan(0.01));
        Assert.That(flat.BidDepth, Is.EqualTo(flat.AskDepth).Within(1e-15));
    }

    [Test]
    public void SymmetricFlowGivesMirrorSymmetricQuotes()
    {
        var model = new CarteaJaimungalModel(Symmetric(phi: 3e-4, alpha: 2e-3));
        foreach (var time in new[] { 0.0, 15.0, 29.9 })
        {
            for (var q = -5; q <= 5; q++)
            {
                var up = Quote(model, time, q);
                var down = Quote(model, time, -q);
                Assert.That(up.AskDepth, Is.EqualTo(down.BidDepth).Within(1e-12), $"t={time}, q={q}");
                Assert.That(up.Reservation - Mid, Is.EqualTo(-(down.Reservation - Mid)).Within(1e-12));
            }
        }
    }

    [Test]
    public void MirrorSymmetryAlsoHoldsOnThePositiveSeriesPath()
    {
        var wide = new CarteaJaimungalModel(Symmetric(phi: 1e-3, alpha: 1e-3, horizon: 600, maxInventory: 20));
        Assert.That(wide.ValueFunction(100, 0, new double[41]), Is.True, "this case must exercise the fallback");
        for (var q = -20; q <= 20; q++)
        {
            Assert.That(Quote(wide, 100, q).AskDepth, Is.EqualTo(Quote(wide, 100, -q).BidDepth).Within(1e-11), $"q={q}");
        }
    }

    [TestCase(0.0)]
    [TestCase(10.0)]
    [TestCase(29.5)]
    public void SpectralSumAndPositiveSeriesAgreeWhereBothAreAccurate(double time)
    {
        // Two independent evaluations of exp(𝐀τ)z: the eigen-decomposition of the symmetrised matrix and the positive
        // uniformisation series (on the symmetrised 𝐀, no eigenvectors). Built here from the primitive parameters (λ±/e, −φκq²).
        var p = Asymmetric();
        var model = new CarteaJaimungalModel(p);
        var spectral = ClosedForm(model, time, 0, out var usedPositiveSeries);
        Assert.That(usedPositiveSeries, Is.False);
        var n = spectral.Length;
        var diagonal = new double[n];
        var logZ = new double[n];
        for (var i = 0; i < n; i++)
        {
            double q = p.MaxInventory - i;
            diagonal[i] = -p.RunningPenalty * p.FillDecay * q * q;
            logZ[i] = -p.TerminalPenalty * p.FillDecay * q * q;
        }

        var series = new PositiveSeriesExponential(diagonal, p.BuyOrderRate / Math.E, p.SellOrderRate / Math.E, logZ, p.Horizon);
        var logOmega = new double[n];
        var offset = series.LogApply(p.Horizon - time, logOmega);
        var h = new double[n];
        for (var i = 0; i < n; i++)
        {
            h[i] = (logOmega[i] + offset) / p.FillDecay;
        }

        Assert.That(h, Is.EqualTo(spectral).AsCollection.Within(1e-12));
    }

    [Test]
    public void LargerRunningPenaltySkewsQuotesMoreStrongly()
    {
        var mild = new CarteaJaimungalModel(Symmetric(phi: 1e-5, alpha: 1e-4));
        var strict = new CarteaJaimungalModel(Symmetric(phi: 1e-3, alpha: 1e-4));
        for (var q = 1; q <= 4; q++)
        {
            var m = Quote(mild, 0, q);
            var s = Quote(strict, 0, q);
            Assert.That(m.Reservation, Is.LessThan(Mid), $"long {q}: reservation below mid");
            Assert.That(s.Reservation, Is.LessThan(m.Reservation), $"long {q}: stronger skew");
            Assert.That(s.AskDepth - s.BidDepth, Is.LessThan(m.AskDepth - m.BidDepth));
            Assert.That(Quote(strict, 0, -q).Reservation, Is.GreaterThan(Quote(mild, 0, -q).Reservation), $"short {q}");
        }
    }

    [Test]
    public void UpwardBiasedJumpsRaiseBothQuotes()
    {
        // p = 0.8 with equal mean sizes: μ_J = λ_J·(0.8 − 0.2)/η > 0, charged no variance (γ_J = 0).
        var p = Symmetric(phi: 2e-4, alpha: 1e-3);
        var jumps = new MidPriceJumpParameters(0.5, 0.8, 100, 100, 0, 0, 0);
        Assert.That(jumps.ExogenousJumpDrift, Is.EqualTo(0.5 * 0.6 / 100).Within(1e-15));
        var plain = new CarteaJaimungalModel(p);
        var jumpy = new CarteaJaimungalModel(p, jumps);
        for (var q = -4; q <= 4; q++)
        {
            var a = Quote(plain, 10, q);
            var b = Quote(jumpy, 10, q);
            Assert.That(b.Bid, Is.GreaterThan(a.Bid), $"bid at q={q}");
            Assert.That(b.Ask, Is.GreaterThan(a.Ask), $"ask at q={q}");
        }

        // The same drift supplied as a snapshot signal gives the same quotes.
        var signalled = Quote(plain, 10, 2, drift: jumps.ExogenousJumpDrift);
        Assert.That(signalled.Bid, Is.EqualTo(Quote(jumpy, 10, 2).Bid).Within(1e-12));
        Assert.That(signalled.Ask, Is.EqualTo(Quote(jumpy, 10, 2).Ask).Within(1e-12));
    }

    [Test]
    public void JumpVarianceIsChargedThroughTheRunningPenalty()
    {
        var jumps = new MidPriceJumpParameters(0.5, 0.5, 50, 50, 0, 0, 0, jumpRiskAversion: 2);
        // E[Y²] = 2/η² for either direction; loading = ½·γ·λ_J·E[Y²].
        Assert.That(jumps.RunningPenaltyLoading, Is.EqualTo(0.5 * 2 * 0.5 * 2 / 2500).Within(1e-15));
        var model = new CarteaJaimungalModel(Symmetric(phi: 1e-4, alpha: 1e-3), jumps);
        var equivalent = new CarteaJaimungalModel(Symmetric(phi: 1e-4 + jumps.RunningPenaltyLoading, alpha: 1e-3));
        Assert.That(Quote(model, 3, 2).AskDepth, Is.EqualTo(Quote(equivalent, 3, 2).AskDepth).Within(1e-12));
    }

    [Test]
    public void MarketOrderJumpsWidenTheSpreadByTheExpectedMoves()
    {
        var jumps = new MidPriceJumpParameters(0, 0.5, 1, 1, marketOrderJumpProbability: 0.4, buyOrderJumpSize: 0.012, sellOrderJumpSize: 0.01);
        var widening = 0.4 * (0.012 + 0.01);

        // At T the value function is −αq² whatever the jumps, so the widening is exactly ρ(ε⁺ + ε⁻) at every q.
        var p = Asymmetric();
        var plain = new CarteaJaimungalModel(p);
        var impacted = new CarteaJaimungalModel(p, jumps);
        for (var q = -4; q <= 4; q++)
        {
            Assert.That(Quote(impacted, p.Horizon, q).Spread - Quote(plain, p.Horizon, q).Spread, Is.EqualTo(widening).Within(1e-12));
            Assert.That(Quote(impacted, p.Horizon, q).AskDepth - Quote(plain, p.Horizon, q).AskDepth, Is.EqualTo(0.4 * 0.012).Within(1e-12));
        }

        // Before T the jumps also thin the effective order flow (λ±e^(−κρε±)) and add drift ρ(λ⁺ε⁺ − λ⁻ε⁻). Without
        // penalties, with λ⁺ε⁺ = λ⁻ε⁻ (no drift) and far from the bounds, h stays flat and the widening is again exact.
        var flat = new CarteaJaimungalParameters(0, 0, 100, buyOrderRate: 1, sellOrderRate: 1.2, maxInventory: 40, lotSize: 1, horizon: 2);
        var plainFlat = new CarteaJaimungalModel(flat);
        var impactedFlat = new CarteaJaimungalModel(flat, jumps);
        Assert.That(impactedFlat.StructuralDrift, Is.EqualTo(0).Within(1e-15));
        for (var q = -5; q <= 5; q++)
        {
            Assert.That(Quote(impactedFlat, 0, q).Spread - Quote(plainFlat, 0, q).Spread, Is.EqualTo(widening).Within(1e-12));
        }
    }

    [Test]
    public void AdverseSelectionSignalWidensBothSides()
    {
        var model = new CarteaJaimungalModel(Asymmetric());
        var plain = Quote(model, 7, 1);
        var wide = Quote(model, 7, 1, adverse: 0.005);
        Assert.That(wide.AskDepth - plain.AskDepth, Is.EqualTo(0.005).Within(1e-14));
        Assert.That(wide.BidDepth - plain.BidDepth, Is.EqualTo(0.005).Within(1e-14));
        Assert.That(wide.Reservation, Is.EqualTo(plain.Reservation).Within(1e-12));
    }

    [Test]
    public void LongHorizonReachesTheErgodicSolutionWithoutOverflow()
    {
        // T = 1e6 s: exp(𝐀T) has entries of order e^(λ_max·T) = e^(≈7e5) — far beyond double range unscaled.
        var p = Asymmetric(horizon: 1e6);
        var model = new CarteaJaimungalModel(p);
        var early = Quote(model, 0, 3);
        var later = Quote(model, 5e5, 3);
        Assert.That(early.AskDepth, Is.EqualTo(later.AskDepth).Within(1e-12), "stationary far from T");
        Assert.That(early.BidDepth, Is.EqualTo(later.BidDepth).Within(1e-12));

        // Ergodic HJB (CJP §10.2 long-horizon limit): h(t, q) = γ*(T − t) + g(q) with F(g) = γ* for every q, where F is
        // the feedback HJB operator. Check that residual on the closed form's h, computed from primitive parameters.
        var h = ClosedForm(model, 0);
        var f = new double[h.Length];
        var relative = new double[h.Length];
        for (var i = 0; i < h.Length; i++)
        {
            relative[i] = h[i] - h[p.MaxInventory];
        }

        HjbReference.Rhs(p, MidPriceJumpParameters.None, 0, relative, f);
        for (var i = 1; i < f.Length; i++)
        {
            Assert.That(f[i], Is.EqualTo(f[0]).Within(1e-9), $"row {i}");
        }
    }

    [Test]
    public void ValuesFarBelowTheDoubleRangeAreResolvedByTheGaugedSeries()
    {
        // α = 1 $, κ = 100, q̄ = 50, φ = 0, 1e-6 s before T. Leaving q lots costs ακq² in log-value, so from q ≥ 1 the only
        // route to value is q successive ask fills before T: ω_q ≈ (τa)^q/q!·z_0 with a = λ⁺/e, i.e. ω_50/ω_0 ≈ e^(−888),
        // far below the smallest double, and δ⁺(q) = 1/κ + (1/κ)·ln(ω_q/ω_(q−1)) = 1/κ + (1/κ)·ln(τa/q). Neglected paths
        // (an extra up-and-down move, or starting from z_1) are relatively O(τ²q²) ≈ 3e-9 and e^(−80): 1e-9 $ covers them.
        var p = new CarteaJaimungalParameters(0, 1, 100, 1, 1, 50, 1, 10);
        var model = new CarteaJaimungalModel(p);
        const double justBefore = 10 - 1e-6;
        var tau = p.Horizon - justBefore;
        foreach (var q in new[] { 1, 2, 10, 30, 49, 50 })
        {
            var expected = 0.01 + (Math.Log(tau * Math.Exp(-1) / q) / 100);
            Assert.That(Quote(model, justBefore, q).AskDepth, Is.EqualTo(expected).Within(1e-9), $"q={q}");
        }
    }

    [Test]
    public void BoundsBlockOneSideWithAFinitePrice()
    {
        var model = new CarteaJaimungalModel(Asymmetric());
        var top = Quote(model, 10, 5);
        Assert.That(top.BidSize, Is.Zero);
        Assert.That(top.AskSize, Is.EqualTo(1));
        Assert.That(top.Bid, Is.LessThan(top.Ask));
        Assert.That(top.Spread, Is.EqualTo(0.02).Within(1e-12), "extrapolated h: spread 2/κ at the bound");
        var bottom = Quote(model, 10, -5);
        Assert.That(bottom.AskSize, Is.Zero);
        Assert.That(bottom.BidSize, Is.EqualTo(1));
        Assert.That(bottom.Bid, Is.LessThan(bottom.Ask));
    }

    [Test]
    public void InventoryIsCountedInLots()
    {
        var p = new CarteaJaimungalParameters(2e-4, 1e-3, 100, 1.3, 0.8, 5, lotSize: 100, horizon: 30);
        var model = new CarteaJaimungalModel(p);
        var byLots = new CarteaJaimungalModel(Asymmetric());
        var quote = model.Quote(new MarketSnapshot(Mid, 3, 300));
        Assert.That(quote.AskDepth, Is.EqualTo(Quote(byLots, 3, 3).AskDepth).Within(1e-15));
        Assert.That(quote.AskSize, Is.EqualTo(100));
    }

    [Test]
    public void RejectsInventoryOutsideTheBoundsAndTimeBeyondTheHorizon()
    {
        var model = new CarteaJaimungalModel(Asymmetric());
        var over = Assert.Throws<MarketMakingException>(() => model.Quote(new MarketSnapshot(Mid, 0, 6)))!;
        Assert.That(over.Kind, Is.EqualTo(MarketMakingErrorKind.InventoryLimitViolation));
        var under = Assert.Throws<MarketMakingException>(() => model.Quote(new MarketSnapshot(Mid, 0, -5.5)))!;
        Assert.That(under.Kind, Is.EqualTo(MarketMakingErrorKind.InventoryLimitViolation));
        var late = Assert.Throws<MarketMakingException>(() => model.Quote(new MarketSnapshot(Mid, 31, 0)))!;
        Assert.That(late.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));
    }

    [Test]
    public void QuoteAllocatesNothing()
    {
        var model = new CarteaJaimungalModel(Asymmetric(), RichJumps);
        var snapshot = new MarketSnapshot(Mid, 1, 2);
        model.Quote(snapshot);
        model.Quote(new MarketSnapshot(Mid, 1.5, 2, drift: 0.002));
        var h = new double[11];
        Assert.That(model.ValueFunction(2, 0, h), Is.False, "spectral path");
        Assert.That(model.ValueFunction(3, 0.002, h), Is.True, "positive-series path");
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var k = 0; k < 100; k++)
        {
            model.Quote(snapshot); // cache hit
            model.Quote(new MarketSnapshot(Mid, 2 + (k * 0.01), -1)); // new τ, spectral sum
            model.Quote(new MarketSnapshot(Mid, 3 + (k * 0.01), 1, drift: 0.002)); // new τ, same signal drift, positive series
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
