using System;
using System.Collections.Generic;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Models.Quoting.CarteaJaimungal;
using Lean.MarketMaking.Models.Quoting.Glft;
using Lean.MarketMaking.Models.Quoting.Toxicity;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Quoting.Toxicity;

[TestFixture]
public class ToxicityAwareQuotingModelTests
{
    private const double Mid = 100;
    private static readonly GlftParameters Glft = new(0.05, 0.5, 2.0, 3.0, 1.0);

    [Test]
    public void ResponseLevelsRoundUpAndScaleLinearly()
    {
        var r = new ToxicityResponse(maxAdverseSelectionPerFill: 0.4, maxDrift: 0.02, driftDecayTime: 30, pullThreshold: 0.8, levels: 20);
        Assert.That(r.Level(0), Is.EqualTo(0));
        Assert.That(r.Level(0.001), Is.EqualTo(1), "rounded up: never less protection than the score asks for");
        Assert.That(r.Level(0.5), Is.EqualTo(10));
        Assert.That(r.Level(1), Is.EqualTo(20));
        Assert.That(r.Level(double.NaN), Is.EqualTo(20));
        Assert.That(r.AdverseSelectionPerFill(10), Is.EqualTo(0.2).Within(1e-15));
        Assert.That(r.Drift(10, -1), Is.EqualTo(-0.01).Within(1e-15));
        Assert.That(r.Drift(10, 0), Is.EqualTo(0));
        Assert.That(r.PullsExposedSide(15), Is.False);
        Assert.That(r.PullsExposedSide(16), Is.True);
        Assert.Throws<MarketMakingException>(() => new ToxicityResponse(-1, 0, 1, 1));
        Assert.Throws<MarketMakingException>(() => new ToxicityResponse(1, 0, 0, 1));
        Assert.Throws<MarketMakingException>(() => new ToxicityResponse(1, 0, 1, 0));
        Assert.Throws<MarketMakingException>(() => new ToxicityResponse(1, 0, 1, 1, 0));
        Assert.Throws<MarketMakingException>(() => new ToxicityResponse(1, 0, 1, 1, 10, neutralScore: 1));
    }

    [Test]
    public void ScoresUpToTheNeutralScoreGetNoResponse()
    {
        var r = new ToxicityResponse(0.4, 0.02, 30, 0.5, levels: 10, neutralScore: 0.4);
        Assert.That(r.Level(0.3), Is.EqualTo(0));
        Assert.That(r.Level(0.4), Is.EqualTo(0));
        Assert.That(r.Level(0.43), Is.EqualTo(1), "excess 0.05 rounds up to 0.1");
        Assert.That(r.Level(0.7), Is.EqualTo(5), "excess (0.7 − 0.4)/0.6 = 0.5");
        Assert.That(r.PullsExposedSide(r.Level(0.7)), Is.True);
        Assert.That(r.Level(1), Is.EqualTo(10));
    }

    [Test]
    public void SnapshotRejectsBadToxicity()
    {
        Assert.Throws<MarketMakingException>(() => new MarketSnapshot(Mid, 0, 0, flowToxicity: 1.5));
        Assert.Throws<MarketMakingException>(() => new MarketSnapshot(Mid, 0, 0, flowToxicity: double.NaN));
        Assert.Throws<MarketMakingException>(() => new MarketSnapshot(Mid, 0, 0, informedSide: 2));
    }

    [Test]
    public void GlftWithoutToxicityIsThePlainModelAndWithItUsesXiAndTheView()
    {
        var response = new ToxicityResponse(0.4, 0.02, 30, 0.8, 20);
        var model = ToxicityAwareQuotingModel.Glft(Glft, response);
        var plain = new GlftClosedFormModel(Glft);
        Assert.That(model.Quote(new MarketSnapshot(Mid, 0, 2)), Is.EqualTo(plain.Quote(new MarketSnapshot(Mid, 0, 2))));

        // T = 0.5, buyers informed: ξ = 0.2 and the view +0.01 decaying over 30
        var toxic = model.Quote(new MarketSnapshot(Mid, 0, 2, flowToxicity: 0.5, informedSide: 1));
        var expected = new GlftClosedFormModel(new GlftParameters(0.05, 0.5, 2.0, 3.0, 1.0, adverseSelectionPerFill: 0.2))
            .Quote(new MarketSnapshot(Mid, 0, 2, drift: 0.01, driftDecayTime: 30));
        Assert.That(toxic, Is.EqualTo(expected));
        Assert.That(toxic.Spread, Is.GreaterThan(plain.Quote(new MarketSnapshot(Mid, 0, 2)).Spread));
        Assert.That(toxic.AskSize, Is.EqualTo(1), "below the threshold both sides stay");
    }

