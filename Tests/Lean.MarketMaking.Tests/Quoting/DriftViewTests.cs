using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Models.Quoting.AvellanedaStoikov;
using Lean.MarketMaking.Models.Quoting.CarteaJaimungal;
using Lean.MarketMaking.Models.Quoting.Glft;
using Lean.MarketMaking.Tests.Quoting.CarteaJaimungal;
using Lean.MarketMaking.Tests.Quoting.Glft;
using MathNet.Numerics.Integration;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Quoting;

/// <summary>
/// Short-lived drift views (a snapshot drift μ with <see cref="MarketSnapshot.DriftDecayTime"/> h, i.e. the drift
/// μe^(−(s − t)/h) at future times s) in GLFT and Cartea–Jaimungal, against RK4 solutions of the models' equations
/// with that decaying drift.
/// </summary>
[TestFixture]
public class DriftViewTests
{
    // hftbacktest's ETHUSDT fit (ticks, seconds): v spans 10⁻²⁴ between q = 0 and ±20 lots.
    private static readonly GlftParameters Hft = new(0.05, 10.69, 2.986162360812285, 0.04235741115084049);

    [Test]
    public void GlftExactViewMatchesTheTimeDependentOdeToSecondOrderInTheView()
    {
        // RK4 of the non-autonomous system (drift μe^(−(τ − s)/h) at time-to-go s, dt = 1/200 s: error far below the
        // O(μ²) terms) against the model's first-order response. Halving μ must quarter the error (O(μ²)), and the error
        // must stay a small fraction of the view's own effect on the quotes.
        const double horizon = 600, tau = 120, h = 30;
        var model = new GlftExactModel(Hft, horizon, 20);
        var none = GlftReference.LogV(Hft, 20, tau, 24_000);
        var errors = new double[2];
        var shifts = new double[2];
        for (var k = 0; k < 2; k++)
        {
            var mu = 0.4 / (1 << k); // ticks per second: a 0.4-tick/s view lasting 30 s moves the mid ≈ 12 ticks
            var exact = GlftReference.LogV(Hft, 20, tau, 24_000, mu, h);
            for (var n = -20; n <= 20; n++)
            {
                var quote = model.Quote(new MarketSnapshot(1000, horizon - tau, n, mu, driftDecayTime: h));
                if (n < 20)
                {
                    errors[k] = Math.Max(errors[k], Math.Abs(quote.BidDepth - GlftReference.BidDepth(Hft, exact, 20, n)));
                    shifts[k] = Math.Max(shifts[k], Math.Abs(GlftReference.BidDepth(Hft, exact, 20, n) - GlftReference.BidDepth(Hft, none, 20, n)));
                }

                if (n > -20)
                {
                    errors[k] = Math.Max(errors[k], Math.Abs(quote.AskDepth - GlftReference.AskDepth(Hft, exact, 20, n)));
                }
            }
        }

        Assert.That(shifts[0], Is.GreaterThan(0.5), "the view moves the quotes by more than half a tick");
        Assert.That(errors[0], Is.LessThan(0.005 * shifts[0]), "first order: the error is a fraction of a percent of the effect");
        Assert.That(errors[0] / errors[1], Is.EqualTo(4).Within(0.3), "the error is O(μ²)");
    }

    [Test]
    public void GlftExactErgodicViewIsTheLongHorizonLimit()
    {
        // τ = 1,000 s is ≫ the view (h = 10 s) and the relaxation time of the quotes (≈ 2 s): the finite-horizon response
        // equals the stationary one (the M-matrix solve on the ground state).
        var model = new GlftExactModel(Hft, 1000, 20);
        for (var n = -19; n <= 19; n += 3)
        {
            var snapshot = new MarketSnapshot(1000, 0, n, 0.3, driftDecayTime: 10);
            var finite = model.Quote(snapshot);
            var ergodic = model.ErgodicQuote(snapshot);
            Assert.That(finite.BidDepth, Is.EqualTo(ergodic.BidDepth).Within(1e-7), $"bid at {n}");
            Assert.That(finite.AskDepth, Is.EqualTo(ergodic.AskDepth).Within(1e-7), $"ask at {n}");
        }
    }

