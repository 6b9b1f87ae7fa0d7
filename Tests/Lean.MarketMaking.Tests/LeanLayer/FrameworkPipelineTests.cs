using System;
using System.Collections.Generic;
using System.Linq;
using Lean.MarketMaking.Algorithms.Execution;
using Lean.MarketMaking.Algorithms.PortfolioConstruction;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Models.Quoting.MultiAsset;
using Lean.MarketMaking.Risk;
using NUnit.Framework;
using QuantConnect;
using QuantConnect.Algorithm;
using QuantConnect.Algorithm.Framework.Alphas;
using QuantConnect.Algorithm.Framework.Portfolio;
using QuantConnect.Algorithm.Framework.Risk;
using QuantConnect.Orders;
using QuantConnect.Securities;
using static Lean.MarketMaking.Tests.LeanLayer.LeanTestKit;

namespace Lean.MarketMaking.Tests.LeanLayer;

/// <summary>
/// Portfolio construction → risk → execution wired as LEAN's QCAlgorithm.ProcessInsights does (risk targets override
/// the portfolio targets of the same symbol), with a recording order router and holdings moved by the fills.
/// </summary>
[TestFixture]
public class FrameworkPipelineTests
{
    [Test]
    public void QuotesGoOneSidedNearTheLimitAndReduceToItBeyond()
    {
        var algorithm = new QCAlgorithm();
        var security = NewSecurity().Quote(99.99m, 100.01m, Start);
        var router = new RecordingRouter();
        var pcm = new PipelinePcm(security);
        var risk = new PipelineRisk(InventoryLimits.Symmetric(1m));
        var execution = new PipelineExecution(router);
        foreach (var model in new QuantConnect.Algorithm.Framework.INotifiedSecurityChanges[] { pcm, risk, execution })
        {
            model.OnSecuritiesChanged(algorithm, Added(security));
        }

        void Step()
        {
            router.ConfirmCancels(execution, algorithm);
            var targets = pcm.CreateTargets(algorithm, Array.Empty<Insight>()).ToArray();
            var overrides = risk.ManageRisk(algorithm, targets).ToArray();
            execution.Execute(algorithm, overrides.Concat(targets).DistinctBy(t => t.Symbol).ToArray());
        }

        Step();
        Assert.That(router.Working.Values.Select(o => o.Quantity).OrderBy(q => q), Is.EqualTo(new[] { -0.5m, 0.5m }));

        // the bid fills: holdings 0.5 + a new 0.5 bid reach exactly the 1.0 limit, which is allowed
        var bid = router.Working.Single(o => o.Value.Quantity > 0);
        Fill(execution, algorithm, security, router, bid.Key, 0.5m);
        Step();
        Assert.That(router.Working.Values.Count(o => o.Quantity > 0), Is.EqualTo(1), "0.5 + 0.5 = 1: still inside");

        Fill(execution, algorithm, security, router, router.Working.Single(o => o.Value.Quantity > 0).Key, 0.5m);
        Step();
        Assert.That(router.Working.Values.Where(o => o.Tag == "mm bid"), Is.Empty, "1.0 + 0.5 would breach: bid off");
        Assert.That(router.Working.Values.Count(o => o.Tag == "mm ask"), Is.EqualTo(1));

        // an outside fill pushes holdings beyond the limit: quotes pulled, marketable sell at the bid back to the limit (not to zero)
        security.Holding(1.2m);
        Step();
        Assert.That(router.Working.Values, Is.Empty, "quotes pulled; no sell while the ask being cancelled may still fill");
        Step(); // LEAN confirmed the cancel
        var flatten = router.Working.Values.Single();
        Assert.That((flatten.Quantity, flatten.LimitPrice), Is.EqualTo((-0.2m, 99.99m)));
    }