    [Test]
    public void PastTheThresholdTheExposedSideIsPulled()
    {
        var model = ToxicityAwareQuotingModel.Glft(Glft, new ToxicityResponse(0.4, 0.02, 30, 0.8, 20));
        var buyers = model.Quote(new MarketSnapshot(Mid, 0, 0, flowToxicity: 0.85, informedSide: 1));
        var sellers = model.Quote(new MarketSnapshot(Mid, 0, 0, flowToxicity: 0.85, informedSide: -1));
        var unknown = model.Quote(new MarketSnapshot(Mid, 0, 0, flowToxicity: 0.85));
        Assert.That((buyers.BidSize, buyers.AskSize), Is.EqualTo((1.0, 0.0)), "informed buyers: the ask is pulled");
        Assert.That((sellers.BidSize, sellers.AskSize), Is.EqualTo((0.0, 1.0)), "informed sellers: the bid is pulled");
        Assert.That((unknown.BidSize, unknown.AskSize), Is.EqualTo((1.0, 1.0)), "no side known: both widen, none pulled");
        Assert.That(buyers.Bid, Is.LessThan(buyers.Ask));
    }

    [Test]
    public void SnapshotViewAndToxicityViewAdd()
    {
        var model = ToxicityAwareQuotingModel.Glft(Glft, new ToxicityResponse(0, 0.02, 30, 2, 20));
        var quote = model.Quote(new MarketSnapshot(Mid, 0, 0, drift: -0.01, driftDecayTime: 60, flowToxicity: 1, informedSide: 1));
        // views −0.01 (h = 60) and +0.02 (h = 30): +0.01 with h = (0.01·60 + 0.02·30)/0.03 = 40
        var expected = new GlftClosedFormModel(Glft).Quote(new MarketSnapshot(Mid, 0, 0, drift: 0.01, driftDecayTime: 40));
        Assert.That(quote.Reservation, Is.EqualTo(expected.Reservation).Within(1e-12));
    }

    [Test]
    public void CarteaJaimungalRaisesBothMarketOrderPremiums()
    {
        var p = new CarteaJaimungalParameters(0.01, 0.1, 10, 1, 1, 5, 1, 60);
        var jumps = new MidPriceJumpParameters(0, 0.5, 1, 1, 0.5, 0.02, 0.04);
        var model = ToxicityAwareQuotingModel.CarteaJaimungal(p, jumps, new ToxicityResponse(0.1, 0, 1, 2, 10));
        var toxic = model.Quote(new MarketSnapshot(Mid, 0, 1, flowToxicity: 0.3));
        // ρε⁺ = 0.01 + 0.03, ρε⁻ = 0.02 + 0.03
        var expected = new CarteaJaimungalModel(p, new MidPriceJumpParameters(0, 0.5, 1, 1, 1, 0.04, 0.05)).Quote(new MarketSnapshot(Mid, 0, 1));
        Assert.That(toxic.Bid, Is.EqualTo(expected.Bid).Within(1e-12));
        Assert.That(toxic.Ask, Is.EqualTo(expected.Ask).Within(1e-12));
        Assert.That(model.Quote(new MarketSnapshot(Mid, 0, 1)), Is.EqualTo(new CarteaJaimungalModel(p, jumps).Quote(new MarketSnapshot(Mid, 0, 1))));
    }

    [Test]
    public void CarteaJaimungalToxicityAddsNoDrift()
    {
        var p = new CarteaJaimungalParameters(0.01, 0.1, 10, 3, 1, 5, 1, 60);
        var jumps = new MidPriceJumpParameters(0, 0.5, 1, 1, 0.5, 0.02, 0.04, 0, 0.3, 2);
        var model = ToxicityAwareQuotingModel.CarteaJaimungal(p, jumps, new ToxicityResponse(0.1, 0, 1, 2, 10));
        var plain = (CarteaJaimungalModel)model.ModelAt(0);
        var toxic = (CarteaJaimungalModel)model.ModelAt(10);
        Assert.That(toxic.StructuralDrift, Is.EqualTo(plain.StructuralDrift).Within(1e-15), "λ⁺Δε⁺ = λ⁻Δε⁻");
        Assert.That(plain.StructuralDrift, Is.EqualTo((3 * 0.01) - (1 * 0.02)).Within(1e-15), "the model's own drift ρ(λ⁺ε⁺ − λ⁻ε⁻) is kept");
        // λ̄ = 2·3·1/4 = 1.5: Δε⁺ = 0.1·1.5/3 = 0.05, Δε⁻ = 0.1·1.5/1 = 0.15, mean 0.1 = ξ
        Assert.That(toxic.Jumps.AskAdverseSelection, Is.EqualTo(0.01 + 0.05).Within(1e-15));
        Assert.That(toxic.Jumps.BidAdverseSelection, Is.EqualTo(0.02 + 0.15).Within(1e-15));
        Assert.That((toxic.Jumps.VolatilityClustering, toxic.Jumps.ClusteringDecayRate), Is.EqualTo((0.3, 2.0)), "clustering kept");
    }

