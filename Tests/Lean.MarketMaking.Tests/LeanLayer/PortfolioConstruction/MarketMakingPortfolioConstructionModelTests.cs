using Lean.MarketMaking.Algorithms.Alpha;
using System;
using System.Collections.Generic;
using System.Linq;
using Lean.MarketMaking.Algorithms.MarketData;
using Lean.MarketMaking.Algorithms.PortfolioConstruction;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Risk;
using NUnit.Framework;
using QuantConnect;
using QuantConnect.Algorithm;
using QuantConnect.Algorithm.Framework.Alphas;
using QuantConnect.Securities;
using static Lean.MarketMaking.Tests.LeanLayer.LeanTestKit;

namespace Lean.MarketMaking.Tests.LeanLayer.PortfolioConstruction;

[TestFixture]
public class MarketMakingPortfolioConstructionModelTests
{
    private static readonly DateTime Utc = new(2024, 1, 2, 15, 0, 0, DateTimeKind.Utc);
    private readonly QCAlgorithm _algorithm = new();
    private RecordingModel _quoting = null!;
    private TestablePcm _pcm = null!;
    private Security _security = null!;

    [SetUp]
    public void SetUp()
    {
        _quoting = new RecordingModel();
        // session opens at 09:30 exchange time; model time in seconds
        _pcm = new TestablePcm(_ => _quoting, new MarketMakingClock(new TimeSpan(9, 30, 0), TimeSpan.FromSeconds(1)),
            TimeSpan.FromSeconds(5), new InventoryExposure(-0.25m, 0m, 0m));
        _security = NewSecurity().Quote(99.98m, 100.02m, Start, bidSize: 3m, askSize: 4m);
        _pcm.OnSecuritiesChanged(_algorithm, Added(_security));
    }

    private QuoteTarget[] Step(params Insight[] insights) =>
        _pcm.CreateTargets(_algorithm, insights).Cast<QuoteTarget>().ToArray();

    [Test]
    public void QuotesTheModelOnTheCachedMidWithTheHoldingsAndSessionTime()
    {
        var target = Step().Single();

        var seen = _quoting.Snapshots.Single();
        Assert.That(seen.Mid, Is.EqualTo(100.0));
        Assert.That(seen.Inventory, Is.EqualTo(-0.25));
        Assert.That(seen.Time, Is.EqualTo(1800), "10:00 is 1800 s after the 09:30 open");
        Assert.That((seen.Drift, seen.AdverseSelection), Is.EqualTo((0.0, 0.0)));
        Assert.That(target.Symbol, Is.EqualTo(Btc));
        Assert.That(target.Quantity, Is.EqualTo(-0.25m));
        Assert.That((target.BidPrice, target.AskPrice), Is.EqualTo((99.5m, 100.5m)));
        Assert.That((target.BidSize, target.AskSize), Is.EqualTo((1m, 2m)));
    }

    [Test]
    public void NothingIsQuotedWhileLeanWarmsUp()
    {
        var algorithm = new QCAlgorithm();
        algorithm.SetWarmingUpForTests(true);
        Assert.That(_pcm.CreateTargets(algorithm, Array.Empty<Insight>()), Is.Empty, "no target while warming up");
        Assert.That(_quoting.Snapshots, Is.Empty, "the model is not asked");
        algorithm.SetWarmingUpForTests(false);
        Assert.That(_pcm.CreateTargets(algorithm, Array.Empty<Insight>()).Single(), Is.InstanceOf<QuoteTarget>(), "quotes once warm");
    }

    [Test]
    public void TheModelsInventoryIsThePositionHeldAndTheTargetCarriesTheWorkingOrders()
    {
        // after a bid fill of 1 with the ask of 1 still resting: held 1, open sell 1, Net 0 = the pre-fill inventory
        _pcm.Exposure = new InventoryExposure(1m, 0m, 1m);
        var target = Step().Single();

        Assert.That(_quoting.Snapshots.Single().Inventory, Is.EqualTo(1.0), "the position held skews the quotes");
        Assert.That(target.Exposure, Is.EqualTo(new InventoryExposure(1m, 0m, 1m)), "the limits see the working orders");
        Assert.That(target.Quantity, Is.EqualTo(0m), "the target's quantity stays the exposure if everything working filled");
    }

    [Test]
    public void ActivePriceInsightsBecomeDriftAndAdverseSelection()
    {
        var pcm = new TestablePcm(_ => _quoting, new MarketMakingClock(TimeSpan.Zero, TimeSpan.FromSeconds(1)),
            TimeSpan.FromSeconds(5), default, new InsightSignals(adverseSelectionWeight: 1));
        pcm.OnSecuritiesChanged(_algorithm, Added(_security));
        var insight = Insight.Price(Btc, TimeSpan.FromSeconds(10), InsightDirection.Down, 0.001, sourceModel: "ofi");
        insight.GeneratedTimeUtc = Utc;
        insight.CloseTimeUtc = Utc.AddSeconds(10);

        pcm.CreateTargets(_algorithm, new[] { insight }).ToList();
        pcm.CreateTargets(_algorithm, Array.Empty<Insight>()).ToList(); // still active on the next step

        Assert.That(_quoting.Snapshots, Has.Count.EqualTo(2));
        foreach (var seen in _quoting.Snapshots)
        {
            Assert.That(seen.Drift, Is.EqualTo(-0.001 * 100 / 10).Within(1e-12));
            Assert.That(seen.AdverseSelection, Is.EqualTo(0.001 * 100).Within(1e-12));
        }
    }

