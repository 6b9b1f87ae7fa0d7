using System;
using System.Collections.Generic;
using System.Linq;
using Lean.MarketMaking.Algorithms.MarketData;
using Lean.MarketMaking.Algorithms.PortfolioConstruction;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Models.Quoting.Glft;
using Lean.MarketMaking.Models.Quoting.MultiAsset;
using Lean.MarketMaking.Risk;
using NUnit.Framework;
using QuantConnect;
using QuantConnect.Algorithm;
using QuantConnect.Algorithm.Framework.Alphas;
using QuantConnect.Securities;
using static Lean.MarketMaking.Tests.LeanLayer.LeanTestKit;

namespace Lean.MarketMaking.Tests.LeanLayer.PortfolioConstruction;

[TestFixture]
public class MultiAssetPortfolioConstructionModelTests
{
    private static readonly Symbol Eth = Symbol.Create("ETHUSDT", SecurityType.Crypto, Market.Binance);
    private static readonly MarketMakingClock SessionClock = new(new TimeSpan(9, 30, 0), TimeSpan.FromSeconds(1));
    private readonly QCAlgorithm _algorithm = new();
    private RecordingModel _quoting = null!;
    private TestablePcm _pcm = null!;
    private Security _btc = null!;
    private Security _eth = null!;

    [SetUp]
    public void SetUp()
    {
        _quoting = new RecordingModel(2);
        // group order: ETH first, BTC second (not the order they join the universe)
        _pcm = new TestablePcm(_quoting, new[] { Eth, Btc }, TimeSpan.FromSeconds(5));
        _btc = NewSecurity().Quote(99.98m, 100.02m, Start);
        _eth = NewSecurity(Eth).Quote(49.99m, 50.01m, Start);
        _pcm.OnSecuritiesChanged(_algorithm, Added(_btc, _eth));
    }

    private QuoteTarget[] Step() => _pcm.CreateTargets(_algorithm, Array.Empty<Insight>()).Cast<QuoteTarget>().ToArray();

    [Test]
    public void QuotesTheGroupJointlyOnTheCachedMidsWithOneTargetPerSymbolInTheGroupOrder()
    {
        _btc.Holding(0.5m);
        _eth.Holding(-2m);
        _pcm.WorkingOrders[Btc] = new InventoryExposure(0m, 0.25m, 0m);
        _pcm.WorkingOrders[Eth] = new InventoryExposure(0m, 1m, 3m);

        var targets = Step();

        var seen = _quoting.Calls.Single();
        Assert.That(seen.Mids, Is.EqualTo(new[] { 50.0, 100.0 }));
        Assert.That(seen.Inventory, Is.EqualTo(new[] { -2.0, 0.5 }), "the positions held, in group order: working orders are not inventory");
        Assert.That(seen.Time, Is.EqualTo(1800), "10:00 is 1800 s after the 09:30 open");
        Assert.That(targets.Select(t => t.Symbol), Is.EqualTo(new[] { Eth, Btc }));
        Assert.That(targets.Select(t => t.Exposure), Is.EqualTo(new[] { new InventoryExposure(-2m, 1m, 3m), new InventoryExposure(0.5m, 0.25m, 0m) }),
            "the targets carry the full exposure on to the risk model");
        // the recording model quotes asset i at mid ∓ (i + 1)/10 with sizes i + 1
        Assert.That((targets[0].BidPrice, targets[0].AskPrice, targets[0].BidSize), Is.EqualTo((49.9m, 50.1m, 1m)));
        Assert.That((targets[1].BidPrice, targets[1].AskPrice, targets[1].AskSize), Is.EqualTo((99.8m, 100.2m, 2m)));
    }

    [Test]
    public void AfterABidFillWithTheAskStillRestingTheNextQuotesAreSkewedByTheNewPosition()
    {
        // flat, a bid and an ask of 1 resting: Net = 0 before the fill and, after the bid fills, 1 − 1 = 0 again; the
        // position is 1 and the model must see it (a Net inventory would re-quote the filled bid with no skew)
        _pcm.WorkingOrders[Btc] = new InventoryExposure(0m, 1m, 1m);
        Step();
        _btc.Holding(1m);
        _pcm.WorkingOrders[Btc] = new InventoryExposure(0m, 0m, 1m);
        Step();

        Assert.That(_quoting.Calls.Select(c => c.Inventory[1]), Is.EqualTo(new[] { 0.0, 1.0 }));
    }

