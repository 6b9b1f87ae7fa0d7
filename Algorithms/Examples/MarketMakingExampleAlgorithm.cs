using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Lean.MarketMaking.Algorithms.Alpha;
using Lean.MarketMaking.Algorithms.Execution;
using Lean.MarketMaking.Algorithms.MarketData;
using Lean.MarketMaking.Algorithms.PortfolioConstruction;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Risk;
using QuantConnect.Algorithm;
using QuantConnect.Algorithm.Framework.Alphas;
using QuantConnect.Data;
using QuantConnect.Orders;
using QuantConnect.Securities;

namespace Lean.MarketMaking.Algorithms.Examples;

/// <summary>
/// Shared wiring of the example market-making algorithms: one quoted security
/// (<see cref="MarketMakingPortfolioConstructionModel"/>) or a group quoted jointly
/// (<see cref="MultiAssetPortfolioConstructionModel"/>), the framework modules (optional alpha → portfolio construction →
/// <see cref="InventoryLimitRiskManagementModel"/> → <see cref="MarketMakingExecutionModel"/>), LEAN charts (quotes, mid,
/// reservation price, inventory, spread captured, P&amp;L) sampled every <c>&lt;prefix&gt;-plot-interval-seconds</c>, and
/// runtime statistics (fill count, average spread captured, inventory range, bad prints dropped by each security's
/// <see cref="BadPrintDataFilter"/>, which <c>InstallFramework</c> installs). With a group, every chart series and
/// statistic is per ticker ("Quotes SPY", "Fills SPY"...), plus the total fill count and P&amp;L. Every parameter is read
/// with <c>GetParameter</c> under the example's prefix and has a default; the repository's <c>config.json</c> lists them all.
/// </summary>
public abstract class MarketMakingExampleAlgorithm : QCAlgorithm
{
    private readonly List<QuotedSecurity> _quoted = new();
    private Func<int> _rebuilds = () => 0;
    private OrderFlowImbalanceAlphaModel? _orderFlowAlpha;
    private TimeSpan _plotInterval;
    private DateTime _nextPlot;

    /// <summary>Prefix of this example's parameter names (e.g. "as" for "as-risk-aversion").</summary>
    protected abstract string ParameterPrefix { get; }

    /// <summary>The quoted security of a single-asset example (set by its <c>InstallFramework</c>).</summary>
    protected Security Quoted { get; private set; } = null!;

    /// <summary>The quoting model of a single-asset example, rebuilt when its online inputs move (set by its <c>InstallFramework</c>).</summary>
    protected RecalibratingQuotingModel Model { get; private set; } = null!;

    /// <summary>Reads a numeric parameter <c>&lt;prefix&gt;-<paramref name="name"/></c>, or <paramref name="defaultValue"/>.</summary>
    protected double Parameter(string name, double defaultValue) => GetParameter($"{ParameterPrefix}-{name}", defaultValue);

    /// <summary>Reads an integer parameter <c>&lt;prefix&gt;-<paramref name="name"/></c>, or <paramref name="defaultValue"/>.</summary>
    protected int Parameter(string name, int defaultValue) => GetParameter($"{ParameterPrefix}-{name}", defaultValue);

    /// <summary>
    /// The order-flow imbalance alpha (<see cref="OrderFlowImbalanceAlphaModel"/>) from <c>alpha-half-life-seconds</c>,
    /// <c>alpha-period-seconds</c>, <c>alpha-impact</c> and <c>alpha-threshold</c>; it needs trade ticks (none in forex data).
    /// </summary>
    protected OrderFlowImbalanceAlphaModel OrderFlowAlpha() => new(
        TimeSpan.FromSeconds(Parameter("alpha-half-life-seconds", 30.0)),
        TimeSpan.FromSeconds(Parameter("alpha-period-seconds", 60.0)),
        Parameter("alpha-impact", 0.0001),
        Parameter("alpha-threshold", 0.2));

    /// <summary>Reads a decimal parameter <c>&lt;prefix&gt;-<paramref name="name"/></c>, or <paramref name="defaultValue"/>.</summary>
    protected decimal Parameter(string name, decimal defaultValue) => GetParameter($"{ParameterPrefix}-{name}", defaultValue);

