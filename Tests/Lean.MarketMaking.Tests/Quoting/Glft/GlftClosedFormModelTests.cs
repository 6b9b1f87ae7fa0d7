using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Models.Quoting.Glft;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Quoting.Glft;

[TestFixture]
public class GlftClosedFormModelTests
{
    // hftbacktest, examples/"GLFT Market Making Model and Grid Trading.ipynb": A and k fitted on ETHUSDT 2022-10-03
    // (ticks, seconds), γ = ξ = 0.05, Δ = 1, σ = 10.69 ticks/√s, printed half_spread_tick and skew.
    private const double HftA = 2.986162360812285;
    private const double HftK = 0.04235741115084049;
    private const double HftHalfSpread = 20.47208533844371;
    private const double HftSkew = 9.76326865029227;

    private static GlftParameters Hftbacktest(double drift = 0, double xi = 0) =>
        new(riskAversion: 0.05, volatility: 10.69, arrivalRate: HftA, depthDecay: HftK, orderSize: 1, drift: drift, adverseSelectionPerFill: xi);

    [Test]
    public void ReproducesHftbacktestHalfSpreadAndSkew()
    {
        var model = new GlftClosedFormModel(Hftbacktest());
        // The notebook prints 16 significant digits; both computations are a few flops from the same inputs,
        // so agreement is limited only by rounding in the pow/log/sqrt chain (≈1e-15 relative); 1e-10 leaves margin.
        Assert.That(model.HalfSpread, Is.EqualTo(HftHalfSpread).Within(HftHalfSpread * 1e-10));
        Assert.That(model.Skew, Is.EqualTo(HftSkew).Within(HftSkew * 1e-10));
    }

    [Test]
    public void QuotesAreMidMinusSkewTimesInventoryPlusMinusHalfSpread()
    {
        var model = new GlftClosedFormModel(Hftbacktest());
        var quote = model.Quote(new MarketSnapshot(mid: 1000, time: 0, inventory: 2));
        // hftbacktest: bid = fair − (half spread + skew·q), ask = fair + (half spread − skew·q).
        Assert.That(quote.Bid, Is.EqualTo(1000 - (HftHalfSpread + 2 * HftSkew)).Within(1e-8));
        Assert.That(quote.Ask, Is.EqualTo(1000 + (HftHalfSpread - 2 * HftSkew)).Within(1e-8));
        Assert.That(quote.Reservation, Is.EqualTo(1000 - 2 * HftSkew).Within(1e-8));
        Assert.That(quote.BidSize, Is.EqualTo(1.0));
        Assert.That(quote.AskSize, Is.EqualTo(1.0));
    }

    [Test]
    public void MatchesGueant2017FormulasWrittenOut()
    {
        // (4.6)/(4.7) with Δ = 3, model A (ξᵤ = γ) and model B (ξᵤ = 0, where the first term is 1/k and the power e).
        const double g = 0.2, s = 1.3, a = 1.7, k = 0.9, d = 3, q = -6;
        var x = g * d / k;
        var rootA = Math.Sqrt(g * s * s / (2 * a * d * k) * Math.Pow(1 + x, k / (g * d) + 1));
        var expectedBidA = Math.Log(1 + x) / (g * d) + (2 * q + d) / 2 * rootA;
        var expectedAskA = Math.Log(1 + x) / (g * d) - (2 * q - d) / 2 * rootA;
        var rootB = Math.Sqrt(g * s * s / (2 * a * d * k) * Math.E);
        var expectedBidB = 1 / k + (2 * q + d) / 2 * rootB;
        var expectedAskB = 1 / k - (2 * q - d) / 2 * rootB;

        var snapshot = new MarketSnapshot(100, 0, q);
        var cara = new GlftClosedFormModel(new GlftParameters(g, s, a, k, d, objective: GlftObjective.Cara)).Quote(snapshot);
        var neutral = new GlftClosedFormModel(new GlftParameters(g, s, a, k, d, objective: GlftObjective.RiskNeutral)).Quote(snapshot);
        Assert.That(cara.BidDepth, Is.EqualTo(expectedBidA).Within(1e-12));
        Assert.That(cara.AskDepth, Is.EqualTo(expectedAskA).Within(1e-12));
        Assert.That(neutral.BidDepth, Is.EqualTo(expectedBidB).Within(1e-12));
        Assert.That(neutral.AskDepth, Is.EqualTo(expectedAskB).Within(1e-12));
    }

    [Test]
    public void CaraTendsToTheRiskNeutralLimitAsGammaDeltaOverKVanishes()
    {
        // With x = γΔ/k → 0: (1/(γΔ))ln(1+x) = (1/k)(1 − x/2 + …) and (1+x)^(1/x+1) = e(1 + x/2 + …),
        // so the two objectives differ by O(x) relatively. x = 1e-9 here: tolerance 1e-8 relative.
        var cara = new GlftClosedFormModel(new GlftParameters(1e-9, 2.0, 1.0, 1.0, objective: GlftObjective.Cara));
        var neutral = new GlftClosedFormModel(new GlftParameters(1e-9, 2.0, 1.0, 1.0, objective: GlftObjective.RiskNeutral));
        Assert.That(cara.Parameters.BaseDepth, Is.EqualTo(1.0).Within(1e-8));
        Assert.That(cara.Skew, Is.EqualTo(neutral.Skew).Within(neutral.Skew * 1e-8));
        Assert.That(cara.HalfSpread, Is.EqualTo(neutral.HalfSpread).Within(neutral.HalfSpread * 1e-8));
    }