    [TestCase(100.02, 99.98, "Crossed")]
    [TestCase(100.0, 100.0, "Locked")]
    [TestCase(0, 100.02, "Missing")]
    [TestCase(-5, 100.02, "NonPositive")]
    public void ABadBookOfOneSymbolStopsTheWholeGroupAndIsLoggedAtMostOncePerInterval(decimal bid, decimal ask, string issue)
    {
        _btc.Quote(bid, ask, Start.AddSeconds(1));
        _btc.SetLocalTimeForTests(Start.AddSeconds(1.6)); // a locked or crossed book is bad once it persists > 500 ms
        for (var i = 0; i < 4; i++)
        {
            Assert.That(Step(), Is.Empty);
        }

        Assert.That(_quoting.Calls, Is.Empty, "the model is not even asked");
        Assert.That(_pcm.Logs.Lines.Single(), Does.Contain(issue).And.Contain(Btc.ToString()));

        _btc.Quote(99.98m, 100.02m, Start.AddSeconds(2));
        Assert.That(Step(), Has.Length.EqualTo(2), "the group is quoted again once the book is good");
        _btc.Quote(bid, ask, Start.AddSeconds(3));
        _btc.SetLocalTimeForTests(Start.AddSeconds(3.6));
        Step();
        Assert.That(_pcm.Logs.Lines, Has.Count.EqualTo(1), "within the log interval: counted, not logged");
        _btc.Quote(bid, ask, Start.AddMinutes(16));
        _btc.SetLocalTimeForTests(Start.AddMinutes(16).AddSeconds(0.6));
        Step();
        Assert.That(_pcm.Logs.Lines, Has.Count.EqualTo(2), "logged again after the 15-minute interval");
        Assert.That(_pcm.Logs.Lines[1], Does.EndWith("5 time(s) since the last line"));
    }

    [Test]
    public void KeepQuotesWhileSuspectKeepsTheWholeGroupOnlyWhileSpikesAreTheOnlyIssue()
    {
        var pcm = new TestablePcm(_quoting, new[] { Eth, Btc }, TimeSpan.FromSeconds(5), new SpikeFilterSettings(keepQuotesWhileSuspect: true));
        pcm.OnSecuritiesChanged(_algorithm, Added(_btc, _eth));
        var first = pcm.CreateTargets(_algorithm, Array.Empty<Insight>()).Cast<QuoteTarget>().ToArray();

        _btc.Quote(149.97m, 150.03m, Start.AddSeconds(1));
        var kept = pcm.CreateTargets(_algorithm, Array.Empty<Insight>()).Cast<QuoteTarget>().ToArray();
        Assert.That(kept.Select(t => (t.Symbol, t.BidPrice, t.AskPrice)), Is.EqualTo(first.Select(t => (t.Symbol, t.BidPrice, t.AskPrice))));
        Assert.That(kept.Select(t => t.Tag), Has.All.EqualTo(MarketMakingPortfolioConstructionModel.SuspectTag));
        Assert.That(_quoting.Calls, Has.Count.EqualTo(1), "the model is not asked on a suspect book");

        _eth.SetLocalTimeForTests(Start.AddSeconds(5.5));
        Assert.That(pcm.CreateTargets(_algorithm, Array.Empty<Insight>()), Is.Empty, "a stale ETH book as well: the group is not quoted");
        _eth.SetLocalTimeForTests(Start);
        Assert.That(pcm.CreateTargets(_algorithm, Array.Empty<Insight>()), Is.Empty, "the last quotes were dropped with the bad step");
    }

    [Test]
    public void ASuspectedBadPrintOfOneSymbolStopsTheGroupUntilTheBookComesBack()
    {
        Assert.That(Step(), Has.Length.EqualTo(2), "the first book is the spike filter's reference");
        _btc.Quote(149.97m, 150.03m, Start.AddSeconds(1));
        Assert.That(Step(), Is.Empty);
        Assert.That(_pcm.Logs.Lines.Single(), Does.Contain("Spike").And.Contain(Btc.ToString()));
        _btc.Quote(99.99m, 100.03m, Start.AddSeconds(2));
        Assert.That(Step(), Has.Length.EqualTo(2));
    }

    [Test]
    public void AStaleBookOfOneSymbolStopsTheGroup()
    {
        _eth.SetLocalTimeForTests(Start.AddSeconds(5.5));
        Assert.That(Step(), Is.Empty);
        Assert.That(_pcm.Logs.Lines.Single(), Does.Contain("Stale").And.Contain(Eth.ToString()));
    }

    [Test]
    public void AFailingModelGivesNoTargetsAndIsLoggedAtMostOncePerInterval()
    {
        _quoting.Fail = true;
        Assert.That(Step(), Is.Empty);
        Assert.That(Step(), Is.Empty);
        Assert.That(_pcm.Logs.Lines, Has.Count.EqualTo(1));
        Assert.That(_pcm.Logs.Lines[0], Does.Contain(nameof(MarketMakingErrorKind.NumericalInstability)));

        _quoting.Fail = false;
        Assert.That(Step(), Has.Length.EqualTo(2));
        _quoting.Fail = true;
        _eth.Quote(49.99m, 50.01m, Start.AddMinutes(16));
        _btc.Quote(99.98m, 100.02m, Start.AddMinutes(16));
        Step();
        Assert.That(_pcm.Logs.Lines, Has.Count.EqualTo(2), "logged again after the 15-minute interval");
    }

