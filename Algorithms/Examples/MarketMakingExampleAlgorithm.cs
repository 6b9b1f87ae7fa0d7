using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Lean.MarketMaking.Algorithms.Alpha;
using Lean.MarketMaking.Algorithms.Execution;
using Lean.MarketMaking.Algorithms.Fills;
using Lean.MarketMaking.Algorithms.MarketData;
using Lean.MarketMaking.Algorithms.PortfolioConstruction;
using Lean.MarketMaking.Algorithms.Reporting;
using Lean.MarketMaking.Models.Microstructure;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Risk;
using QuantConnect;
using QuantConnect.Algorithm;
using QuantConnect.Algorithm.Framework.Alphas;
using QuantConnect.Brokerages;
using QuantConnect.Data;
using QuantConnect.Orders;
using QuantConnect.Orders.Fees;
using QuantConnect.Securities;
using QuantConnect.Securities.Crypto;

namespace Lean.MarketMaking.Algorithms.Examples;

/// <summary>
/// Shared wiring of the example market-making algorithms: one quoted security
/// (<see cref="MarketMakingPortfolioConstructionModel"/>) or a group quoted jointly
/// (<see cref="MultiAssetPortfolioConstructionModel"/>), the framework modules (optional alpha → portfolio construction →
/// <see cref="InventoryLimitRiskManagementModel"/> → <see cref="MarketMakingExecutionModel"/>), LEAN charts (quotes, mid,
/// reservation price, inventory, spread captured, P&amp;L with maker and taker fees, markouts, and the
/// <see cref="PnlAttributionTracker"/>'s exposure, P&amp;L split and drawdown) sampled every
/// <c>&lt;prefix&gt;-plot-interval-seconds</c>, and runtime statistics (fill count, average spread captured, inventory
/// range, maker and taker fills and fees, markouts per side, the P&amp;L split, bad prints dropped by each security's
/// <see cref="BadPrintDataFilter"/>, which <c>InstallFramework</c> installs). The venue is set up by <see cref="SetUpVenue"/> (account
/// currency, brokerage model and its fees, post-only quotes), and every step checks that each quoted security's quote
/// currency converts into the account currency (<see cref="QuoteCurrencyCheck"/>: one error and the runtime statistic
/// "Unconvertible quote currency" if not). With a group, every chart series and statistic is per ticker ("Quotes SPY",
/// "Fills SPY"...), plus the total fill count and P&amp;L. Every parameter is read with <c>GetParameter</c> under the
/// example's prefix and has a default; the repository's <c>config.json</c> lists them all. Warm-up and the restart
/// state saved to LEAN's ObjectStore are in MarketMakingExampleAlgorithm.Restart.cs.
/// </summary>
public abstract partial class MarketMakingExampleAlgorithm : QCAlgorithm, IKillSwitchAlgorithm
{
    private readonly List<QuotedSecurity> _quoted = new();
    private Func<int> _rebuilds = () => 0;
    private OrderFlowImbalanceAlphaModel? _orderFlowAlpha;
    private TimeSpan _plotInterval;
    private DateTime _nextPlot;
    private BrokerageName _brokerage = BrokerageName.Default;
    private AccountType _accountType = AccountType.Margin;
    private MarketMakingExecutionModel? _execution;
    private QuoteCurrencyCheck _currencyCheck = null!;
    private PnlAttributionTracker _attribution = null!;

    /// <summary>
    /// The kill switch (<see cref="KillSwitchRiskManagementModel"/>), added after the inventory limits when
    /// <c>kill-daily-loss</c> or <c>kill-max-drawdown</c> (account currency, 0 = off) is set or <c>kill-switch</c> is
    /// true (then it trips only by hand: <see cref="KillSwitchCommand"/>, registered with LEAN's <c>AddCommand</c>); else null.
    /// </summary>
    public KillSwitchRiskManagementModel? KillSwitch { get; private set; }

    /// <summary>Whether the kill switch is installed even without a limit (then it trips only by hand or command).</summary>
    protected virtual bool AlwaysInstallsKillSwitch => false;

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

