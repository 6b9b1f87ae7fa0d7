using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Models.Quoting.AvellanedaStoikov;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Quoting;

[TestFixture]
public class MarketSnapshotTests
{
    [Test]
    public void PersistentDriftMovesTheMidByMuTau()
    {
        var snapshot = new MarketSnapshot(100, 0, 0, drift: 0.5);
        Assert.That(snapshot.DriftDecayTime, Is.EqualTo(double.PositiveInfinity));
        Assert.That(snapshot.ExpectedDriftMove(3), Is.EqualTo(1.5));
    }

    [TestCase(0.5, 2.0, 3.0)]
    [TestCase(-0.2, 60.0, 1e-9)]
    [TestCase(1.0, 1.0, 1e6)]
    public void DecayingDriftMovesTheMidByTheIntegralOfItsView(double mu, double h, double tau)
    {
        var snapshot = new MarketSnapshot(100, 0, 0, drift: mu, driftDecayTime: h);
        // ∫₀^τ μ e^(−s/h) ds = μh(1 − e^(−τ/h)); for τ ≪ h it is μτ, for τ ≫ h it saturates at the predicted move μh.
        // (1 − e^(−x)) by its Taylor series where the subtraction would cancel (x = 1e-11 here).
        var x = tau / h;
        var expected = mu * h * (x < 1e-4 ? x - (x * x / 2) + (x * x * x / 6) : 1 - Math.Exp(-x));
        Assert.That(snapshot.ExpectedDriftMove(tau), Is.EqualTo(expected).Within(1e-9).Percent);
        Assert.That(Math.Abs(snapshot.ExpectedDriftMove(tau)), Is.LessThanOrEqualTo(Math.Abs(mu) * Math.Min(tau, h) * (1 + 1e-12)));
    }

    [TestCase(0.0)]
    [TestCase(-1.0)]
    [TestCase(double.NaN)]
    [TestCase(double.NegativeInfinity)]
    public void DecayTimeMustBePositive(double h)
    {
        var e = Assert.Throws<MarketMakingException>(() => _ = new MarketSnapshot(100, 0, 0, 0.1, 0, h))!;
        Assert.That(e.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidParameters));
        Assert.That(e.ParameterName, Is.EqualTo("driftDecayTime"));
    }

    [Test]
    public void AShortTermViewShiftsAvellanedaStoikovByThePredictedMoveNotByTheHorizon()
    {
        // A one-day horizon in seconds and a 60 s view predicting +0.001 % of 1.3 (EURUSD): drift μ = 1.3e-5/60 per second.
        var model = new AvellanedaStoikovModel(new AvellanedaStoikovParameters(0.0003, 2e-5, 10_000, 86_400));
        const double mid = 1.3, move = 1.3e-5, period = 60;
        var flat = model.Quote(new MarketSnapshot(mid, 0, 0));
        var persistent = model.Quote(new MarketSnapshot(mid, 0, 0, move / period));
        var decaying = model.Quote(new MarketSnapshot(mid, 0, 0, move / period, 0, period));
        Assert.That(persistent.Reservation - flat.Reservation, Is.EqualTo(move / period * 86_400).Within(1e-15), "μτ: 1440 times the predicted move");
        Assert.That(decaying.Reservation - flat.Reservation, Is.EqualTo(move).Within(1e-15), "μh(1 − e^(−τ/h)) = the predicted move");
        Assert.That(decaying.Spread, Is.EqualTo(flat.Spread).Within(1e-15), "the drift does not change the spread");
    }
}