    /// <summary>
    /// Installs the framework for <paramref name="security"/>: the alpha (if any), portfolio construction with
    /// <paramref name="model"/> and <paramref name="clock"/> (insights become drift, and an adverse-selection premium
    /// weighted by <c>adverse-selection-weight</c>), and risk and execution as in <see cref="InstallRiskAndExecution"/>.
    /// Call from <c>Initialize</c>: LEAN routes order events to the execution model captured there.
    /// </summary>
    protected void InstallFramework(Security security, RecalibratingQuotingModel model, MarketMakingClock clock,
        decimal defaultMaxInventory, IAlphaModel? alpha = null, int defaultMinRepriceTicks = 1, double defaultPullBeforeCloseMinutes = 0)
    {
        Quoted = security;
        Model = model;
        _quoted.Add(new QuotedSecurity(security, null, () => model.LastQuote, BadPrintDataFilter.Install(this, security)));
        _rebuilds = () => model.Rebuilds;
        // the quoted security is the benchmark: no dependency on SPY's data and market hours
        SetBenchmark(security.Symbol);
        if (alpha is not null)
        {
            SetAlpha(alpha);
            _orderFlowAlpha = alpha as OrderFlowImbalanceAlphaModel;
        }

        SetPortfolioConstruction(new MarketMakingPortfolioConstructionModel(_ => model, clock, MaxQuoteAge(), SingleAssetSignals()));
        InstallRiskAndExecution(defaultMaxInventory, defaultMinRepriceTicks, defaultPullBeforeCloseMinutes);
    }

    /// <summary>
    /// Installs the framework for a group of <paramref name="securities"/> quoted jointly by <paramref name="model"/>
    /// (asset i is <paramref name="securities"/>[i]) with <paramref name="clock"/>, and risk and execution as in
    /// <see cref="InstallRiskAndExecution"/> (the inventory limit applies to each security). The first security is the
    /// benchmark. Call from <c>Initialize</c>.
    /// </summary>
    protected void InstallFramework(IReadOnlyList<Security> securities, RecalibratingMultiAssetQuotingModel model, MarketMakingClock clock,
        decimal defaultMaxInventory, int defaultMinRepriceTicks = 1, double defaultPullBeforeCloseMinutes = 0)
    {
        for (var i = 0; i < securities.Count; i++)
        {
            var asset = i;
            _quoted.Add(new QuotedSecurity(securities[i], securities[i].Symbol.Value, () => model.LastQuotes[asset], BadPrintDataFilter.Install(this, securities[i])));
        }

        _rebuilds = () => model.Rebuilds;
        SetBenchmark(securities[0].Symbol);
        SetPortfolioConstruction(new MultiAssetPortfolioConstructionModel(model, securities.Select(s => s.Symbol).ToArray(), clock, MaxQuoteAge()));
        InstallRiskAndExecution(defaultMaxInventory, defaultMinRepriceTicks, defaultPullBeforeCloseMinutes);
    }

    /// <summary>
    /// Symmetric inventory limits (<c>max-inventory</c>, default <paramref name="defaultMaxInventory"/>) and the execution
    /// model (<c>min-reprice-ticks</c>, default <paramref name="defaultMinRepriceTicks"/>; <c>max-quote-age-seconds</c>,
    /// <c>stale-quote-seconds</c>; <c>pull-before-close-minutes</c>, default <paramref name="defaultPullBeforeCloseMinutes"/>,
    /// 0 = quote up to the close); also reads <c>plot-interval-seconds</c>.
    /// </summary>
    private void InstallRiskAndExecution(decimal defaultMaxInventory, int defaultMinRepriceTicks, double defaultPullBeforeCloseMinutes)
    {
        _plotInterval = TimeSpan.FromSeconds(Parameter("plot-interval-seconds", 300));
        SetRiskManagement(new InventoryLimitRiskManagementModel(InventoryLimits.Symmetric(Parameter("max-inventory", defaultMaxInventory))));
        SetExecution(new MarketMakingExecutionModel(new MarketMakingExecutionSettings(
            Parameter("min-reprice-ticks", defaultMinRepriceTicks),
            MaxQuoteAge(),
            TimeSpan.FromSeconds(Parameter("stale-quote-seconds", 120.0)),
            pullBeforeClose: Parameter("pull-before-close-minutes", defaultPullBeforeCloseMinutes) is var minutes && minutes > 0
                ? TimeSpan.FromMinutes(minutes)
                : null)));
    }

    private TimeSpan MaxQuoteAge() => TimeSpan.FromSeconds(Parameter("max-quote-age-seconds", 60.0));

    /// <summary>Insight aggregation of the single-asset examples (the multi-asset model has no drift input).</summary>
    private InsightSignals SingleAssetSignals() => new(Parameter("adverse-selection-weight", 0.0));