    [Test]
    public void DriftExtensionMatchesGlft2013Section51ClosedForm()
    {
        // GLFT §5.1: δᵇ ≈ (1/γ)ln(1+γ/k) + [−μ/(γσ²) + (2q+1)/2]·√(σ²γ/(2kA)·(1+γ/k)^(1+k/γ)), δᵃ with [μ/(γσ²) − (2q−1)/2].
        const double g = 0.05, s = 10.69, mu = 3.0, q = 1;
        var root = Math.Sqrt(s * s * g / (2 * HftK * HftA) * Math.Pow(1 + g / HftK, 1 + HftK / g));
        var c = Math.Log(1 + g / HftK) / g;
        var expectedBid = c + (-mu / (g * s * s) + (2 * q + 1) / 2) * root;
        var expectedAsk = c + (mu / (g * s * s) - (2 * q - 1) / 2) * root;

        var quote = new GlftClosedFormModel(Hftbacktest(drift: mu)).Quote(new MarketSnapshot(1000, 0, q));
        Assert.That(quote.BidDepth, Is.EqualTo(expectedBid).Within(1e-9));
        Assert.That(quote.AskDepth, Is.EqualTo(expectedAsk).Within(1e-9));

        // The snapshot's drift adds to the parameter's: μ = 1 + 2 gives the same quote as μ = 3.
        var split = new GlftClosedFormModel(Hftbacktest(drift: 1.0)).Quote(new MarketSnapshot(1000, 0, q, drift: 2.0));
        Assert.That(split.Bid, Is.EqualTo(quote.Bid).Within(1e-9));
        Assert.That(split.Ask, Is.EqualTo(quote.Ask).Within(1e-9));
    }

    [Test]
    public void AdverseSelectionExtensionMatchesGlft2013Section52ClosedForm()
    {
        // GLFT §5.2: δᵇ ≈ (1/γ)ln(1+γ/k) + ξ/2 + (2q+1)/2·e^(kξ/4)·√(…), δᵃ ≈ … + ξ/2 − (2q−1)/2·e^(kξ/4)·√(…).
        const double g = 0.05, s = 10.69, xi = 7.0, q = -3;
        var root = Math.Sqrt(s * s * g / (2 * HftK * HftA) * Math.Pow(1 + g / HftK, 1 + HftK / g));
        var c = Math.Log(1 + g / HftK) / g;
        var side = Math.Exp(HftK * xi / 4);
        var quote = new GlftClosedFormModel(Hftbacktest(xi: xi)).Quote(new MarketSnapshot(1000, 0, q));
        Assert.That(quote.BidDepth, Is.EqualTo(c + xi / 2 + (2 * q + 1) / 2 * side * root).Within(1e-9));
        Assert.That(quote.AskDepth, Is.EqualTo(c + xi / 2 - (2 * q - 1) / 2 * side * root).Within(1e-9));
    }

    [Test]
    public void ZeroDriftAndZeroAdverseSelectionReduceToTheBaseModel()
    {
        var baseQuote = new GlftClosedFormModel(new GlftParameters(0.05, 10.69, HftA, HftK)).Quote(new MarketSnapshot(1000, 0, 4));
        var extended = new GlftClosedFormModel(Hftbacktest(drift: 0.0, xi: 0.0)).Quote(new MarketSnapshot(1000, 0, 4));
        Assert.That(extended, Is.EqualTo(baseQuote));
    }

    [Test]
    public void SnapshotAdverseSelectionPremiumWidensBothSides()
    {
        var model = new GlftClosedFormModel(Hftbacktest());
        var plain = model.Quote(new MarketSnapshot(1000, 0, 1));
        var wide = model.Quote(new MarketSnapshot(1000, 0, 1, adverseSelection: 2.5));
        Assert.That(wide.BidDepth - plain.BidDepth, Is.EqualTo(2.5).Within(1e-9));
        Assert.That(wide.AskDepth - plain.AskDepth, Is.EqualTo(2.5).Within(1e-9));
        Assert.That(wide.Reservation, Is.EqualTo(plain.Reservation).Within(1e-9));
    }

    [TestCase(0.0, 1.0, 1.0, 1.0, 1.0, 0.0, "riskAversion")]
    [TestCase(0.1, -1.0, 1.0, 1.0, 1.0, 0.0, "volatility")]
    [TestCase(0.1, 1.0, 0.0, 1.0, 1.0, 0.0, "arrivalRate")]
    [TestCase(0.1, 1.0, 1.0, double.NaN, 1.0, 0.0, "depthDecay")]
    [TestCase(0.1, 1.0, 1.0, 1.0, 0.0, 0.0, "orderSize")]
    [TestCase(0.1, 1.0, 1.0, 1.0, 1.0, -0.5, "adverseSelectionPerFill")]
    public void RejectsInvalidParameters(double g, double s, double a, double k, double d, double xi, string name)
    {
        var e = Assert.Throws<MarketMakingException>(() => _ = new GlftParameters(g, s, a, k, d, adverseSelectionPerFill: xi))!;
        Assert.That(e.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidParameters));
        Assert.That(e.ParameterName, Is.EqualTo(name));
    }

    [Test]
    public void RejectsNonFiniteDriftAndUnknownObjective()
    {
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new GlftParameters(0.1, 1, 1, 1, drift: double.PositiveInfinity))!.ParameterName, Is.EqualTo("drift"));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new GlftParameters(0.1, 1, 1, 1, objective: (GlftObjective)7))!.ParameterName, Is.EqualTo("objective"));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new GlftClosedFormModel(null!))!.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidParameters));
    }
}