    [Test]
    public void TheEnvelopeHoldsTheExposedSideAndOtherwiseKeepsTheModelsQuote()
    {
        // GLFT long 3 with informed buyers: the wrapped model's ask comes in as ξ grows (the skew grows as e^(kξ/4))
        var model = ToxicityAwareQuotingModel.Glft(new GlftParameters(0.2, 0.9, 2, 9), new ToxicityResponse(0.9, 0, 1, 2, 10));
        var snapshot = new MarketSnapshot(Mid, 0, 3, flowToxicity: 1, informedSide: 1);
        var raw = new[] { model.QuoteAt(0, snapshot), model.QuoteAt(10, snapshot) };
        Assert.That(raw[1].AskDepth, Is.LessThan(raw[0].AskDepth), "the model alone moves the exposed ask in");
        var quote = model.Quote(snapshot);
        var envelope = Enumerable.Range(0, 11).Max(j => model.QuoteAt(j, snapshot).AskDepth);
        Assert.That(quote.AskDepth, Is.EqualTo(envelope).Within(1e-12), "held at the most protective lower level");
        Assert.That(quote.BidDepth, Is.EqualTo(raw[1].BidDepth).Within(1e-12), "the other side is the model's");
        Assert.That(quote.Reservation, Is.EqualTo(raw[1].Reservation));
        Assert.That(model.PulledQuotes, Is.Zero, "threshold 2: never pulled");

        // flat inventory: monotone already, the model's own quote
        var flat = new MarketSnapshot(Mid, 0, 0, flowToxicity: 1, informedSide: 1);
        Assert.That(model.Quote(flat), Is.EqualTo(model.QuoteAt(10, flat)));
    }

    [Test]
    public void PulledQuotesAreCounted()
    {
        var model = ToxicityAwareQuotingModel.Glft(Glft, new ToxicityResponse(0.4, 0.02, 30, 0.8, 20));
        model.Quote(new MarketSnapshot(Mid, 0, 0, flowToxicity: 0.85, informedSide: 1));
        model.Quote(new MarketSnapshot(Mid, 0, 0, flowToxicity: 0.85));
        model.Quote(new MarketSnapshot(Mid, 0, 0, flowToxicity: 0.5, informedSide: -1));
        model.Quote(new MarketSnapshot(Mid, 0, 0, flowToxicity: 0.9, informedSide: -1));
        Assert.That(model.PulledQuotes, Is.EqualTo(2));
    }

    public sealed record Case(IQuotingModel Model, double Inventory, double Time, double Lower, double Higher, int Side, string Name)
    {
        public override string ToString() => $"{Name} q={Inventory} t={Time} T: {Lower} → {Higher} side={Side}";
    }

    private static Gen<double> Uniform(double low, double high) =>
        Gen.Choose(0, 10_000).Select(i => low + (high - low) * i / 10_000.0);

    private static Arbitrary<Case> Cases() =>
        (from useCj in Gen.Elements(false, true)
         from g in Uniform(0.01, 0.5)
         from s in Uniform(0.05, 1.0)
         from a in Uniform(0.5, 5.0)
         from k in Uniform(0.5, 10.0)
         from xiMax in Uniform(0.0, 1.0)
         from muMax in Uniform(0.0, 0.05)
         from h in Uniform(1, 100)
         from threshold in Uniform(0.3, 1.2)
         from neutral in Uniform(0, 0.9)
         from q in Gen.Choose(-3, 3)
         from t in Uniform(0, 50)
         from t1 in Uniform(0, 1)
         from t2 in Uniform(0, 1)
         from side in Gen.Elements(-1, 0, 1)
         select Build(useCj, g, s, a, k, xiMax, muMax, h, threshold, neutral, q, t, Math.Min(t1, t2), Math.Max(t1, t2), side)).ToArbitrary();

    // CJ: φ = γσ², α = γ, κ = k, λ⁺ = A, λ⁻ = A(½ + σ), q̄ = 5, horizon 60; GLFT: γ, σ, A, k.
    private static Case Build(bool useCj, double g, double s, double a, double k, double xiMax, double muMax, double h, double threshold,
        double neutral, int q, double t, double lower, double higher, int side)
    {
        var response = new ToxicityResponse(xiMax, muMax, h, threshold, 20, neutral);
        var model = useCj
            ? ToxicityAwareQuotingModel.CarteaJaimungal(new CarteaJaimungalParameters(g * s * s, g, k, a, a * (0.5 + s), 5, 1, 60), null, response)
            : ToxicityAwareQuotingModel.Glft(new GlftParameters(g, s, a, k), response);
        return new Case(model, q, t, lower, higher, side, useCj ? "CJ" : "GLFT");
    }

