using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using Lean.MarketMaking.Algorithms.Execution;
using Lean.MarketMaking.Algorithms.PortfolioConstruction;
using Lean.MarketMaking.Indicators;
using Lean.MarketMaking.Models.Quoting.AvellanedaStoikov;
using Lean.MarketMaking.Models.Risk;
using Lean.MarketMaking.Risk;
using QuantConnect;
using QuantConnect.Algorithm;
using QuantConnect.Algorithm.Framework;
using QuantConnect.Algorithm.Framework.Alphas;
using QuantConnect.Algorithm.Framework.Portfolio;
using QuantConnect.Algorithm.Framework.Risk;
using QuantConnect.Data.Market;
using QuantConnect.Data.UniverseSelection;
using QuantConnect.Securities;

namespace Lean.MarketMaking.Benchmarks;

/// <summary>
/// The whole module pipeline per quote tick, as LEAN's ProcessInsights runs it: the tick updates the security's book,
/// portfolio construction quotes it with Avellaneda–Stoikov, the inventory-limit risk model checks the target, and the
/// execution model re-prices its bid and ask (through an order router that only counts). Built against the LEAN
/// reference surface (its test constructors make the security); run in-process:
/// <c>dotnet run -c Release --project Tests/Lean.MarketMaking.Benchmarks -p:LeanReference=Surface -- --filter '*Pipeline*' --inProcess</c>.
/// With the risk layer, the kill switch, the VaR limit (two securities: the quoted one, held, and a hedge instrument,
/// held; returns sampled every minute of a clock advancing 250 ms a tick, so every 240th tick samples and the hedge
/// recomputes its ratios) and the minimum-variance hedge (band wide enough that no hedge order is due) run after the
/// inventory limit, each on the previous one's targets as LEAN's composite risk model chains them.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private static readonly DateTime Start = new(2024, 1, 2, 10, 0, 0);
    private readonly QCAlgorithm _algorithm = new();
    private readonly Insight[] _noInsights = Array.Empty<Insight>();
    private Security _security = null!;
    private Pcm _pcm = null!;
    private Limits _risk = null!;
    private Execution _execution = null!;
    private IRiskManagementModel[] _riskLayer = null!;
    private Kill _kill = null!;
    private VaR _var = null!;
    private Hedge _hedge = null!;
    private DateTime _riskTime = Start;
    private Tick[] _ticks = null!;
    private int _next;

    /// <summary>Wires the modules on one crypto security and prepares a random-walk stream of quote ticks.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var symbol = Symbol.Create("BTCUSDT", SecurityType.Crypto, Market.Binance);
        _security = new Security(symbol, new SymbolProperties("bench", "USDT", 1m, 0.01m, 0.001m, "bench"));
        _pcm = new Pcm();
        _risk = new Limits();
        _execution = new Execution();
        var added = SecurityChanges.Create(new[] { _security }, Array.Empty<Security>(), Array.Empty<Security>(), Array.Empty<Security>());
        foreach (var model in new INotifiedSecurityChanges[] { _pcm, _risk, _execution })
        {
            model.OnSecuritiesChanged(_algorithm, added);
        }

        var hedge = new Security(Symbol.Create("ETHUSDT", SecurityType.Crypto, Market.Binance), new SymbolProperties("bench", "USDT", 1m, 0.01m, 0.001m, "bench"));
        hedge.Cache.AddData(new Tick(Start, hedge.Symbol, 1m, 49.99m, 1m, 50.01m));
        hedge.Holdings.SetQuantityForTests(-1m);
        _security.Holdings.SetQuantityForTests(1m);
        var sampling = new CovarianceSampling(TimeSpan.FromMinutes(1), TimeSpan.FromHours(1), 3);
        _riskLayer = new IRiskManagementModel[]
        {
            _risk,
            _kill = new Kill(),
            _var = new VaR(new ValueAtRiskLimits(1e6, 2e6, 3e6, new ValueAtRiskParameters(0.99, 10), sampling)),
            _hedge = new Hedge(hedge.Symbol, new HedgeSettings(1e9, sampling)),
        };
        var both = SecurityChanges.Create(new[] { _security, hedge }, Array.Empty<Security>(), Array.Empty<Security>(), Array.Empty<Security>());
        foreach (var model in _riskLayer.Skip(1))
        {
            model.OnSecuritiesChanged(_algorithm, both);
        }

        var random = new Random(5);
        var mid = 100m;
        _ticks = Enumerable.Range(0, 4096).Select(i =>
        {
            mid += (random.Next(3) - 1) * 0.01m;
            return new Tick(Start.AddMilliseconds(250 * i), symbol, 1m, mid - 0.01m, 1m, mid + 0.01m);
        }).ToArray();
    }

    /// <summary>One quote tick through PCM → risk → execution.</summary>
    [Benchmark]
    public int OneTickThroughThePipeline()
    {
        var tick = _ticks[_next++ & (_ticks.Length - 1)];
        _security.Cache.AddData(tick);
        _security.SetLocalTimeForTests(tick.Time);
        _pcm.UtcNow = tick.Time;
        var targets = _pcm.CreateTargets(_algorithm, _noInsights).ToArray();
        var overrides = _risk.ManageRisk(_algorithm, targets).ToArray();
        IPortfolioTarget[] merged = overrides.Length == 0 ? targets : overrides.Concat(targets).DistinctBy(t => t.Symbol).ToArray();
        _execution.Execute(_algorithm, merged);
        return _execution.Router.Requests;
    }

    /// <summary>
    /// One quote tick through PCM → risk → execution, with the risk layer (inventory limit, kill switch, VaR limit,
    /// hedge) chained as LEAN's composite risk model chains them (merging only when a model returns targets).
    /// </summary>
    [Benchmark]
    public int OneTickThroughThePipelineWithTheRiskLayer()
    {
        var tick = _ticks[_next++ & (_ticks.Length - 1)];
        _security.Cache.AddData(tick);
        _security.SetLocalTimeForTests(tick.Time);
        _pcm.UtcNow = tick.Time;
        _riskTime = _riskTime.AddMilliseconds(250); // the tick array's time wraps round; the risk models' clock does not
        _kill.UtcNow = _var.Now = _hedge.Now = _riskTime;
        var targets = _pcm.CreateTargets(_algorithm, _noInsights).ToArray();
        foreach (var model in _riskLayer)
        {
            var overrides = model.ManageRisk(_algorithm, targets).ToArray();
            targets = overrides.Length == 0 ? targets : overrides.Concat(targets).DistinctBy(t => t.Symbol).ToArray();
        }

        _execution.Execute(_algorithm, targets);
        return _execution.Router.Requests;
    }

    private sealed class Pcm : MarketMakingPortfolioConstructionModel
    {
        public Pcm()
            : base(_ => new AvellanedaStoikovModel(new AvellanedaStoikovParameters(0.01, 0.6, 50, 24, orderSize: 1)),
                new MarketMakingClock(TimeSpan.Zero, TimeSpan.FromHours(1)), TimeSpan.FromMinutes(1))
        {
        }

        public DateTime UtcNow { get; set; }

        protected override InventoryExposure GetExposure(QCAlgorithm algorithm, Security security) => new(0m, 0m, 0m);

        protected override DateTime GetUtcTime(QCAlgorithm algorithm) => UtcNow;
    }

    private sealed class Limits : InventoryLimitRiskManagementModel
    {
        public Limits() : base(InventoryLimits.Symmetric(5m))
        {
        }
    }

    private sealed class Kill : KillSwitchRiskManagementModel
    {
        public Kill() : base(new KillSwitchLimits(1000m, 1000m))
        {
        }

        public DateTime UtcNow { get; set; }

        protected override decimal GetEquity(QCAlgorithm algorithm) => 100_000m;

        protected override DateTime GetTime(QCAlgorithm algorithm) => UtcNow;
    }

    private sealed class VaR : ValueAtRiskLimitRiskManagementModel
    {
        public VaR(ValueAtRiskLimits limits) : base(limits)
        {
        }

        public DateTime Now { get; set; }

        protected override OpenMarketClock CreateClock(IReadOnlyList<Security> securities) => new AlwaysOpen();

        protected override DateTime GetTime(QCAlgorithm algorithm) => Now;
    }

    private sealed class Hedge : MinimumVarianceHedgeRiskManagementModel
    {
        public Hedge(Symbol hedge, HedgeSettings settings) : base(new[] { hedge }, settings)
        {
        }

        public DateTime Now { get; set; }

        protected override OpenMarketClock CreateClock(IReadOnlyList<Security> securities) => new AlwaysOpen();

        protected override DateTime GetTime(QCAlgorithm algorithm) => Now;
    }

    /// <summary>A market that never closes, without LEAN's exchange hours (the surface's throw).</summary>
    private sealed class AlwaysOpen : OpenMarketClock
    {
        public AlwaysOpen() : base(extendedMarketHours: false)
        {
        }

        protected override bool IsMarketAlwaysOpen() => true;
    }

    private sealed class Execution : MarketMakingExecutionModel
    {
        public Execution() : base(new MarketMakingExecutionSettings(1, TimeSpan.FromMinutes(1)))
        {
        }

        public CountingRouter Router { get; } = new();

        protected override IQuoteOrderRouter CreateOrderRouter(QCAlgorithm algorithm) => Router;
    }

    private sealed class CountingRouter : IQuoteOrderRouter
    {
        private int _id;

        public int Requests { get; private set; }

        public int? SubmitMarketable(Symbol symbol, decimal quantity, decimal limitPrice, string tag) => Submit(symbol, quantity, limitPrice, tag);

        public int? Submit(Symbol symbol, decimal quantity, decimal limitPrice, string tag)
        {
            Requests++;
            return ++_id;
        }

        public bool Update(int orderId, decimal quantity, decimal limitPrice, string tag)
        {
            Requests++;
            return true;
        }

        public UpdateOutcome GetUpdateOutcome(int orderId) => UpdateOutcome.Applied;

        public bool Cancel(int orderId, string tag) => true;

        public bool IsOpen(int orderId) => false;

        public void Release(int orderId)
        {
        }
    }
}