    [Test]
    public void GlftClosedFormWeighsAViewByKappaHOverOnePlusKappaH()
    {
        // B′ = μ(t) + κB with κ = γσ²/Skew: a view lasting h counts with weight κh/(1 + κh) of a persistent drift.
        var model = new GlftClosedFormModel(Hft);
        var kappa = Hft.RiskAversion * Hft.Volatility * Hft.Volatility / model.Skew;
        Assert.That(model.DriftRelaxationRate, Is.EqualTo(kappa).Within(1e-12 * kappa));
        const double mu = 0.3;
        var flat = model.Quote(new MarketSnapshot(1000, 0, 2)).Reservation;
        var persistent = model.Quote(new MarketSnapshot(1000, 0, 2, mu)).Reservation - flat;
        foreach (var h in new[] { 0.1, 1.0, 30.0, 1e6 })
        {
            var shift = model.Quote(new MarketSnapshot(1000, 0, 2, mu, driftDecayTime: h)).Reservation - flat;
            Assert.That(shift, Is.EqualTo(persistent * kappa * h / (1 + kappa * h)).Within(1e-9 * Math.Abs(persistent)), $"h = {h}");
        }

        // A view much shorter than 1/κ moves the quotes by its expected move μh (the persistent shift is μ/κ).
        var brief = model.Quote(new MarketSnapshot(1000, 0, 2, mu, driftDecayTime: 0.01)).Reservation - flat;
        Assert.That(brief, Is.EqualTo(mu * 0.01).Within(0.01 * mu * 0.01));

        // Against the exact model's first-order view response in the ergodic regime, near q = 0 (far from the bound,
        // where the closed form is accurate): the reservation shifts agree as closely as the persistent-drift ones do.
        var exact = new GlftExactModel(Hft, 600, 20);
        var exactFlat = exact.ErgodicQuote(new MarketSnapshot(1000, 0, 0));
        var exactView = exact.ErgodicQuote(new MarketSnapshot(1000, 0, 0, 0.01, driftDecayTime: 2));
        var closedView = model.Quote(new MarketSnapshot(1000, 0, 0, 0.01, driftDecayTime: 2)).Reservation - model.Quote(new MarketSnapshot(1000, 0, 0)).Reservation;
        Assert.That(exactView.Reservation - exactFlat.Reservation, Is.EqualTo(closedView).Within(0.1 * Math.Abs(closedView)));
    }