    /// <summary>
    /// More toxic flow never narrows the spread nor moves the exposed side's quote towards the mid (GLFT and CJ, with and
    /// without an informed side), and past the threshold the exposed side is pulled. Until 2026-12-03 this held only for
    /// GLFT without a side; the fixed cases below are counterexamples found by this property before the envelope.
    /// </summary>
    [TestCase(2_000)]
    [TestCase(100_000, Explicit = true, Reason = "the long run (about half an hour on a loaded 2-core machine)")]
    public void MoreToxicFlowNeverNarrowsTheSpreadNorMovesTheExposedSideInAndPastTheThresholdPullsIt(int cases)
    {
        Prop.ForAll(Cases(), c => Check(c).Label(c.ToString())).Check(Config.QuickThrowOnFailure.WithMaxTest(cases));
    }

    // Found by the property (and by longer searches) on the earlier mapping; the pull threshold 1.2 (never) where the
    // search did not record it: it does not change the quotes.
    private static IEnumerable<TestCaseData> Counterexamples()
    {
        // CJ, no side: the drift ξ(λ⁺ − λ⁻) of raising both ε± by ξ narrowed the spread 2.142 → 1.933
        yield return new TestCaseData(Build(true, 0.327912, 0.66237, 4.5338, 7.2317, 0.956, 0, 1, 1.2, 0.7346699999999999, -1, 26.69, 0.8714, 0.9252, 0)).SetName("CJ without a side, q = -1");
        // CJ, buyers informed, long 3: the exposed ask went from 0.027 to −0.115 (through the mid)
        yield return new TestCaseData(Build(true, 0.015586, 0.926185, 2.3216, 5.2994, 0.7142, 0.001905, 11.4742, 1.2, 0.32922, 3, 4.22, 0.2148, 0.4042, 1)).SetName("CJ buyers informed, q = 3");
        // CJ, sellers informed, long 2: the exposed bid went from 0.134 to −0.214 (through the mid)
        yield return new TestCaseData(Build(true, 0.06541899999999999, 0.132365, 2.54435, 8.1589, 0.5981, 0.009705000000000002, 24.1462, 1.2, 0.80649, 2, 3.065, 0.4741, 0.9417, -1)).SetName("CJ sellers informed, q = 2");
        // GLFT, sellers informed, short 3: the exposed bid rose (depth −0.1295 → −0.1300) as e^(kξ/4) grew the skew
        yield return new TestCaseData(Build(false, 0.19262300000000002, 0.845055, 2.2685, 5.3621, 0.9835, 0.044410000000000005, 36.7192, 0.60501, 0.14796, -3, 12.28, 0.0177, 0.4948, -1)).SetName("GLFT sellers informed, q = -3");
        // GLFT, buyers informed, long 3: the exposed ask's depth fell from −0.188 to −0.747
        yield return new TestCaseData(Build(false, 0.188409, 0.8965449999999999, 2.05205, 9.14595, 0.8814, 0.049210000000000004, 15.5332, 0.8219099999999999, 0.33912000000000003, 3, 47.825, 0.4557, 0.8668, 1)).SetName("GLFT buyers informed, q = 3");
    }

    [TestCaseSource(nameof(Counterexamples))]
    public void CounterexamplesOfTheEarlierMappingAreMonotone(Case c) => Assert.That(Check(c), Is.True, c.ToString());

    private static bool Check(Case c)
    {
        var model = (ToxicityAwareQuotingModel)c.Model;
        var low = model.Quote(new MarketSnapshot(Mid, c.Time, c.Inventory, flowToxicity: c.Lower, informedSide: c.Side));
        var high = model.Quote(new MarketSnapshot(Mid, c.Time, c.Inventory, flowToxicity: c.Higher, informedSide: c.Side));
        var wider = high.Spread >= low.Spread - 1e-9;
        var exposedHeld = c.Side == 0 || (c.Side > 0 ? high.AskDepth >= low.AskDepth - 1e-9 : high.BidDepth >= low.BidDepth - 1e-9);
        var pulled = c.Side == 0 || !model.Response.PullsExposedSide(model.Response.Level(c.Higher))
                     || (c.Side > 0 ? high.AskSize == 0 : high.BidSize == 0);
        return wider && exposedHeld && pulled;
    }
}
