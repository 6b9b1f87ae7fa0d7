using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Models.Quoting.AvellanedaStoikov;
using MathNet.Numerics;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Quoting.AvellanedaStoikov;

[TestFixture]
public class InfiniteHorizonAvellanedaStoikovModelTests
{
    // γ = 0.1, σ = 2, k = 1.5, q_max = 5, ω = 1 (> ½γ²σ²(q_max + 1)² = 0.72).
    private static InfiniteHorizonAvellanedaStoikovModel Model(double maxInventory = 5, double orderSize = 1) =>
        new(new InfiniteHorizonAvellanedaStoikovParameters(0.1, 2, 1.5, 1, maxInventory, orderSize));

    [Test]
    public void MatchesHandComputedReservationPricesAndQuotes()
    {
        // D(j) = ω − ½γ²σ²j² = 1 − 0.02j²: D(1) = 0.98, D(2) = 0.92, D(3) = 0.82. At q = 2, s = 100:
        // r̄ᵃ = 100 + 10·ln(0.92/0.98) = 99.36821098378468, r̄ᵇ = 100 + 10·ln(0.82/0.92) = 98.84930670215213
        // (the paper's r̄ᵇ: 1 + (−1 − 4)·0.04/(2 − 0.16) = 0.82/0.92, identical); (1/γ)ln(1 + γ/k) = 0.6453852113757116.
        var quote = Model().Quote(new MarketSnapshot(100, 0, 2));
        Assert.Multiple(() =>
        {
            Assert.That(quote.Bid, Is.EqualTo(98.84930670215213 - 0.6453852113757116).Within(1e-12));
            Assert.That(quote.Ask, Is.EqualTo(99.36821098378468 + 0.6453852113757116).Within(1e-12));
            Assert.That(quote.Reservation, Is.EqualTo(0.5 * (98.84930670215213 + 99.36821098378468)).Within(1e-12));
        });
    }

    [Test]
    public void PrintedAskFormulaOfThePaperIsAnErratum()
    {
        // The paper prints r̄ᵃ = s + (1/γ)ln(1 + (1 − 2q)γ²σ²/(2ω − γ²q²σ²)) = 99.32558719204468 at q = 2. Its own
        // eqs. (16)–(17) imply r̄ᵃ(q) = r̄ᵇ(q − 1) (selling the q-th unit undoes buying it at q − 1); the model satisfies
        // that identity and the printed expression does not.
        var model = Model();
        var askAt2 = model.Quote(new MarketSnapshot(100, 0, 2)).Ask - 0.6453852113757116;
        var bidAt1 = model.Quote(new MarketSnapshot(100, 0, 1)).Bid + 0.6453852113757116;
        Assert.That(askAt2, Is.EqualTo(bidAt1).Within(1e-12));
        const double printed = 99.32558719204468;
        Assert.That(Math.Abs(printed - bidAt1), Is.GreaterThan(0.04));
    }

    [TestCase(0.0, 1.0)]
    [TestCase(0.1, 1.0)]
    [TestCase(-0.2, 1.0)]
    [TestCase(0.0, 2.0)]
    [TestCase(-0.2, 2.0)]
    [TestCase(0.1, 0.5)]
    public void ReservationPricesSolveDefinitionOneForTheDiscountedObjective(double drift, double orderSize)
    {
        // Independent check of the closed form: V(q) = ∫₀^∞ e^(−ωt)·E[e^(−γqS_t)] dt with S_t = μt + σ√t·Z (s = 0) by
        // two-dimensional Gauss–Legendre quadrature; Definition 1 for a fill of z units at a per-unit price gives
        // r̄ᵃ = (1/(γz))ln(V(q − z)/V(q)) and r̄ᵇ = (1/(γz))ln(V(q)/V(q + z)), and the offset is (1/(γz))ln(1 + γz/k)
        // (z = 1 is the paper; with z ≠ 1 the model used to step the inventory by 1 and divide by γ, not γz).
        // γ = 0.5, σ = 1, ω = 3, q_max = 2, q = 1: D(j) = ω + γμj − ⅛j² ≥ 1.5 for |j| ≤ 3, so e^(−D·40) is negligible.
        const double gamma = 0.5, sigma = 1, omega = 3, q = 1;
        var z = orderSize;
        var model = new InfiniteHorizonAvellanedaStoikovModel(new InfiniteHorizonAvellanedaStoikovParameters(gamma, sigma, 1.5, omega, 2, z));
        double V(double inventory) => Integrate.GaussLegendre(
            t => Math.Exp(-omega * t) * Integrate.GaussLegendre(
                x => Math.Exp(-0.5 * x * x) / Math.Sqrt(2 * Math.PI) * Math.Exp(-gamma * inventory * (drift * t + sigma * Math.Sqrt(t) * x)),
                -12,
                12,
                128),
            0,
            40,
            256);
        var reservationAsk = Math.Log(V(q - z) / V(q)) / (gamma * z);
        var reservationBid = Math.Log(V(q) / V(q + z)) / (gamma * z);
        var halfSpread = Math.Log(1 + gamma * z / 1.5) / (gamma * z);

        var quote = model.Quote(new MarketSnapshot(100, 0, q, drift));
        Assert.That(quote.AskDepth - halfSpread, Is.EqualTo(reservationAsk).Within(1e-9));
        Assert.That(halfSpread - quote.BidDepth, Is.EqualTo(reservationBid).Within(1e-9));
    }