    [TestCase(true)]
    [TestCase(false)]
    public void ATrippedKillSwitchCancelsTheQuotesFlattensAndQuotesNothingUntilReArmed(bool killSwitchFirst)
    {
        var algorithm = new QCAlgorithm();
        var security = NewSecurity().Quote(99.99m, 100.01m, Start);
        var router = new RecordingRouter();
        var pcm = new PipelinePcm(security);
        var kill = new PipelineKillSwitch();
        var limits = new PipelineRisk(InventoryLimits.Symmetric(0.6m));
        // as AddRiskManagement composes them, in either order
        var risk = killSwitchFirst ? new CompositeRiskManagementModel(kill, limits) : new CompositeRiskManagementModel(limits, kill);
        var execution = new PipelineExecution(router);
        foreach (var model in new QuantConnect.Algorithm.Framework.INotifiedSecurityChanges[] { pcm, risk, execution })
        {
            model.OnSecuritiesChanged(algorithm, Added(security));
        }

        void Step()
        {
            router.ConfirmCancels(execution, algorithm);
            var targets = pcm.CreateTargets(algorithm, Array.Empty<Insight>()).ToArray();
            var overrides = risk.ManageRisk(algorithm, targets).ToArray();
            execution.Execute(algorithm, overrides.Concat(targets).DistinctBy(t => t.Symbol).ToArray());
        }

        Step();
        Fill(execution, algorithm, security, router, router.Working.Single(o => o.Value.Quantity > 0).Key, 0.5m);
        Step();
        Assert.That(router.Working.Values.Select(o => o.Tag), Is.EqualTo(new[] { "mm ask" }), "quoting one-sided, holding 0.5");

        security.Holding(0.8m); // an outside fill: beyond the 0.6 limit, whose own target would be 0.6
        kill.Kill("test");
        Step();
        Assert.That(router.Working.Values, Is.Empty, "every quote cancelled");
        Step(); // LEAN confirmed the cancels
        var flatten = router.Working.Single();
        Assert.That((flatten.Value.Quantity, flatten.Value.Tag), Is.EqualTo((-0.8m, "mm flatten")), "flattened to zero, not to the limit");
        Fill(execution, algorithm, security, router, flatten.Key, -0.8m);
        for (var i = 0; i < 3; i++)
        {
            Step();
            Assert.That(router.Working.Values, Is.Empty, "no new quote while tripped");
        }

        kill.Rearm();
        Step();
        Assert.That(router.Working.Values.Select(o => o.Tag).OrderBy(t => t), Is.EqualTo(new[] { "mm ask", "mm bid" }), "quoting resumes once re-armed");
    }

    [Test]
    public void JointMultiAssetQuotesGoThroughTheUnchangedRiskAndExecutionModels()
    {
        // two correlated assets quoted jointly (Guéant multi-asset closed form): both get a bid and an ask; once the first
        // is at its limit its bid goes off while the second keeps both sides, its quotes skewed by the first's inventory
        var algorithm = new QCAlgorithm();
        var eth = Symbol.Create("ETHUSDT", SecurityType.Crypto, Market.Binance);
        var first = NewSecurity().Quote(99.90m, 100.10m, Start);
        var second = NewSecurity(eth).Quote(49.90m, 50.10m, Start);
        var router = new RecordingRouter();
        var covariance = new[,] { { 0.04, 0.6 * 0.2 * 0.1 }, { 0.6 * 0.2 * 0.1, 0.01 } };
        var model = new MultiAssetGlftModel(MultiAssetGlftParameters.WithCommonLiquidity(covariance, 1, 10, 0.5, 0.1, 1), MultiAssetGlftRegime.Ergodic);
        var pcm = new PipelineMultiPcm(model, new[] { first.Symbol, eth });
        var risk = new PipelineRisk(InventoryLimits.Symmetric(1m));
        var execution = new PipelineExecution(router);
        foreach (var module in new QuantConnect.Algorithm.Framework.INotifiedSecurityChanges[] { pcm, risk, execution })
        {
            module.OnSecuritiesChanged(algorithm, Added(first, second));
        }

        (decimal Quantity, decimal LimitPrice, string Tag)[] Step(Symbol symbol)
        {
            router.ConfirmCancels(execution, algorithm);
            var targets = pcm.CreateTargets(algorithm, Array.Empty<Insight>()).ToArray();
            var overrides = risk.ManageRisk(algorithm, targets).ToArray();
            execution.Execute(algorithm, overrides.Concat(targets).DistinctBy(t => t.Symbol).ToArray());
            return router.Working.Where(o => o.Value.Symbol == symbol).Select(o => (o.Value.Quantity, o.Value.LimitPrice, o.Value.Tag)).ToArray();
        }

        Assert.That(Step(first.Symbol).Select(o => o.Quantity).OrderBy(q => q), Is.EqualTo(new[] { -0.5m, 0.5m }));
        var flatSecond = Step(eth);
        Assert.That(flatSecond.Select(o => o.Quantity).OrderBy(q => q), Is.EqualTo(new[] { -0.5m, 0.5m }));

        first.Holding(1m);
        var firstAtLimit = Step(first.Symbol);
        Assert.That(firstAtLimit.Select(o => o.Tag), Is.EqualTo(new[] { "mm ask" }), "1.0 + 0.5 would breach: bid off");
        var skewedSecond = Step(eth);
        Assert.That(skewedSecond.Single(o => o.Tag == "mm ask").LimitPrice, Is.LessThan(flatSecond.Single(o => o.Tag == "mm ask").LimitPrice),
            "long the first asset: the correlated second asset's ask comes down");
    }

