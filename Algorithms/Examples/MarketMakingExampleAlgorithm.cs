using System;
using System.Globalization;
using Lean.MarketMaking.Algorithms.Alpha;
using Lean.MarketMaking.Algorithms.Execution;
using Lean.MarketMaking.Algorithms.MarketData;
using Lean.MarketMaking.Algorithms.PortfolioConstruction;
using Lean.MarketMaking.Risk;
using QuantConnect.Algorithm;
using QuantConnect.Algorithm.Framework.Alphas;
using QuantConnect.Data;
using QuantConnect.Orders;
using QuantConnect.Securities;

namespace Lean.MarketMaking.Algorithms.Examples;

/// <summary>
/// Shared wiring of the example market-making algorithms: one quoted security, the framework modules
/// (optional alpha → <see cref="MarketMakingPortfolioConstructionModel"/> → <see cref="InventoryLimitRiskManagementModel"/>
/// → <see cref="MarketMakingExecutionModel"/>), LEAN charts (quotes, mid, reservation price, inventory, spread captured,
/// P&amp;L) sampled every <c>&lt;prefix&gt;-plot-interval-seconds</c>, and runtime statistics (fill count, average
/// spread captured, inventory range). Every parameter is read with <c>GetParameter</c> under the example's prefix and
/// has a default; the repository's <c>config.json</c> lists them all.
/// </summary>
public abstract class MarketMakingExampleAlgorithm : QCAlgorithm
{
    private TimeSpan _plotInterval;
    private DateTime _nextPlot;

    /// <summary>Prefix of this example's parameter names (e.g. "as" for "as-risk-aversion").</summary>
    protected abstract string ParameterPrefix { get; }

    /// <summary>The quoted security (set by <see cref="InstallFramework"/>).</summary>
    protected Security Quoted { get; private set; } = null!;

    /// <summary>The quoting model, rebuilt when its online inputs move (set by <see cref="InstallFramework"/>).</summary>
    protected RecalibratingQuotingModel Model { get; private set; } = null!;

    /// <summary>Fill statistics.</summary>
    protected FillStatistics QuoteFills { get; } = new();

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
    /// weighted by <c>adverse-selection-weight</c>), symmetric inventory limits
    /// (<c>max-inventory</c>, default <paramref name="defaultMaxInventory"/>), and the execution model
    /// (<c>min-reprice-ticks</c>, default <paramref name="defaultMinRepriceTicks"/>; <c>max-quote-age-seconds</c>,
    /// <c>stale-quote-seconds</c>). Call from <c>Initialize</c>: LEAN routes order events to the execution model
    /// captured there.
    /// </summary>
    protected void InstallFramework(Security security, RecalibratingQuotingModel model, MarketMakingClock clock,
        decimal defaultMaxInventory, IAlphaModel? alpha = null, int defaultMinRepriceTicks = 1)
    {
        Quoted = security;
        Model = model;
        // the quoted security is the benchmark: no dependency on SPY's data and market hours
        SetBenchmark(security.Symbol);
        _plotInterval = TimeSpan.FromSeconds(Parameter("plot-interval-seconds", 300));
        var maxQuoteAge = TimeSpan.FromSeconds(Parameter("max-quote-age-seconds", 60.0));
        if (alpha is not null)
        {
            SetAlpha(alpha);
        }

        SetPortfolioConstruction(new MarketMakingPortfolioConstructionModel(_ => model, clock, maxQuoteAge,
            new InsightSignals(Parameter("adverse-selection-weight", 0.0))));
        SetRiskManagement(new InventoryLimitRiskManagementModel(InventoryLimits.Symmetric(Parameter("max-inventory", defaultMaxInventory))));
        SetExecution(new MarketMakingExecutionModel(new MarketMakingExecutionSettings(
            Parameter("min-reprice-ticks", defaultMinRepriceTicks),
            maxQuoteAge,
            TimeSpan.FromSeconds(Parameter("stale-quote-seconds", 120.0)))));
    }

    /// <inheritdoc />
    public override void OnData(Slice slice)
    {
        if (Quoted is null || Time < _nextPlot)
        {
            return;
        }

        _nextPlot = Time + _plotInterval;
        var market = QuoteMarket.From(Quoted);
        if (market.Validate(TimeSpan.MaxValue) == MarketDataIssue.None)
        {
            Plot("Quotes", "Mid", market.Mid);
            var quote = Model.LastQuote;
            if (quote.Ask > 0)
            {
                Plot("Quotes", "Bid", quote.Bid);
                Plot("Quotes", "Ask", quote.Ask);
                Plot("Quotes", "Reservation", quote.Reservation);
            }
        }

        Plot("Inventory", "Holdings", Quoted.Holdings.Quantity);
        Plot("Spread captured", "Average per unit", QuoteFills.AverageSpreadCaptured);
        Plot("P&L", "Net", Quoted.Holdings.NetProfit + Quoted.Holdings.UnrealizedProfit);
        Plot("Model", "Rebuilds", (double)Model.Rebuilds);
        PlotIndicators();
    }

    /// <inheritdoc />
    public override void OnOrderEvent(OrderEvent orderEvent)
    {
        if (Quoted is null || orderEvent.Status is not (OrderStatus.Filled or OrderStatus.PartiallyFilled) || orderEvent.FillQuantity == 0)
        {
            return;
        }

        QuoteFills.Record(orderEvent.FillQuantity, orderEvent.FillPrice, QuoteMarket.From(Quoted).Mid, Quoted.Holdings.Quantity);
        SetRuntimeStatistic("Fills", QuoteFills.Fills);
        SetRuntimeStatistic("Avg spread captured", QuoteFills.AverageSpreadCaptured);
        SetRuntimeStatistic("Inventory range",
            string.Create(CultureInfo.InvariantCulture, $"[{QuoteFills.MinInventory}, {QuoteFills.MaxInventory}]"));
    }

    /// <inheritdoc />
    public override void OnEndOfAlgorithm()
    {
        if (Quoted is null)
        {
            return;
        }

        SetRuntimeStatistic("Final inventory", Quoted.Holdings.Quantity);
        SetRuntimeStatistic("Model rebuilds", Model.Rebuilds);
    }

    /// <summary>Plots the example's own indicators (called with the other charts).</summary>
    protected virtual void PlotIndicators()
    {
    }
}