    /// <summary>Reads a text parameter <c>&lt;prefix&gt;-<paramref name="name"/></c>, or <paramref name="defaultValue"/>.</summary>
    protected string Parameter(string name, string defaultValue) => GetParameter($"{ParameterPrefix}-{name}", defaultValue);

    /// <summary>
    /// Sets up the account and the venue; call from <c>Initialize</c> before adding any security (LEAN requires it):
    /// <list type="bullet">
    /// <item>account currency <c>account-currency</c>; auto (default) = the quote currency of <paramref name="ticker"/> in
    /// LEAN's symbol properties (USDT for a USDT-quoted pair), so the quoted pair needs no conversion data; starting cash
    /// <c>cash</c> (default <paramref name="defaultCash"/>) in it;</item>
    /// <item>brokerage model <c>brokerage</c> (a LEAN <see cref="BrokerageName"/>; auto (default) = the venue of
    /// <paramref name="market"/>: Coinbase, Binance, OandaBrokerage, InteractiveBrokersBrokerage for usa, LEAN's default
    /// elsewhere), which brings the venue's fee model, with account type <c>account-type</c> (auto = Cash for crypto,
    /// as Coinbase requires; Margin otherwise). In a cash account each quoted crypto security is given a starting
    /// holding of its base currency of twice the inventory limit, so that its ask can be filled from a flat inventory;</item>
    /// <item>the quotes' post-only properties, update-or-replace rule, minimum size and order-rate budgets follow the
    /// brokerage model (<see cref="BrokerageQuoteRules"/>); on Coinbase <c>maker-fee</c> and <c>taker-fee</c> (fractions of the order value;
    /// empty = LEAN's default tier) select a fee tier (LEAN's dated Coinbase schedule applies before 2019-10-08).</item>
    /// </list>
    /// </summary>
    protected void SetUpVenue(SecurityType securityType, string ticker, string market, decimal defaultCash)
    {
        var currency = Parameter("account-currency", "auto");
        if (currency == "auto")
        {
            currency = SymbolPropertiesDatabase.GetSymbolProperties(market, QuantConnect.Symbol.Create(ticker, securityType, market), securityType, "USD").QuoteCurrency;
        }

        SetAccountCurrency(currency, Parameter("cash", defaultCash));
        var brokerage = Parameter("brokerage", "auto");
        _brokerage = brokerage == "auto" ? VenueOf(market) : Enum.Parse<BrokerageName>(brokerage, ignoreCase: true);
        var accountType = Parameter("account-type", "auto");
        _accountType = accountType == "auto"
            ? securityType == SecurityType.Crypto ? AccountType.Cash : AccountType.Margin
            : Enum.Parse<AccountType>(accountType, ignoreCase: true);
        SetBrokerageModel(_brokerage, _accountType);
    }

    /// <summary>
    /// Whether an order tag is one of the execution model's passive quotes (<see cref="MarketMakingExecutionModel.BidTag"/>,
    /// <see cref="MarketMakingExecutionModel.AskTag"/>): their fills are maker fills; every other order's (the marketable
    /// <see cref="MarketMakingExecutionModel.FlattenTag"/>, or an order the algorithm placed itself) count as taker.
    /// </summary>
    protected static bool IsQuoteTag(string? tag) => tag is MarketMakingExecutionModel.BidTag or MarketMakingExecutionModel.AskTag;

    /// <summary>The LEAN brokerage model of a market's venue: <see cref="BrokerageName.Default"/> for a market without one here.</summary>
    protected static BrokerageName VenueOf(string market) => market.ToLowerInvariant() switch
    {
        Market.Coinbase => BrokerageName.Coinbase,
        Market.Binance => BrokerageName.Binance,
        Market.Oanda => BrokerageName.OandaBrokerage,
        Market.USA => BrokerageName.InteractiveBrokersBrokerage,
        _ => BrokerageName.Default,
    };

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