    [Test]
    public void AQuoteThatCannotBeATargetStopsTheGroup()
    {
        // a model that returns a non-finite price for the second asset: the first asset's target is not emitted alone
        _quoting.NonFiniteSecondAsset = true;
        Assert.That(Step(), Is.Empty);
        Assert.That(_pcm.Logs.Lines.Single(), Does.Contain(nameof(MarketMakingErrorKind.NumericalInstability)));
    }

    [Test]
    public void AGroupWithASecurityOutsideTheUniverseIsNotQuoted()
    {
        var pcm = new TestablePcm(_quoting, new[] { Eth, Btc }, TimeSpan.FromSeconds(5));
        pcm.OnSecuritiesChanged(_algorithm, Added(_eth));
        Assert.That(pcm.CreateTargets(_algorithm, Array.Empty<Insight>()), Is.Empty);
        Assert.That(pcm.Logs.Lines.Single(), Does.Contain("NotInUniverse").And.Contain(Btc.ToString()));

        pcm.OnSecuritiesChanged(_algorithm, Added(_btc));
        Assert.That(pcm.CreateTargets(_algorithm, Array.Empty<Insight>()).Count(), Is.EqualTo(2));

        pcm.OnSecuritiesChanged(_algorithm, Removed(_eth));
        Assert.That(pcm.CreateTargets(_algorithm, Array.Empty<Insight>()), Is.Empty);
        Assert.That(_quoting.Calls, Has.Count.EqualTo(1));
    }