    /// <inheritdoc />
    public override void OnData(Slice slice)
    {
        if (_quoted.Count == 0 || Time < _nextPlot)
        {
            return;
        }

        _nextPlot = Time + _plotInterval;
        decimal totalProfit = 0;
        foreach (var quoted in _quoted)
        {
            totalProfit += quoted.Plot(this);
        }

        if (_quoted.Count > 1)
        {
            Plot("P&L", "Total", totalProfit);
        }

        Plot("Model", "Rebuilds", (double)_rebuilds());
        PlotIndicators();
    }

    /// <inheritdoc />
    public override void OnOrderEvent(OrderEvent orderEvent)
    {
        if (orderEvent.Status is not (OrderStatus.Filled or OrderStatus.PartiallyFilled) || orderEvent.FillQuantity == 0
            || _quoted.Find(q => q.Security.Symbol == orderEvent.Symbol) is not { } quoted)
        {
            return;
        }

        quoted.Record(this, orderEvent);
        if (_quoted.Count > 1)
        {
            SetRuntimeStatistic("Fills", _quoted.Sum(q => q.Fills.Fills));
        }
    }

    /// <inheritdoc />
    public override void OnEndOfAlgorithm()
    {
        foreach (var quoted in _quoted)
        {
            SetRuntimeStatistic(quoted.Name("Final inventory"), quoted.Security.Holdings.Quantity);
            SetRuntimeStatistic(quoted.Name("Bad prints dropped"), (decimal)quoted.BadPrints.Dropped);
            Log($"{quoted.Security.Symbol}: bad prints dropped: " + string.Join(", ", Enum.GetValues<MarketDataIssue>()
                .Where(kind => quoted.BadPrints.DroppedOf(kind) > 0).Select(kind => $"{kind} {quoted.BadPrints.DroppedOf(kind)}")));
        }

        if (_quoted.Count > 0)
        {
            SetRuntimeStatistic("Model rebuilds", _rebuilds());
        }

        if (_orderFlowAlpha is not null)
        {
            SetRuntimeStatistic("Order-flow insights", (decimal)_orderFlowAlpha.InsightCount);
        }
    }

    /// <summary>Plots the example's own indicators (called with the other charts).</summary>
    protected virtual void PlotIndicators()
    {
    }

    /// <summary>
    /// One quoted security's charts and fill statistics. <see cref="Ticker"/> is null for a single-asset example (the
    /// chart and statistic names are then the plain ones) and names the series and statistics of a group's member.
    /// </summary>
    private sealed record QuotedSecurity(Security Security, string? Ticker, Func<TwoSidedQuote> LastQuote, BadPrintDataFilter BadPrints)
    {
        public FillStatistics Fills { get; } = new();

        /// <summary>"Fills" for a single security, "Fills SPY" for a group's member.</summary>
        public string Name(string statistic) => Ticker is null ? statistic : $"{statistic} {Ticker}";

        /// <summary>Plots quotes, inventory, spread captured and P&amp;L; returns the P&amp;L.</summary>
        public decimal Plot(QCAlgorithm algorithm)
        {
            var market = QuoteMarket.From(Security);
            var quotes = Name("Quotes");
            if (market.Validate(TimeSpan.MaxValue) == MarketDataIssue.None)
            {
                algorithm.Plot(quotes, "Mid", market.Mid);
                var quote = LastQuote();
                if (quote.Ask > 0)
                {
                    algorithm.Plot(quotes, "Bid", quote.Bid);
                    algorithm.Plot(quotes, "Ask", quote.Ask);
                    algorithm.Plot(quotes, "Reservation", quote.Reservation);
                }
            }

            var profit = Security.Holdings.NetProfit + Security.Holdings.UnrealizedProfit;
            algorithm.Plot("Inventory", Ticker ?? "Holdings", Security.Holdings.Quantity);
            algorithm.Plot("Spread captured", Ticker ?? "Average per unit", Fills.AverageSpreadCaptured);
            algorithm.Plot("P&L", Ticker ?? "Net", profit);
            return profit;
        }

        /// <summary>Records a fill and publishes the runtime statistics.</summary>
        public void Record(QCAlgorithm algorithm, OrderEvent fill)
        {
            Fills.Record(fill.FillQuantity, fill.FillPrice, QuoteMarket.From(Security).Mid, Security.Holdings.Quantity);
            algorithm.SetRuntimeStatistic(Name("Fills"), Fills.Fills);
            algorithm.SetRuntimeStatistic(Name("Avg spread captured"), Fills.AverageSpreadCaptured);
            algorithm.SetRuntimeStatistic(Name("Inventory range"),
                string.Create(CultureInfo.InvariantCulture, $"[{Fills.MinInventory}, {Fills.MaxInventory}]"));
        }
    }
}
