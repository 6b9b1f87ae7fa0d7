using System;
using FsCheck;
using FsCheck.Fluent;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Models.Quoting.Glft;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Quoting.Glft;

[TestFixture]
public class GlftPropertyTests
{
    private const double Mid = 100.0;

    /// <summary>A random valid setting: parameters, order size, bound N (lots) and a time fraction.</summary>
    public sealed record Case(GlftParameters Parameters, int Levels, double TimeFraction)
    {
        public override string ToString() =>
            $"γ={Parameters.RiskAversion} σ={Parameters.Volatility} A={Parameters.ArrivalRate} k={Parameters.DepthDecay} " +
            $"Δ={Parameters.OrderSize} μ={Parameters.Drift} ξ={Parameters.AdverseSelectionPerFill} {Parameters.Objective} N={Levels} t/T={TimeFraction}";
    }

    private static Gen<double> Uniform(double low, double high) =>
        Gen.Choose(0, 10_000).Select(i => low + (high - low) * i / 10_000.0);

    // Ranges keep ω = √(α/η) ≤ ~5 and N ≤ 8, so the dynamic range of v stays far inside GlftExactModel.MaxLogRange.
    private static Arbitrary<Case> Cases(bool withDrift) =>
        (from g in Uniform(0.01, 0.5)
         from s in Uniform(0.05, 1.0)
         from a in Uniform(0.5, 5.0)
         from k in Uniform(0.5, 5.0)
         from d in Gen.Elements(0.5, 1.0, 2.0)
         from mu in withDrift ? Uniform(-0.05, 0.05) : Gen.Constant(0.0)
         from xi in Uniform(0.0, 0.5)
         from objective in Gen.Elements(GlftObjective.Cara, GlftObjective.RiskNeutral)
         from n in Gen.Choose(1, 8)
         from t in Uniform(0.0, 1.0)
         select new Case(new GlftParameters(g, s, a, k, d, mu, xi, objective), n, t)).ToArbitrary();

    private static MarketSnapshot At(double time, double inventory) => new(Mid, time, inventory);

    [Test]
    public void BidIsBelowAskAndReservationFallsWithInventory()
    {
        Prop.ForAll(Cases(withDrift: true), c =>
        {
            const double horizon = 10;
            var exact = new GlftExactModel(c.Parameters, horizon, c.Levels * c.Parameters.OrderSize);
            var closed = new GlftClosedFormModel(c.Parameters);
            var time = c.TimeFraction * horizon;
            var previousExact = double.PositiveInfinity;
            var previousClosed = double.PositiveInfinity;
            var ok = true;
            for (var n = -c.Levels; n <= c.Levels; n++)
            {
                var q = n * c.Parameters.OrderSize;
                var e = exact.Quote(At(time, q));
                var f = closed.Quote(At(time, q));
                ok &= e.Bid < e.Ask && f.Bid < f.Ask;

                // Closed form: strictly decreasing everywhere. Exact: (1/2k)·ln(v_{n+1}/v_{n−1}) on the interior; at ±N
                // one side is a documented fallback price, so monotonicity is only claimed for |n| < N.
                ok &= f.Reservation < previousClosed;
                previousClosed = f.Reservation;
                if (Math.Abs(n) < c.Levels)
                {
                    ok &= e.Reservation < previousExact;
                    previousExact = e.Reservation;
                }
            }

            return ok;
        }).QuickCheckThrowOnFailure();
    }

    [Test]
    public void WithoutDriftQuotesAreMirrorImagesUnderInventoryReversal()
    {
        Prop.ForAll(Cases(withDrift: false), c =>
        {
            const double horizon = 10;
            var exact = new GlftExactModel(c.Parameters, horizon, c.Levels * c.Parameters.OrderSize);
            var closed = new GlftClosedFormModel(c.Parameters);
            var time = c.TimeFraction * horizon;
            var ok = true;
            for (var n = 0; n <= c.Levels; n++)
            {
                var q = n * c.Parameters.OrderSize;
                foreach (var (up, down) in new[]
                         {
                             (exact.Quote(At(time, q)), exact.Quote(At(time, -q))),
                             (exact.ErgodicQuote(At(time, q)), exact.ErgodicQuote(At(time, -q))),
                             (closed.Quote(At(time, q)), closed.Quote(At(time, -q))),
                         })
                {
                    // Mirror around the mid: bid depth at q = ask depth at −q, sizes swap, reservations reflect.
                    var scale = 1e-9 * (1 + Math.Abs(up.BidDepth));
                    ok &= Math.Abs(up.BidDepth - down.AskDepth) <= scale
                          && Math.Abs(up.AskDepth - down.BidDepth) <= scale
                          && Math.Abs((up.Reservation - Mid) + (down.Reservation - Mid)) <= scale
                          && up.BidSize == down.AskSize && up.AskSize == down.BidSize;
                }
            }

            return ok;
        }).QuickCheckThrowOnFailure();
    }

    [Test]
    public void FarFromTheHorizonTheExactQuotesAreTheErgodicQuotes()
    {
        Prop.ForAll(Cases(withDrift: true), c =>
        {
            var probe = new GlftExactModel(c.Parameters, 1, c.Levels * c.Parameters.OrderSize);
            var evd = GlftReference.Spectrum(probe.Generator);
            var gap = evd.EigenValues[1].Real - evd.EigenValues[0].Real;

            // τ·gap = 40: the transient is e^(−40) of the leading mode (times a ratio of eigenvector entries bounded by
            // e^(MaxLogRange) only in the worst case; here ≪ e^10), so 1e-8 in depth units is pure rounding margin.
            var horizon = 40 / gap;
            var exact = new GlftExactModel(c.Parameters, horizon, c.Levels * c.Parameters.OrderSize);
            var ok = true;
            for (var n = -c.Levels; n <= c.Levels; n++)
            {
                var q = n * c.Parameters.OrderSize;
                var e = exact.Quote(At(0, q));
                var g = exact.ErgodicQuote(At(0, q));
                ok &= Math.Abs(e.BidDepth - g.BidDepth) < 1e-8 * (1 + Math.Abs(g.BidDepth))
                      && Math.Abs(e.AskDepth - g.AskDepth) < 1e-8 * (1 + Math.Abs(g.AskDepth));
            }

            return ok;
        }).QuickCheckThrowOnFailure();
    }
}
