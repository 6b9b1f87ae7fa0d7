using System;
using FsCheck;
using FsCheck.Fluent;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Models.Quoting.CarteaJaimungal;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Quoting.CarteaJaimungal;

[TestFixture]
public class CarteaJaimungalPropertyTests
{
    public sealed record Case(CarteaJaimungalParameters Parameters, MidPriceJumpParameters Jumps, double Time, double SignalDrift)
    {
        public override string ToString() =>
            $"φ={Parameters.RunningPenalty} α={Parameters.TerminalPenalty} κ={Parameters.FillDecay} λ+={Parameters.BuyOrderRate} "
            + $"λ-={Parameters.SellOrderRate} q̄={Parameters.MaxInventory} T={Parameters.Horizon} t={Time} μ={SignalDrift} "
            + $"λJ={Jumps.JumpIntensity} p={Jumps.UpwardJumpProbability} η+={Jumps.UpwardJumpRate} η-={Jumps.DownwardJumpRate} "
            + $"ρ={Jumps.MarketOrderJumpProbability} ε+={Jumps.BuyOrderJumpSize} ε-={Jumps.SellOrderJumpSize} γ={Jumps.JumpRiskAversion}";
    }

    // Seconds and dollars: κ 10–1000 per $, 0.2–5 market orders per second, q̄ up to 40 lots, penalties up to
    // φ = 1e-2 $/s and α = 3e-2 $, horizons from one second to 1e7 seconds (ergodic regime, where unscaled exp(𝐀T)
    // overflows). Jumps: up to 2 per second with mean sizes 0.001–0.01 $, market-order impact up to 0.002 $; total
    // drifts stay within ~±0.02 $/s. Many cases need the positive-series fallback (values far below the best
    // inventory's). Outside such a domain (e.g. a drift of 0.02 $/s held for 1e7 s with κ = 800 and q̄ = 40, where
    // neighbouring inventories' values differ by factors beyond e^40 per lot) the model reports NumericalInstability.
    private static readonly Gen<CarteaJaimungalParameters> ParameterGen =
        from phi in Gen.Choose(0, 1000)
        from alpha in Gen.Choose(0, 300)
        from kappa in Gen.Choose(10, 1000)
        from buy in Gen.Choose(2, 50)
        from sell in Gen.Choose(2, 50)
        from qbar in Gen.Choose(1, 40)
        from horizon in Gen.Elements(1.0, 60.0, 3600.0, 1e5, 1e7)
        select new CarteaJaimungalParameters(phi * 1e-5, alpha * 1e-4, kappa, buy / 10.0, sell / 10.0, qbar, 1, horizon);

    private static readonly Gen<MidPriceJumpParameters> JumpGen =
        from intensity in Gen.Choose(0, 20)
        from p in Gen.Choose(0, 10)
        from up in Gen.Choose(100, 1000)
        from down in Gen.Choose(100, 1000)
        from rho in Gen.Choose(0, 10)
        from eUp in Gen.Choose(0, 20)
        from eDown in Gen.Choose(0, 20)
        from gamma in Gen.Choose(0, 10)
        select new MidPriceJumpParameters(intensity / 10.0, p / 10.0, up, down, rho / 10.0, eUp * 1e-4, eDown * 1e-4, gamma / 10.0);

    private static readonly Arbitrary<Case> Cases =
        (from parameters in ParameterGen
         from jumps in JumpGen
         from fraction in Gen.Choose(0, 1000)
         from drift in Gen.Choose(-100, 100)
         select new Case(parameters, jumps, parameters.Horizon * fraction / 1000.0, drift * 1e-5)).ToArbitrary();

    private static TwoSidedQuote QuoteAt(CarteaJaimungalModel model, Case c, int q) =>
        model.Quote(new MarketSnapshot(100, c.Time, q, c.SignalDrift));

    [Test]
    public void QuotesAreFiniteAndUncrossedAtEveryInventory() =>
        Prop.ForAll(Cases, c =>
        {
            var model = new CarteaJaimungalModel(c.Parameters, c.Jumps);
            var qbar = c.Parameters.MaxInventory;
            for (var q = -qbar; q <= qbar; q++)
            {
                var quote = QuoteAt(model, c, q);
                var ok = double.IsFinite(quote.Bid) && double.IsFinite(quote.Ask) && double.IsFinite(quote.Reservation)
                         && quote.Bid < quote.Ask
                         && quote.BidSize == (q < qbar ? 1 : 0) && quote.AskSize == (q > -qbar ? 1 : 0);
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));

    [Test]
    public void ReservationPriceDecreasesWithInventory() =>
        Prop.ForAll(Cases, c =>
        {
            var model = new CarteaJaimungalModel(c.Parameters, c.Jumps);
            var qbar = c.Parameters.MaxInventory;
            var previous = QuoteAt(model, c, -qbar).Reservation;
            for (var q = -qbar + 1; q <= qbar; q++)
            {
                var r = QuoteAt(model, c, q).Reservation;
                // h is concave in q, so r(q) = s + (h(q+1) − h(q−1))/2 + const is non-increasing; 1e-10 $ absorbs round-off.
                if (r > previous + 1e-10)
                {
                    return false;
                }

                previous = r;
            }

            return true;
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(200));
}