    [Test]
    public void GlftPersistentSnapshotDriftKeepsTodaysRules()
    {
        var closed = new GlftClosedFormModel(Hft);
        var withParameterDrift = new GlftClosedFormModel(new GlftParameters(0.05, 10.69, 2.986162360812285, 0.04235741115084049, drift: 0.3));
        Assert.That(closed.Quote(new MarketSnapshot(1000, 0, 3, 0.3)), Is.EqualTo(withParameterDrift.Quote(new MarketSnapshot(1000, 0, 3))));
        var exact = new GlftExactModel(Hft, 600, 20);
        Assert.That(Assert.Throws<MarketMakingException>(() => exact.Quote(new MarketSnapshot(1000, 0, 0, 0.1)))!.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));
    }

    [Test]
    public void CarteaJaimungalViewMatchesTheHjbWithADecayingDriftToSecondOrder()
    {
        // CJP §10.2 in seconds and dollars (κ = 100 per $, ~1 order per second, asymmetric) with jumps and market-order
        // impact; a view of μ $/s decaying with h = 3 s, 20 s before the horizon. RK4 of the HJB, dt = 1/3000 s. The
        // expansion parameter is κμh (the view's expected move in units of the fill decay 1/κ): 0.15 and 0.075 here.
        var p = new CarteaJaimungalParameters(2e-4, 1e-3, fillDecay: 100, buyOrderRate: 1.3, sellOrderRate: 0.8, maxInventory: 5, lotSize: 1, horizon: 30);
        var jumps = new MidPriceJumpParameters(0.2, 0.65, 80, 120, 0.3, 0.004, 0.006, jumpRiskAversion: 0.5);
        var model = new CarteaJaimungalModel(p, jumps);
        const double time = 10, h = 3;
        var none = HjbReference.Solve(p, jumps, 0, p.Horizon - time, 60_000);
        var errors = new double[2];
        var shifts = new double[2];
        for (var k = 0; k < 2; k++)
        {
            var mu = 0.0005 / (1 << k);
            var exact = HjbReference.Solve(p, jumps, 0, p.Horizon - time, 60_000, mu, h);
            for (var q = -4; q <= 4; q++)
            {
                var quote = model.Quote(new MarketSnapshot(100, time, q, mu, driftDecayTime: h));
                var row = p.MaxInventory - q;
                var ask = 1 / p.FillDecay + jumps.AskAdverseSelection + exact[row] - exact[row + 1];
                var bid = 1 / p.FillDecay + jumps.BidAdverseSelection + exact[row] - exact[row - 1];
                errors[k] = Math.Max(errors[k], Math.Max(Math.Abs(quote.AskDepth - ask), Math.Abs(quote.BidDepth - bid)));
                shifts[k] = Math.Max(shifts[k], Math.Abs(exact[row] - exact[row + 1] - (none[row] - none[row + 1])));
            }
        }

        Assert.That(shifts[0], Is.GreaterThan(5e-4), "the view moves the quotes by a twentieth of a cent or more");
        Assert.That(errors[0], Is.LessThan(0.01 * shifts[0]));
        Assert.That(errors[0] / errors[1], Is.EqualTo(4).Within(0.5), "the error is O(μ²)");
    }

    [Test]
    public void CarteaJaimungalPersistentSnapshotDriftIsUnchangedAndAViewCountsAsLongAsItLasts()
    {
        var p = new CarteaJaimungalParameters(2e-4, 1e-3, fillDecay: 100, buyOrderRate: 1, sellOrderRate: 1, maxInventory: 5, lotSize: 1, horizon: 600);
        var model = new CarteaJaimungalModel(p);
        var flat = model.Quote(new MarketSnapshot(100, 0, 0)).Reservation;
        double Shift(double h) => model.Quote(new MarketSnapshot(100, 0, 0, 1e-5, driftDecayTime: h)).Reservation - flat;
        var persistent = model.Quote(new MarketSnapshot(100, 0, 0, 1e-5)).Reservation - flat;
        var reference = HjbReference.Solve(p, MidPriceJumpParameters.None, 1e-5, 600, 120_000);
        var noDrift = HjbReference.Solve(p, MidPriceJumpParameters.None, 0, 600, 120_000);
        Assert.That(persistent, Is.EqualTo(0.5 * (reference[4] - reference[6] - (noDrift[4] - noDrift[6]))).Within(1e-9), "persistent: the exact drift");

        // The effect grows with the view's life h, is ≈ μh for a view shorter than the inventory's turnover (a few
        // seconds here), and tends to the persistent drift's (first order, κμ·600 s small) as h → ∞.
        Assert.That(Shift(0.1), Is.EqualTo(1e-5 * 0.1).Within(0.1 * 1e-5 * 0.1));
        Assert.That(Shift(1), Is.LessThan(Shift(10)));
        Assert.That(Shift(10), Is.LessThan(Shift(60)));
        Assert.That(Shift(60), Is.LessThan(persistent));
        Assert.That(Shift(1e9), Is.EqualTo(persistent).Within(1e-3 * persistent));
    }

    [Test]
    public void InfiniteHorizonAvellanedaStoikovViewMatchesTheDiscountedValueToSecondOrder()
    {
        // The AS example's EURUSD set-up (γ, σ per √s, k, ω = 1/43,200 per s, q_max, z) and a view of μ price/s lasting
        // h = 60 s. Reference: the reservation prices of Definition 1 from v̄(j) ∝ ∫₀^∞ e^(−ωt)·E[e^(−γjS_t)]/e^(−γjs) dt
        // = ∫₀^∞ e^(−D₀(j)t − γjμh(1 − e^(−t/h))) dt by quadrature; the model's first-order D must match to O(μ²).
        const double gamma = 0.0003, sigma = 0.00002, k = 10000, omega = 1 / 43200.0, qMax = 50000, z = 10000, h = 60, s = 1.1;
        var model = new InfiniteHorizonAvellanedaStoikovModel(new InfiniteHorizonAvellanedaStoikovParameters(gamma, sigma, k, omega, qMax, z));
        var flat = model.Quote(new MarketSnapshot(s, 0, 20000));
        var errors = new double[2];
        var shifts = new double[2];
        for (var m = 0; m < 2; m++)
        {
            var mu = 5e-6 / (1 << m); // a 60 s view worth 3 and 1.5 pips: γ|j|μh ≤ 0.0054
            double D(double j)
            {
                var d0 = omega - 0.5 * gamma * gamma * sigma * sigma * j * j;
                var body = 0.0;
                for (var piece = 0; piece < 60; piece++)
                {
                    body += GaussLegendreRule.Integrate(t => Math.Exp(-d0 * t - gamma * j * mu * h * -double.ExpM1(-t / h)), piece * h, (piece + 1) * h, 32);
                }

                var tail = Math.Exp(-d0 * 60 * h - gamma * j * mu * h * -double.ExpM1(-60.0)) / d0;
                return 1 / (body + tail);
            }

            foreach (var q in new[] { -40000.0, 0.0, 20000.0 })
            {
                var quote = model.Quote(new MarketSnapshot(s, 0, q, mu, driftDecayTime: h));
                var reservation = s + Math.Log(D(q + z) / D(q - z)) / (2 * gamma * z);
                var none = model.Quote(new MarketSnapshot(s, 0, q)).Reservation;
                errors[m] = Math.Max(errors[m], Math.Abs(quote.Reservation - reservation));
                shifts[m] = Math.Max(shifts[m], Math.Abs(reservation - none));
            }
        }

        Assert.That(flat.Reservation, Is.LessThan(s), "long inventory skews down");
        Assert.That(shifts[0], Is.EqualTo(5e-6 * h).Within(0.2 * 5e-6 * h), "a short view moves the reservation price by about μh");
        Assert.That(errors[0], Is.LessThan(0.01 * shifts[0]));
        Assert.That(errors[0] / errors[1], Is.EqualTo(4).Within(0.5), "the error is O(μ²)");
    }
}
