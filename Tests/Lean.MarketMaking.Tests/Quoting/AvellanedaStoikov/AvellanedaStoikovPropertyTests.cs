using System;
using FsCheck;
using FsCheck.Fluent;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Models.Quoting.AvellanedaStoikov;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Quoting.AvellanedaStoikov;

[TestFixture]
public class AvellanedaStoikovPropertyTests
{
    private static Gen<double> Uniform(double low, double high) =>
        Gen.Choose(0, 1_000_000).Select(i => low + (high - low) * (i / 1e6));

    private static Gen<double> LogUniform(double low, double high) =>
        Gen.Choose(0, 1_000_000).Select(i => low * Math.Pow(high / low, i / 1e6));

    /// <summary>A valid finite-horizon model state. γσ²τ ≥ 1e-11 and |Δq| ≥ 0.5 keep inventory effects above the
    /// resolution of doubles at mids up to 1000.</summary>
    public sealed record FiniteCase(double Gamma, double Sigma, double K, double Horizon, double Time, double Mid, double Q, double DeltaQ)
    {
        public AvellanedaStoikovModel Model => new(new AvellanedaStoikovParameters(Gamma, Sigma, K, Horizon));

        public TwoSidedQuote Quote(double inventory) => Model.Quote(new MarketSnapshot(Mid, Time, inventory));
    }

    private static Gen<FiniteCase> FiniteCases(double minGamma, double maxGamma) =>
        from gamma in LogUniform(minGamma, maxGamma)
        from sigma in LogUniform(0.01, 10)
        from k in LogUniform(0.1, 10)
        from horizon in LogUniform(0.01, 10)
        from fraction in Uniform(0, 0.99)
        from mid in LogUniform(1, 1000)
        from q in Uniform(-50, 50)
        from dq in Uniform(0.5, 10)
        select new FiniteCase(gamma, sigma, k, horizon, fraction * horizon, mid, q, dq);

    public sealed record InfiniteCase(double Gamma, double Sigma, double K, double Omega, double MaxInventory, double Mid, double Q)
    {
        public TwoSidedQuote Quote(double inventory) =>
            new InfiniteHorizonAvellanedaStoikovModel(new InfiniteHorizonAvellanedaStoikovParameters(Gamma, Sigma, K, Omega, MaxInventory))
                .Quote(new MarketSnapshot(Mid, 0, inventory));
    }

    // ω from just above the bound ½γ²σ²(q_max + 1)² (relative margin 1e-9) to 11 times it; q anywhere in [−q_max, q_max].
    private static Gen<InfiniteCase> InfiniteCases() =>
        from gamma in LogUniform(1e-3, 10)
        from sigma in LogUniform(0.01, 10)
        from k in LogUniform(0.1, 10)
        from maxInventory in Uniform(1, 50)
        from margin in LogUniform(1e-9, 10)
        from mid in LogUniform(1, 1000)
        from position in Uniform(-1, 1)
        select new InfiniteCase(
            gamma,
            sigma,
            k,
            InfiniteHorizonAvellanedaStoikovParameters.MinimumDiscountRate(gamma, sigma, maxInventory) * (1 + margin),
            maxInventory,
            mid,
            position * maxInventory);

    [Test]
    public void BidIsBelowAsk() =>
        Prop.ForAll(FiniteCases(1e-3, 10).ToArbitrary(), c => c.Quote(c.Q).Bid < c.Quote(c.Q).Ask).QuickCheckThrowOnFailure();

    [Test]
    public void ReservationStrictlyDecreasesWithInventory() =>
        Prop.ForAll(
                FiniteCases(1e-3, 10).ToArbitrary(),
                c => c.Quote(c.Q + c.DeltaQ).Reservation < c.Quote(c.Q).Reservation)
            .QuickCheckThrowOnFailure();

    [Test]
    public void QuoteOfMinusQIsTheMirrorImageOfQuoteOfQ() =>
        Prop.ForAll(
                FiniteCases(1e-3, 10).ToArbitrary(),
                c =>
                {
                    var up = c.Quote(c.Q);
                    var down = c.Quote(-c.Q);
                    return up.BidDepth == down.AskDepth && up.AskDepth == down.BidDepth;
                })
            .QuickCheckThrowOnFailure();

    [Test]
    public void SpreadTendsToTwoOverKAsRiskAversionVanishes() =>
        // (2/γ)ln(1 + x) with x = γ/k < 1 is an alternating series with decreasing terms, so
        // |(2/γ)ln(1 + γ/k) − (2/k − γ/k²)| ≤ (2/γ)·x³/3 = 2γ²/(3k³); add 1e-14 relative for rounding. A naive ln(1 + x)
        // would be off by ~1e-16/γ here and fail for the smallest γ.
        Prop.ForAll(
                FiniteCases(1e-9, 1e-3).ToArbitrary(),
                c =>
                {
                    var inventoryTerm = c.Gamma * c.Sigma * c.Sigma * (c.Horizon - c.Time);
                    var expected = inventoryTerm + 2 / c.K - c.Gamma / (c.K * c.K);
                    var bound = 2 * c.Gamma * c.Gamma / (3 * c.K * c.K * c.K) + 1e-14 * (2 / c.K + inventoryTerm);
                    return Math.Abs(c.Model.OptimalSpread(c.Time) - expected) <= bound;
                })
            .QuickCheckThrowOnFailure();

    [Test]
    public void InfiniteHorizonBidIsBelowAskOverTheValidDomain() =>
        Prop.ForAll(InfiniteCases().ToArbitrary(), c => c.Quote(c.Q).Bid < c.Quote(c.Q).Ask).QuickCheckThrowOnFailure();

    [Test]
    public void InfiniteHorizonReservationDecreasesWithInventory() =>
        // r̄(q) − s = (1/2γ)·ln(D(q + 1)/D(q − 1)) with D(j) = ω − ½γ²σ²j²; its derivative in q is −γσ²·(g(q + 1) − g(q − 1))
        // with g(j) = j/D(j) increasing, so r̄ strictly decreases on [−q_max, q_max]. Compared at q and q + 1/2 (clamped).
        Prop.ForAll(
                InfiniteCases().ToArbitrary(),
                c =>
                {
                    var lower = Math.Min(c.Q, c.MaxInventory - 0.5);
                    return c.Quote(lower + 0.5).Reservation < c.Quote(lower).Reservation;
                })
            .QuickCheckThrowOnFailure();

    [Test]
    public void InfiniteHorizonQuoteOfMinusQIsTheMirrorImageOfQuoteOfQ() =>
        // Without drift D(j) is even in j, so the ask offset at −q is minus the bid offset at q; the two are computed from
        // different log1p arguments, hence a relative tolerance of 1e-9 instead of bit equality.
        Prop.ForAll(
                InfiniteCases().ToArbitrary(),
                c =>
                {
                    var up = c.Quote(c.Q);
                    var down = c.Quote(-c.Q);
                    return Math.Abs(up.BidDepth - down.AskDepth) <= 1e-9 * Math.Max(1, Math.Abs(up.BidDepth))
                        && Math.Abs(up.AskDepth - down.BidDepth) <= 1e-9 * Math.Max(1, Math.Abs(up.AskDepth));
                })
            .QuickCheckThrowOnFailure();
}