    [Test]
    public void ToxicityInsightsReachTheSnapshotAndAreNotDrift()
    {
        var pcm = new TestablePcm(_ => _quoting, new MarketMakingClock(TimeSpan.Zero, TimeSpan.FromSeconds(1)),
            TimeSpan.FromSeconds(5), default, new InsightSignals(adverseSelectionWeight: 1));
        pcm.OnSecuritiesChanged(_algorithm, Added(_security));
        var insight = Insight.Price(Btc, TimeSpan.FromSeconds(10), InsightDirection.Down, null, 0.7, sourceModel: FlowToxicityAlphaModel.SourcePrefix + "(x)");
        insight.GeneratedTimeUtc = Utc;
        insight.CloseTimeUtc = Utc.AddSeconds(10);

        pcm.CreateTargets(_algorithm, new[] { insight }).ToList();

        var seen = _quoting.Snapshots.Single();
        Assert.That((seen.FlowToxicity, seen.InformedSide), Is.EqualTo((0.7, -1)));
        Assert.That((seen.Drift, seen.AdverseSelection), Is.EqualTo((0.0, 0.0)), "a toxicity insight is no drift view");
    }

    [TestCase(0, 100.02, "Missing")]
    [TestCase(-5, 100.02, "NonPositive")]
    public void ABadBookGivesNoTargetAndIsLoggedOnce(decimal bid, decimal ask, string issue)
    {
        _security.Quote(bid, ask, Start.AddSeconds(1));
        for (var i = 0; i < 4; i++)
        {
            Assert.That(Step(), Is.Empty);
        }

        Assert.That(_quoting.Snapshots, Is.Empty, "the model is not even asked");
        Assert.That(_pcm.Logs.Lines.Single(), Does.Contain(issue));
    }

    [TestCase(100.00, 100.00)]
    [TestCase(100.02, 99.98)]
    public void ALockedOrCrossedBookThatClearsWithinTheToleranceIsStillQuoted(decimal bid, decimal ask)
    {
        _security.Quote(bid, ask, Start.AddSeconds(1));
        Assert.That(Step(), Has.Length.EqualTo(1), "just locked/crossed: an aggregated feed's race, still quoted");
        _security.SetLocalTimeForTests(Start.AddSeconds(1.5));
        Assert.That(Step(), Has.Length.EqualTo(1), "500 ms: still within the tolerance");
        _security.Quote(99.98m, 100.02m, Start.AddSeconds(1.6));
        Assert.That(Step(), Has.Length.EqualTo(1));
        Assert.That(_pcm.Logs.Lines, Is.Empty);
    }

    [TestCase(100.00, 100.00, "Locked")]
    [TestCase(100.02, 99.98, "Crossed")]
    public void ALockedOrCrossedBookThatPersistsIsABadBook(decimal bid, decimal ask, string issue)
    {
        _security.Quote(bid, ask, Start.AddSeconds(1));
        Step();
        _security.SetLocalTimeForTests(Start.AddSeconds(1.6));
        Assert.That(Step(), Is.Empty, "locked/crossed for 600 ms > 500 ms");
        Assert.That(_pcm.Logs.Lines.Single(), Does.Contain(issue));
        _security.Quote(bid, ask, Start.AddSeconds(2));
        Assert.That(Step(), Is.Empty, "a new tick of the same locked/crossed book does not restart the clock");
    }

    [Test]
    public void ARecurringIssueIsLoggedAtMostOncePerIntervalWithTheCountSinceTheLastLine()
    {
        var pcm = new TestablePcm(_ => _quoting, new MarketMakingClock(TimeSpan.Zero, TimeSpan.FromSeconds(1)),
            TimeSpan.FromSeconds(5), default, issueLogInterval: TimeSpan.FromMinutes(1));
        pcm.OnSecuritiesChanged(_algorithm, Added(_security));
        for (var second = 0; second < 150; second++)
        {
            _security.Quote(0m, 100.02m, Start.AddSeconds(second));
            pcm.CreateTargets(_algorithm, Array.Empty<Insight>()).ToList();
        }

        Assert.That(pcm.Logs.Lines, Has.Count.EqualTo(3), "at 0 s, 60 s and 120 s");
        Assert.That(pcm.Logs.Lines[0], Does.Contain("Missing").And.EndsWith("1 time(s) since the last line"));
        Assert.That(pcm.Logs.Lines[1], Does.EndWith("60 time(s) since the last line"));
    }