    [Test]
    public void TheGroupMustMatchTheModel()
    {
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new MultiAssetPortfolioConstructionModel(
            _quoting, new[] { Btc }, SessionClock, TimeSpan.FromSeconds(5)))!.ParameterName, Is.EqualTo("symbols"));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new MultiAssetPortfolioConstructionModel(
            _quoting, new[] { Btc, Btc }, SessionClock, TimeSpan.FromSeconds(5)))!.ParameterName, Is.EqualTo("symbols"));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new MultiAssetPortfolioConstructionModel(
            _quoting, new[] { Btc, Eth }, SessionClock, TimeSpan.Zero))!.ParameterName, Is.EqualTo("maxQuoteAge"));
    }

    [TestCase(GlftObjective.Cara)]
    [TestCase(GlftObjective.RiskNeutral)]
    public void AOneAssetGroupReproducesTheSingleAssetGlftClosedFormTargets(GlftObjective objective)
    {
        // The one-asset ergodic multi-asset model is exactly Guéant (2017) (4.6)/(4.7) (MultiAssetGlftModelTests):
        // through the two portfolio construction models the same book and inventory must give the same targets, up to
        // the rounding of two float64 evaluations of the closed form (1e-12 of the mid).
        const double gamma = 0.01, sigma = 0.05, a = 0.8, k = 20, size = 0.5;
        var multi = new MultiAssetGlftModel(
            new MultiAssetGlftParameters(new[,] { { sigma * sigma } }, new[] { a }, new[] { k }, new[] { size }, gamma, horizon: 1, objective),
            MultiAssetGlftRegime.Ergodic);
        var single = new GlftClosedFormModel(new GlftParameters(gamma, sigma, a, k, size, objective: objective));
        var group = new TestablePcm(multi, new[] { Btc }, TimeSpan.FromSeconds(5));
        var perSymbol = new SinglePcm(single);
        group.OnSecuritiesChanged(_algorithm, Added(_btc));
        perSymbol.OnSecuritiesChanged(_algorithm, Added(_btc));

        foreach (var holding in new[] { -3m, 0m, 1.5m })
        {
            _btc.Holding(holding);
            var joint = (QuoteTarget)group.CreateTargets(_algorithm, Array.Empty<Insight>()).Single();
            var alone = (QuoteTarget)perSymbol.CreateTargets(_algorithm, Array.Empty<Insight>()).Single();
            Assert.That((double)joint.BidPrice, Is.EqualTo((double)alone.BidPrice).Within(1e-12 * 100), $"q = {holding}");
            Assert.That((double)joint.AskPrice, Is.EqualTo((double)alone.AskPrice).Within(1e-12 * 100), $"q = {holding}");
            Assert.That((double)joint.ReservationPrice, Is.EqualTo((double)alone.ReservationPrice).Within(1e-12 * 100), $"q = {holding}");
            Assert.That((joint.BidSize, joint.AskSize, joint.Quantity), Is.EqualTo((alone.BidSize, alone.AskSize, holding)));
        }

        Assert.That(_btc.Holdings.Quantity, Is.EqualTo(1.5m));
        Assert.That(group.Logs.Lines, Is.Empty);
    }

    [Test]
    public void ALongPositionInOneSymbolLowersTheQuotesOfAPositivelyCorrelatedOne()
    {
        // Guéant's cross-hedging through the PCM: with ρ = 0.7, holding BTC (asset 1) lowers ETH's (asset 0) bid, ask and
        // reservation price; the ETH spread is unchanged (the skew is (2Aq)ᵢ, the half-spread zAᵢᵢ + δ̃ does not depend on q).
        const double rho = 0.7;
        var covariance = new[,] { { 0.04, rho * 0.2 * 0.3 }, { rho * 0.2 * 0.3, 0.09 } };
        var model = new MultiAssetGlftModel(
            MultiAssetGlftParameters.WithCommonLiquidity(covariance, 0.5, 10, 1, 0.05, horizon: 23_400), MultiAssetGlftRegime.FiniteHorizon);
        var pcm = new TestablePcm(model, new[] { Eth, Btc }, TimeSpan.FromSeconds(5));
        pcm.OnSecuritiesChanged(_algorithm, Added(_btc, _eth));

        var flat = pcm.CreateTargets(_algorithm, Array.Empty<Insight>()).Cast<QuoteTarget>().ToArray();
        _btc.Holding(4m);
        var longBtc = pcm.CreateTargets(_algorithm, Array.Empty<Insight>()).Cast<QuoteTarget>().ToArray();

        Assert.That(longBtc[0].BidPrice, Is.LessThan(flat[0].BidPrice));
        Assert.That(longBtc[0].AskPrice, Is.LessThan(flat[0].AskPrice));
        Assert.That(longBtc[0].ReservationPrice, Is.LessThan(flat[0].ReservationPrice));
        Assert.That(longBtc[0].AskPrice - longBtc[0].BidPrice, Is.EqualTo(flat[0].AskPrice - flat[0].BidPrice).Within(1e-12m));
        Assert.That(longBtc[1].ReservationPrice, Is.LessThan(flat[1].ReservationPrice), "own long inventory lowers own reservation");
    }

    /// <summary>Quotes asset i at mid ∓ (i + 1)/10 with sizes i + 1, and records what it was given.</summary>
    private sealed class RecordingModel : IMultiAssetQuotingModel
    {
        public RecordingModel(int assets) => AssetCount = assets;

        public int AssetCount { get; }

        public List<(double[] Mids, double[] Inventory, double Time)> Calls { get; } = new();

        public bool Fail { get; set; }

        public bool NonFiniteSecondAsset { get; set; }

        public void Quote(ReadOnlySpan<double> mids, ReadOnlySpan<double> inventory, double time, Span<TwoSidedQuote> quotes)
        {
            Calls.Add((mids.ToArray(), inventory.ToArray(), time));
            if (Fail)
            {
                throw new MarketMakingException(MarketMakingErrorKind.NumericalInstability, "test failure");
            }

            for (var i = 0; i < AssetCount; i++)
            {
                var depth = (i + 1) / 10.0;
                quotes[i] = TwoSidedQuote.FromDepths(mids[i], mids[i], depth, depth, i + 1, i + 1);
            }

            if (NonFiniteSecondAsset)
            {
                // bypasses FromDepths' checks, as a faulty model could
                quotes[1] = new TwoSidedQuote(mids[1], double.NaN, mids[1] + 1, 1, 1, double.NaN, 1);
            }
        }
    }

    private sealed class TestablePcm : MultiAssetPortfolioConstructionModel
    {
        public TestablePcm(IMultiAssetQuotingModel model, IReadOnlyList<Symbol> symbols, TimeSpan maxAge, SpikeFilterSettings? spikeFilter = null)
            : base(model, symbols, SessionClock, maxAge, spikeFilter)
        {
        }

        public LogSink Logs { get; } = new();

        /// <summary>Open orders per symbol (holdings come from the security).</summary>
        public Dictionary<Symbol, InventoryExposure> WorkingOrders { get; } = new();

        protected override InventoryExposure GetExposure(QCAlgorithm algorithm, Security security) =>
            WorkingOrders.TryGetValue(security.Symbol, out var open) ? open with { Holdings = security.Holdings.Quantity } : new InventoryExposure(security.Holdings.Quantity, 0, 0);

        protected override void Log(QCAlgorithm algorithm, string message) => Logs.Add(message);
    }

    private sealed class SinglePcm : MarketMakingPortfolioConstructionModel
    {
        public SinglePcm(IQuotingModel model)
            : base(_ => model, SessionClock, TimeSpan.FromSeconds(5))
        {
        }

        protected override InventoryExposure GetExposure(QCAlgorithm algorithm, Security security) => new(security.Holdings.Quantity, 0m, 0m);

        protected override DateTime GetUtcTime(QCAlgorithm algorithm) => Start;
    }
}
