using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Models.Quoting.AvellanedaStoikov;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Quoting.AvellanedaStoikov;

[TestFixture]
public class AvellanedaStoikovModelTests
{
    // The paper's simulation parameters (§3.3): γ = 0.1, σ = 2, k = 1.5, T = 1.
    private static AvellanedaStoikovModel PaperModel(double orderSize = 1, double premium = 0) =>
        new(new AvellanedaStoikovParameters(0.1, 2, 1.5, 1, orderSize, premium));

    [Test]
    public void MatchesHandComputedQuoteOfEquations29And30()
    {
        // t = 0.25, τ = 0.75, q = 2, s = 100: γσ²τ = 0.3, r = 100 − 2·0.3 = 99.4 (eq. 29);
        // (1/γ)ln(1 + γ/k) = 10·ln(16/15) = 0.6453852113757116; spread = 0.3 + 2·0.64538… = 1.5907704227514232 (eq. 30).
        var quote = PaperModel().Quote(new MarketSnapshot(100, 0.25, 2));
        Assert.Multiple(() =>
        {
            Assert.That(quote.Reservation, Is.EqualTo(99.4).Within(1e-12));
            Assert.That(quote.Spread, Is.EqualTo(1.5907704227514232).Within(1e-12));
            Assert.That(quote.Bid, Is.EqualTo(98.60461478862429).Within(1e-12));
            Assert.That(quote.Ask, Is.EqualTo(100.19538521137572).Within(1e-12));
            Assert.That(quote.BidDepth, Is.EqualTo(100 - 98.60461478862429).Within(1e-12));
            Assert.That(quote.AskDepth, Is.EqualTo(100.19538521137572 - 100).Within(1e-12));
            Assert.That(quote.BidSize, Is.EqualTo(1));
            Assert.That(quote.AskSize, Is.EqualTo(1));
        });
    }

    [Test]
    public void DriftShiftsTheReservationPriceByMuTauAndKeepsTheSpread()
    {
        // μ = 0.4 per time unit, τ = 0.75: r = 99.4 + 0.3 = 99.7, spread unchanged.
        var quote = PaperModel().Quote(new MarketSnapshot(100, 0.25, 2, drift: 0.4));
        Assert.That(quote.Reservation, Is.EqualTo(99.7).Within(1e-12));
        Assert.That(quote.Bid, Is.EqualTo(98.90461478862429).Within(1e-12));
        Assert.That(quote.Ask, Is.EqualTo(100.49538521137572).Within(1e-12));
    }

    [Test]
    public void AdverseSelectionWidensBothDepthsByPremiumPlusSignal()
    {
        var plain = PaperModel().Quote(new MarketSnapshot(100, 0.25, 2));
        var widened = PaperModel(premium: 0.05).Quote(new MarketSnapshot(100, 0.25, 2, adverseSelection: 0.02));
        Assert.That(widened.BidDepth - plain.BidDepth, Is.EqualTo(0.07).Within(1e-12));
        Assert.That(widened.AskDepth - plain.AskDepth, Is.EqualTo(0.07).Within(1e-12));
        Assert.That(widened.Reservation, Is.EqualTo(plain.Reservation));
    }

    [Test]
    public void AtAndAfterTheHorizonQuotesTheArrivalSpreadAroundTheMid()
    {
        // τ = max(T − t, 0) = 0: r = s, spread = (2/γ)ln(1 + γ/k) = 1.2907704227514232.
        foreach (var time in new[] { 1.0, 3.0 })
        {
            var quote = PaperModel().Quote(new MarketSnapshot(100, time, 5));
            Assert.That(quote.Reservation, Is.EqualTo(100));
            Assert.That(quote.Spread, Is.EqualTo(1.2907704227514232).Within(1e-12));
        }
    }

    [Test]
    public void OptimalSpreadIsEquation30AndIgnoresInventory()
    {
        var model = PaperModel();
        Assert.That(model.OptimalSpread(0.25), Is.EqualTo(1.5907704227514232).Within(1e-12));
        Assert.That(model.Quote(new MarketSnapshot(100, 0.25, -7)).Spread, Is.EqualTo(model.OptimalSpread(0.25)).Within(1e-12));
        Assert.Throws<MarketMakingException>(() => model.OptimalSpread(double.NaN));
    }

    [Test]
    public void LotsOfZUnitsUseTheLotIndifferencePrices()
    {
        // z = 3 units per fill at t = 0.25 (τ = 0.75, γσ²τ = 0.3), q = 2, s = 100: the frozen-inventory value
        // −e^(−γx)e^(−γqs)e^(½γ²q²σ²τ) is indifferent to buying z units at rᵇ = s − (2q + z)γσ²τ/2 = 98.95 and selling z at
        // rᵃ = s − (2q − z)γσ²τ/2 = 99.85; the offset is (1/(γz))ln(1 + γz/k) = (1/0.3)ln(1.2) = 0.6077385226465...
        // The model used to keep the one-share spread γσ²τ + (2/γ)ln(1 + γ/k) = 1.59077 whatever the size.
        var model = PaperModel(orderSize: 3);
        var quote = model.Quote(new MarketSnapshot(100, 0.25, 2));
        Assert.Multiple(() =>
        {
            Assert.That(quote.Bid, Is.EqualTo(98.34226147735349).Within(1e-12));
            Assert.That(quote.Ask, Is.EqualTo(100.45773852264651).Within(1e-12));
            Assert.That(quote.Reservation, Is.EqualTo(99.4).Within(1e-12), "the average of rᵇ and rᵃ is still (29)");
            Assert.That(model.OptimalSpread(0.25), Is.EqualTo(2.115477045293022).Within(1e-12));
        });
    }

    [Test]
    public void QuotesTheOrderSizeOnBothSides()
    {
        var quote = PaperModel(orderSize: 250).Quote(new MarketSnapshot(100, 0, 0));
        Assert.That(quote.BidSize, Is.EqualTo(250));
        Assert.That(quote.AskSize, Is.EqualTo(250));
    }

    [Test]
    public void TinyRiskAversionGivesTheRiskNeutralSpreadTwoOverK()
    {
        // γ = 1e-12: (2/γ)ln(1 + γ/k) = 2/k − γ/k² + … = 1.3333333333328889; γσ²τ = 4e-12. A naive ln(1 + x) would be off by ~1e-4 here.
        var model = new AvellanedaStoikovModel(new AvellanedaStoikovParameters(1e-12, 2, 1.5, 1));
        Assert.That(model.OptimalSpread(0), Is.EqualTo(2 / 1.5 - 1e-12 / (1.5 * 1.5) + 4e-12).Within(1e-15));
    }

    [Test]
    public void DoesNotAllocate()
    {
        var model = PaperModel();
        var snapshot = new MarketSnapshot(100, 0.5, 3);
        model.Quote(snapshot);
        var before = System.GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            model.Quote(snapshot);
        }

        Assert.That(System.GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