    [Test]
    public void WhileAMoveIsUnconfirmedTheSecurityGetsNoTargetByDefault()
    {
        Assert.That(Step(), Has.Length.EqualTo(1), "the first book is the spike filter's reference");
        _security.Quote(100.98m, 101.02m, Start.AddSeconds(1));
        Assert.That(Step(), Is.Empty, "1 % in a second: a suspected spike");
        Assert.That(_pcm.Logs.Lines.Single(), Does.Contain("Spike"));
    }

    [Test]
    public void KeepQuotesWhileSuspectEmitsTheLastQuoteAgainTaggedWithTheCurrentExposure()
    {
        var pcm = new TestablePcm(_ => _quoting, new MarketMakingClock(TimeSpan.Zero, TimeSpan.FromSeconds(1)),
            TimeSpan.FromSeconds(5), default, spikeFilter: new SpikeFilterSettings(keepQuotesWhileSuspect: true));
        pcm.OnSecuritiesChanged(_algorithm, Added(_security));
        var first = (QuoteTarget)pcm.CreateTargets(_algorithm, Array.Empty<Insight>()).Single();

        pcm.Exposure = new InventoryExposure(1m, 0m, 1m);
        _security.Quote(100.98m, 101.02m, Start.AddSeconds(1));
        var kept = (QuoteTarget)pcm.CreateTargets(_algorithm, Array.Empty<Insight>()).Single();

        Assert.That((kept.BidPrice, kept.AskPrice, kept.BidSize, kept.AskSize), Is.EqualTo((first.BidPrice, first.AskPrice, first.BidSize, first.AskSize)));
        Assert.That(kept.Tag, Is.EqualTo(MarketMakingPortfolioConstructionModel.SuspectTag));
        Assert.That(kept.Exposure, Is.EqualTo(new InventoryExposure(1m, 0m, 1m)));
        Assert.That(_quoting.Snapshots, Has.Count.EqualTo(1), "the model is not asked on the suspect book");

        _security.Quote(99.98m, 100.02m, Start.AddSeconds(2));
        Assert.That(((QuoteTarget)pcm.CreateTargets(_algorithm, Array.Empty<Insight>()).Single()).Tag, Is.Empty, "back to fresh quotes");
    }

    [Test]
    public void AStaleBookGivesNoTarget()
    {
        _security.SetLocalTimeForTests(Start.AddSeconds(5.5));
        Assert.That(Step(), Is.Empty);
        Assert.That(_pcm.Logs.Lines.Single(), Does.Contain("Stale"));
    }

    [Test]
    public void AFailingModelGivesNoTargetAndIsLoggedAtMostOncePerInterval()
    {
        _quoting.Fail = true;
        Assert.That(Step(), Is.Empty);
        Assert.That(Step(), Is.Empty);
        Assert.That(_pcm.Logs.Lines, Has.Count.EqualTo(1));
        Assert.That(_pcm.Logs.Lines[0], Does.Contain(nameof(MarketMakingErrorKind.NumericalInstability)));

        _quoting.Fail = false;
        Assert.That(Step(), Has.Length.EqualTo(1));
        _quoting.Fail = true;
        _security.Quote(99.98m, 100.02m, Start.AddMinutes(16));
        Step();
        Assert.That(_pcm.Logs.Lines, Has.Count.EqualTo(2), "logged again after the 15-minute interval");
        Assert.That(_pcm.Logs.Lines[1], Does.EndWith("2 time(s) since the last line"));
    }

    [Test]
    public void RemovedSecuritiesAreNoLongerQuoted()
    {
        _pcm.OnSecuritiesChanged(_algorithm, Removed(_security));
        Assert.That(Step(), Is.Empty);
    }

    private sealed class RecordingModel : IQuotingModel
    {
        public List<MarketSnapshot> Snapshots { get; } = new();

        public bool Fail { get; set; }

        public TwoSidedQuote Quote(in MarketSnapshot snapshot)
        {
            Snapshots.Add(snapshot);
            if (Fail)
            {
                throw new MarketMakingException(MarketMakingErrorKind.NumericalInstability, "test failure");
            }

            return TwoSidedQuote.FromDepths(snapshot.Mid, snapshot.Mid, 0.5, 0.5, 1, 2);
        }
    }

    private sealed class TestablePcm : MarketMakingPortfolioConstructionModel
    {
        public TestablePcm(Func<Symbol, IQuotingModel> factory, MarketMakingClock clock, TimeSpan maxAge, InventoryExposure exposure,
            InsightSignals? signals = null, SpikeFilterSettings? spikeFilter = null, TimeSpan? issueLogInterval = null)
            : base(factory, clock, maxAge, signals, spikeFilter, issueLogInterval: issueLogInterval) => Exposure = exposure;

        public LogSink Logs { get; } = new();

        /// <summary>Holdings and working orders the next step reads.</summary>
        public InventoryExposure Exposure { get; set; }

        protected override InventoryExposure GetExposure(QCAlgorithm algorithm, Security security) => Exposure;

        protected override DateTime GetUtcTime(QCAlgorithm algorithm) => Utc;

        protected override void Log(QCAlgorithm algorithm, string message) => Logs.Add(message);
    }
}