    private static void Fill(MarketMakingExecutionModel execution, QCAlgorithm algorithm, Security security, RecordingRouter router, int orderId, decimal quantity)
    {
        security.Holding(security.Holdings.Quantity + quantity);
        router.Working.Remove(orderId);
        execution.OnOrderEvent(algorithm, new OrderEvent { OrderId = orderId, Symbol = security.Symbol, Status = OrderStatus.Filled, FillQuantity = quantity });
    }

    private sealed class FixedQuote : IQuotingModel
    {
        public TwoSidedQuote Quote(in MarketSnapshot snapshot) =>
            TwoSidedQuote.FromDepths(snapshot.Mid, snapshot.Mid, 0.05, 0.05, 0.5, 0.5);
    }

    private sealed class PipelinePcm : MarketMakingPortfolioConstructionModel
    {
        private readonly Security _security;

        public PipelinePcm(Security security)
            : base(_ => new FixedQuote(), new MarketMakingClock(TimeSpan.Zero, TimeSpan.FromSeconds(1)), TimeSpan.FromMinutes(1)) =>
            _security = security;

        protected override InventoryExposure GetExposure(QCAlgorithm algorithm, Security security) => new(_security.Holdings.Quantity, 0m, 0m);

        protected override DateTime GetUtcTime(QCAlgorithm algorithm) => Start;
    }

    private sealed class PipelineMultiPcm : MultiAssetPortfolioConstructionModel
    {
        public PipelineMultiPcm(IMultiAssetQuotingModel model, Symbol[] symbols)
            : base(model, symbols, new MarketMakingClock(TimeSpan.Zero, TimeSpan.FromSeconds(1)), TimeSpan.FromMinutes(1))
        {
        }

        protected override InventoryExposure GetExposure(QCAlgorithm algorithm, Security security) => new(security.Holdings.Quantity, 0m, 0m);
    }

    private sealed class PipelineRisk : InventoryLimitRiskManagementModel
    {
        public PipelineRisk(InventoryLimits limits) : base(limits)
        {
        }

        protected override void Log(QCAlgorithm algorithm, string message)
        {
        }
    }

    private sealed class PipelineKillSwitch : KillSwitchRiskManagementModel
    {
        public PipelineKillSwitch() : base(KillSwitchLimits.ManualOnly)
        {
        }

        protected override decimal GetEquity(QCAlgorithm algorithm) => 1000m;

        protected override DateTime GetTime(QCAlgorithm algorithm) => Start;

        protected override void Log(QCAlgorithm algorithm, string message)
        {
        }
    }

    private sealed class PipelineExecution : MarketMakingExecutionModel
    {
        private readonly RecordingRouter _router;

        public PipelineExecution(RecordingRouter router)
            : base(new MarketMakingExecutionSettings(1, TimeSpan.FromMinutes(1))) => _router = router;

        protected override IQuoteOrderRouter CreateOrderRouter(QCAlgorithm algorithm) => _router;
    }

    private sealed class RecordingRouter : IQuoteOrderRouter
    {
        private int _next;

        public Dictionary<int, (decimal Quantity, decimal LimitPrice, string Tag, Symbol Symbol)> Working { get; } = new();

        public int? SubmitMarketable(Symbol symbol, decimal quantity, decimal limitPrice, string tag) => Submit(symbol, quantity, limitPrice, tag);

        public int? Submit(Symbol symbol, decimal quantity, decimal limitPrice, string tag)
        {
            Working[++_next] = (quantity, limitPrice, tag, symbol);
            return _next;
        }

        public bool Update(int orderId, decimal quantity, decimal limitPrice, string tag)
        {
            Working[orderId] = (quantity, limitPrice, tag, Working[orderId].Symbol);
            return true;
        }

        public UpdateOutcome GetUpdateOutcome(int orderId) => UpdateOutcome.Applied;

        public bool IsOpen(int orderId) => Working.ContainsKey(orderId);

        private readonly List<(int Id, Symbol Symbol)> _cancelRequests = new();

        public bool Cancel(int orderId, string tag)
        {
            if (!Working.Remove(orderId, out var order))
            {
                return false;
            }

            _cancelRequests.Add((orderId, order.Symbol));
            return true;
        }

        /// <summary>Confirms the cancels requested so far, as LEAN does before the next framework step.</summary>
        public void ConfirmCancels(MarketMakingExecutionModel execution, QCAlgorithm algorithm)
        {
            foreach (var (id, symbol) in _cancelRequests)
            {
                execution.OnOrderEvent(algorithm, new OrderEvent { OrderId = id, Symbol = symbol, Status = OrderStatus.Canceled });
            }

            _cancelRequests.Clear();
        }

        public void Release(int orderId)
        {
        }
    }
}