    [Test]
    public void LargeDiscountRateRecoversTheFiniteHorizonModelWithTauOneOverOmega()
    {
        // (1/γ)ln(1 + ε) = ε/γ + O(ε²) with ε ~ γ²σ²/ω: for ω = 1e6 the stationary quotes equal the finite-horizon quotes
        // with τ = 1/ω to O(γ³σ⁴q²/ω²) ≈ 1e-13 price units.
        const double omega = 1e6;
        var infinite = new InfiniteHorizonAvellanedaStoikovModel(new InfiniteHorizonAvellanedaStoikovParameters(0.1, 2, 1.5, omega, 5));
        var finite = new AvellanedaStoikovModel(new AvellanedaStoikovParameters(0.1, 2, 1.5, 1 / omega));
        for (var q = -5; q <= 5; q++)
        {
            var a = infinite.Quote(new MarketSnapshot(100, 0, q));
            var b = finite.Quote(new MarketSnapshot(100, 0, q));
            Assert.That(a.Bid, Is.EqualTo(b.Bid).Within(1e-11), $"q = {q}");
            Assert.That(a.Ask, Is.EqualTo(b.Ask).Within(1e-11), $"q = {q}");
        }
    }

    [Test]
    public void StopsQuotingTheSideThatWouldBreachTheInventoryBound()
    {
        var model = Model();
        var atMax = model.Quote(new MarketSnapshot(100, 0, 5));
        Assert.That((atMax.BidSize, atMax.AskSize), Is.EqualTo((0.0, 1.0)));
        var atMin = model.Quote(new MarketSnapshot(100, 0, -5));
        Assert.That((atMin.BidSize, atMin.AskSize), Is.EqualTo((1.0, 0.0)));
        var inside = model.Quote(new MarketSnapshot(100, 0, 4));
        Assert.That((inside.BidSize, inside.AskSize), Is.EqualTo((1.0, 1.0)));
        Assert.That(atMax.Bid, Is.LessThan(atMax.Ask));
    }

    [Test]
    public void RejectsInventoryBeyondTheBound()
    {
        var e = Assert.Throws<MarketMakingException>(() => Model().Quote(new MarketSnapshot(100, 0, -5.5)))!;
        Assert.That(e.Kind, Is.EqualTo(MarketMakingErrorKind.InventoryLimitViolation));
        Assert.That(e.ParameterName, Is.EqualTo("inventory"));
    }

    [Test]
    public void RejectsADriftThatMakesTheObjectiveUnbounded()
    {
        // D(q + 1) = 1 + 0.1·6·μ − 0.02·36 ≤ 0 at q = 5 once μ ≤ −0.4667.
        var e = Assert.Throws<MarketMakingException>(() => Model().Quote(new MarketSnapshot(100, 0, 5, drift: -0.5)))!;
        Assert.That(e.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));
        Assert.That(e.ParameterName, Is.EqualTo("drift"));
    }

    [Test]
    public void DoesNotAllocate()
    {
        var model = Model();
        var snapshot = new MarketSnapshot(100, 0.5, 3, 0.01, 0.02);
        model.Quote(snapshot);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            model.Quote(snapshot);
        }

        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