        SetPortfolioConstruction(CreatePortfolioConstruction(model, clock, MaxQuoteAge(), SingleAssetSignals()));
        InstallRiskAndExecution(defaultMaxInventory, defaultMinRepriceTicks, defaultPullBeforeCloseMinutes);
    }

    /// <summary>
    /// The portfolio construction of <see cref="InstallFramework(Security, RecalibratingQuotingModel, MarketMakingClock, decimal, IAlphaModel?, int, double)"/>:
    /// every security quoted by <paramref name="model"/>; override to read the book from elsewhere.
    /// </summary>
    protected virtual MarketMakingPortfolioConstructionModel CreatePortfolioConstruction(IQuotingModel model, MarketMakingClock clock, TimeSpan maxQuoteAge, InsightSignals signals) =>
        new(_ => model, clock, maxQuoteAge, signals);

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
    /// model (<c>min-reprice-ticks</c>, default <paramref name="defaultMinRepriceTicks"/>; <c>max-quote-age-seconds</c>;
    /// <c>pull-before-close-minutes</c>, default <paramref name="defaultPullBeforeCloseMinutes"/>, 0 = quote up to the close;
    /// <c>max-flatten-slippage</c>, fraction of the mid, default 0.01; <c>cancel-timeout-seconds</c>, default 5;
    /// <c>order-latency-ms</c>, default 0, as in <see cref="OrderLatency"/>), the kill switch (<see cref="KillSwitch"/>) and
    /// the P&amp;L attribution (<see cref="PnlAttributionTracker"/>); also reads <c>plot-interval-seconds</c>. Sets the
    /// runtime statistic "Inventory limit".
    /// </summary>
    private void InstallRiskAndExecution(decimal defaultMaxInventory, int defaultMinRepriceTicks, double defaultPullBeforeCloseMinutes)
    {
        _plotInterval = TimeSpan.FromSeconds(Parameter("plot-interval-seconds", 300));
        var maxInventory = Parameter("max-inventory", defaultMaxInventory);
        SetRuntimeStatistic("Inventory limit", maxInventory); // read by the Research report's inventory chart
        var horizons = MarkoutHorizons();
        var makerFee = Parameter("maker-fee", string.Empty);
        var takerFee = Parameter("taker-fee", string.Empty);
        foreach (var quoted in _quoted)
        {
            quoted.Markouts = new MarkoutTracker(horizons, quoted.Security.SymbolProperties.MinimumPriceVariation);
            if (_accountType == AccountType.Cash && quoted.Security is Crypto crypto)
            {
                SetCash(crypto.BaseCurrency.Symbol, 2 * maxInventory);
            }

            if (_brokerage == BrokerageName.Coinbase && makerFee.Length > 0 && takerFee.Length > 0)
            {
                quoted.Security.SetFeeModel(new CoinbaseFeeModel(
                    decimal.Parse(makerFee, CultureInfo.InvariantCulture), decimal.Parse(takerFee, CultureInfo.InvariantCulture)));
            }
        }

        _currencyCheck = new QuoteCurrencyCheck(TimeSpan.FromMinutes(1), Error);
        _attribution = new PnlAttributionTracker(_quoted.Select(q => q.Security).ToArray());
        SetRiskManagement(new InventoryLimitRiskManagementModel(InventoryLimits.Symmetric(maxInventory)));
        var dailyLoss = Parameter("kill-daily-loss", 0m);
        var maxDrawdown = Parameter("kill-max-drawdown", 0m);
        if (dailyLoss > 0 || maxDrawdown > 0 || AlwaysInstallsKillSwitch || Parameter("kill-switch", "false") == "true")
        {
            KillSwitch = new KillSwitchRiskManagementModel(new KillSwitchLimits(dailyLoss > 0 ? dailyLoss : null, maxDrawdown > 0 ? maxDrawdown : null));
            AddRiskManagement(KillSwitch);
            AddCommand<KillSwitchCommand>();
        }

        SetExecution(_execution = new MarketMakingExecutionModel(new MarketMakingExecutionSettings(
            Parameter("min-reprice-ticks", defaultMinRepriceTicks),
            MaxQuoteAge(),
            null,
            pullBeforeClose: Parameter("pull-before-close-minutes", defaultPullBeforeCloseMinutes) is var minutes && minutes > 0
                ? TimeSpan.FromMinutes(minutes)
                : null,
            maxFlattenSlippage: Parameter("max-flatten-slippage", 0.01m),
            cancelTimeout: TimeSpan.FromSeconds(Parameter("cancel-timeout-seconds", 5.0)),
            latency: OrderLatency(seedOffset: 1))));
        InstallRestartState();
    }

    /// <summary>
    /// Settings of the passive fill model: the order latency (<see cref="OrderLatency"/>) is its entry and re-price
    /// latency, so a quote becomes fillable, and a re-price takes effect, that long after it was sent; the execution model
    /// sends cancels that long after they are decided (LEAN applies a cancel at once, out of the fill model's sight).
    /// </summary>
    protected PassiveFillSettings FillSettings() => new(latency: OrderLatency(seedOffset: 0));

    /// <summary>
    /// The order latency: <c>order-latency-ms</c> (default 0), constant, or with <c>order-latency-dispersion</c> &gt; 0
    /// (default 0) log-normal with that median and dispersion, drawn per request with <c>order-latency-seed</c> (default
    /// 1) + <paramref name="seedOffset"/> (the fill model's and the execution model's draws are independent).
    /// </summary>
    private LatencyModel OrderLatency(int seedOffset)
    {
        var median = TimeSpan.FromMilliseconds(Parameter("order-latency-ms", 0.0));
        var dispersion = Parameter("order-latency-dispersion", 0.0);
        return dispersion > 0
            ? LatencyModel.LogNormal(median, dispersion, Parameter("order-latency-seed", 1) + seedOffset)
            : LatencyModel.Constant(median);
    }

    /// <summary>The markout horizons, <c>markout-seconds</c> (comma-separated seconds, default 1,10,60).</summary>
    protected TimeSpan[] MarkoutHorizons() => Parameter("markout-seconds", "1,10,60").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Select(t => TimeSpan.FromSeconds(double.Parse(t, CultureInfo.InvariantCulture))).ToArray();

    private TimeSpan MaxQuoteAge() => TimeSpan.FromSeconds(Parameter("max-quote-age-seconds", 60.0));

    /// <summary>Insight aggregation of the single-asset examples (the multi-asset model has no drift input).</summary>
    private InsightSignals SingleAssetSignals() => new(Parameter("adverse-selection-weight", 0.0));

    /// <inheritdoc />
    public override void OnData(Slice slice)
    {
        StepRestartState();
        foreach (var quoted in _quoted)
        {
            quoted.Step(this, _currencyCheck, _attribution);
        }

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
        _attribution.Plot(this);
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

        var fee = orderEvent.OrderFee is { } orderFee && orderFee.Value.Amount != 0
            ? Portfolio.CashBook.ConvertToAccountCurrency(orderFee.Value).Amount
            : 0m;
        _attribution.RecordFill(orderEvent, fee);
        quoted.Record(this, orderEvent, IsQuoteTag(orderEvent.Ticket?.Tag), fee);
        RecordFillInState(orderEvent, fee);
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
            quoted.PublishFills(this);
            quoted.PublishMarkouts(this);
            SetRuntimeStatistic(quoted.Name("Bad prints dropped"), (decimal)quoted.BadPrints.Dropped);
            Log($"{quoted.Security.Symbol}: bad prints dropped: " + string.Join(", ", Enum.GetValues<MarketDataIssue>()
                .Where(kind => quoted.BadPrints.DroppedOf(kind) > 0).Select(kind => $"{kind} {quoted.BadPrints.DroppedOf(kind)}")));
        }

        if (_quoted.Count > 0)
        {
            SetRuntimeStatistic("Model rebuilds", _rebuilds());
            _attribution.MarkAtValuation();
            _attribution.Publish(this);
        }

        if (KillSwitch is not null)
        {
            SetRuntimeStatistic("Kill switch", KillSwitch.Switch.Reason ?? "armed");
            SetRuntimeStatistic("Kill switch tripped at (UTC)", KillSwitch.Switch.TrippedAt is { } at
                ? at.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)
                : "never");
        }

        if (_orderFlowAlpha is not null)
        {
            SetRuntimeStatistic("Order-flow insights", (decimal)_orderFlowAlpha.InsightCount);
        }

        _execution?.Statistics.Publish(this);
        SaveState();
        _restart?.Publish(this);
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
        private static readonly FillSide[] Sides = { FillSide.Bid, FillSide.Ask };
        private readonly SpikeFilter _spikes = new(SpikeFilterSettings.Default);
        private bool _unconvertibleReported;

        public FillStatistics Fills { get; } = new();

        /// <summary>Markouts of the quotes' fills (set when risk and execution are installed).</summary>
        public MarkoutTracker Markouts { get; set; } = null!;

        /// <summary>
        /// Every step: checks that the quote currency converts (one error and a runtime statistic if not) and passes the
        /// mid of a valid book to the markouts and the P&amp;L attribution (a suspected spike's mid is held back, <see cref="SpikeFilter"/>).
        /// </summary>
        public void Step(QCAlgorithm algorithm, QuoteCurrencyCheck currencies, PnlAttributionTracker attribution)
        {
            if (!currencies.Check(Security, algorithm.AccountCurrency, algorithm.Time) && !_unconvertibleReported
                && currencies.Unconvertible.Contains(Security.QuoteCurrency.Symbol))
            {
                algorithm.SetRuntimeStatistic(Name("Unconvertible quote currency"), Security.QuoteCurrency.Symbol);
                _unconvertibleReported = true;
            }

            var market = QuoteMarket.From(Security);
            if (_spikes.AcceptsBook(market))
            {
                Markouts.Update(algorithm.Time, market.Mid);
                attribution.Mark(Security, market.Mid);
            }
        }

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
            algorithm.Plot("P&L", Name("Maker fees"), Fills.MakerFees);
            algorithm.Plot("P&L", Name("Taker fees"), Fills.TakerFees);
            PublishMarkouts(algorithm);
            return profit;
        }

        /// <summary>Plots the markouts (ticks) and sets them as runtime statistics, e.g. "Markout 1s bid (ticks)".</summary>
        public void PublishMarkouts(QCAlgorithm algorithm)
        {
            for (var h = 0; h < Markouts.Horizons.Count; h++)
            {
                var horizon = string.Create(CultureInfo.InvariantCulture, $"{Markouts.Horizons[h].TotalSeconds:0.###}s");
                foreach (var side in Sides)
                {
                    var label = $"{horizon} {(side == FillSide.Bid ? "bid" : "ask")}";
                    var ticks = Markouts.AverageTicks(h, side);
                    algorithm.Plot(Name("Markouts (ticks)"), label, ticks);
                    algorithm.SetRuntimeStatistic(Name($"Markout {label} (ticks)"), Math.Round(ticks, 3));
                }
            }
        }

        /// <summary>
        /// Records a fill (a quote's, <paramref name="maker"/>, or a marketable order's) with its fee in the account
        /// currency, adds a quote's fill to the markouts, and publishes the fill statistics.
        /// </summary>
        public void Record(QCAlgorithm algorithm, OrderEvent fill, bool maker, decimal fee)
        {
            Fills.Record(fill.FillQuantity, fill.FillPrice, QuoteMarket.From(Security).Mid, Security.Holdings.Quantity);
            Fills.RecordLiquidity(maker, fee);
            if (maker)
            {
                Markouts.RecordFill(algorithm.Time, fill.FillQuantity, fill.FillPrice);
            }

            PublishFills(algorithm);
        }

        /// <summary>Sets the fill statistics as runtime statistics (also at the end, so that they exist without a fill).</summary>
        public void PublishFills(QCAlgorithm algorithm)
        {
            algorithm.SetRuntimeStatistic(Name("Fills"), Fills.Fills);
            algorithm.SetRuntimeStatistic(Name("Maker fills"), Fills.MakerFills);
            algorithm.SetRuntimeStatistic(Name("Taker fills"), Fills.TakerFills);
            algorithm.SetRuntimeStatistic(Name("Maker fees"), Fills.MakerFees);
            algorithm.SetRuntimeStatistic(Name("Taker fees"), Fills.TakerFees);
            algorithm.SetRuntimeStatistic(Name("Avg spread captured"), Fills.AverageSpreadCaptured);
            algorithm.SetRuntimeStatistic(Name("Inventory range"),
                string.Create(CultureInfo.InvariantCulture, $"[{Fills.MinInventory}, {Fills.MaxInventory}]"));
        }
    }
}
