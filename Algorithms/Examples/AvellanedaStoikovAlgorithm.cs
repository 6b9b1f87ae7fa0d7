using System;
using System.Collections.Immutable;
using System.Globalization;
using Lean.MarketMaking.Algorithms.Fills;
using Lean.MarketMaking.Indicators;
using Lean.MarketMaking.Algorithms.PortfolioConstruction;
using Lean.MarketMaking.Models.Quoting.AvellanedaStoikov;
using Lean.MarketMaking.Algorithms.MarketData;
using Lean.MarketMaking.Models.Estimation.Volatility;
using Lean.MarketMaking.Models.State;
using QuantConnect;
using QuantConnect.Algorithm.Framework.Risk;
using QuantConnect.Data;
using QuantConnect.Orders;
using QuantConnect.Securities;

namespace Lean.MarketMaking.Algorithms.Examples;

/// <summary>
/// Example: Avellaneda–Stoikov (2008) quoting of EURUSD on Oanda tick quotes (LEAN's sample data has
/// 2014-05-01..2014-05-15); <c>as-security-type</c>/<c>as-market</c>/<c>as-ticker</c> select another tick-quoted pair,
/// e.g. Crypto/coinbase/MMCUSD, the synthetic pair of <c>generate-data</c> that run.sh uses. The market trades around the
/// clock and the inventory is carried through every session change, so the model is the stationary (infinite-horizon)
/// one, <see cref="InfiniteHorizonAvellanedaStoikovModel"/> (§2.3), not a daily horizon T: with T reset at each 17:00
/// New York the skew γσ²(T − t) per unit of inventory swung from a day's worth to nothing within every day while the
/// inventory stayed. Discount ω = <c>as-discount-rate</c> per second, 1/43,200 = 1/(12 h): expanding D, the stationary
/// skew per unit of inventory is ≈ γσ²/ω, that of the finite-horizon model 12 h before its horizon (the old set-up's
/// daily average), now constant; with the config.json EURUSD numbers the spread at q = 0 is ≈ 2.5 pips and the skew at
/// the 50,000 EUR limit ≈ 2.6 pips (ω is 360 times the model's bound ½γ²σ²(q_max + z)²).
/// γ, k (per unit of price), the order size and the inventory limit
/// (units of EUR, also the model's q_max) are parameters (<c>as-*</c> in config.json); σ starts at <c>as-volatility</c> (price per √second)
/// and is re-estimated online: an EWMA of the variance of log mid returns sampled every
/// <c>as-volatility-sample-seconds</c> (a regular grid keeps tick-level bid/ask noise out of the estimate; a sample
/// waits for a book the <see cref="SpikeFilter"/> accepts, so a bad print cannot inflate σ for hours), scaled by
/// the mid, in open-market seconds of the pair's exchange hours (<see cref="OpenMarketClock"/>: the weekend and the daily
/// break add no return and age nothing); the model is rebuilt when σ moves by more than <c>as-recalibration-threshold</c>. Forex data has no
/// trades, so the quotes fill by the intensity rule of <see cref="PassiveQuoteFillModel"/> (rate A·e^(−kδ) per second;
/// <c>as-fill-mode</c> = Queue selects the queue-position rule for pairs with trade ticks). The order-flow alpha (drift
/// from trades signed by the quote rule) acts on pairs with trade ticks, like the synthetic one: its insights reach the
/// model as a short-term drift whose decay time h is the insight period, so the reservation price moves by about the
/// predicted move μh rather than by a persistent drift's μ/ω (the view's first-order weight in
/// <see cref="InfiniteHorizonAvellanedaStoikovModel"/>).
/// With <c>as-max-drawdown-percent</c> &gt; 0 (default 0: off) LEAN's own <c>MaximumDrawdownPercentPerSecurity</c>
/// runs beside the inventory limits (its zero target cancels the quotes and flattens the holding).
/// Quotes are re-priced when they move by <c>as-min-reprice-ticks</c> = 5 ticks (half a pip; Oanda's EURUSD tick is
/// 0.00001 and the quoted half-spread some 14 ticks): re-pricing on every 1-tick move sent 698,506 order updates over
/// the 15 sample days (1.3 per data point) for the same fills and P&amp;L (27.16 % against 27.18 % with 5 ticks and
/// 104,479 updates), and LEAN keeps every update (order event and ticket request) in memory for the whole backtest.
/// </summary>
public class AvellanedaStoikovAlgorithm : MarketMakingExampleAlgorithm
{
    private EwmaVarianceEstimator _variance = null!;
    private OpenMarketTimeline _sampleTime;
    private readonly SpikeFilter _spikes = new(SpikeFilterSettings.Default);
    private TimeSpan _sampleInterval;
    private double _timeOffsetSeconds;
    private DateTime _nextSample;
    private bool _logHeap;
    private long _orderEvents;
    /// <inheritdoc />
    protected override string ParameterPrefix => "as";

    /// <inheritdoc />
    public override void Initialize()
    {
        var security = SubscribeQuotedPair();
        var k = Parameter("intensity-decay", 10000.0);
        security.SetFillModel(PassiveFillModel());

        var gamma = Parameter("risk-aversion", 0.0003);
        var sigma = Parameter("volatility", 0.00002);
        var discount = Parameter("discount-rate", 0.0000231481);
        var size = Parameter("order-size", 10000.0);
        var maxInventory = Parameter("max-inventory", 50000.0);
        var model = new RecalibratingQuotingModel(
            inputs => new InfiniteHorizonAvellanedaStoikovModel(new InfiniteHorizonAvellanedaStoikovParameters(gamma, inputs[0], k, discount, maxInventory, size)),
            new[] { sigma },
            Parameter("recalibration-threshold", 0.1));
        var clock = new MarketMakingClock(TimeSpan.FromHours(Parameter("session-start-hour", 17.0)), TimeSpan.FromSeconds(1));
        InstallFramework(security, model, clock, defaultMaxInventory: (decimal)maxInventory, alpha: OrderFlowAlpha(), defaultMinRepriceTicks: 5);
        var maxDrawdown = Parameter("max-drawdown-percent", 0m);
        if (maxDrawdown > 0)
        {
            // LEAN's stock risk model next to the inventory limits: its plain zero targets make the execution model
            // cancel the quotes and flatten the holding; quoting resumes once flat
            AddRiskManagement(new MaximumDrawdownPercentPerSecurity(maxDrawdown));
        }

        _variance = new EwmaVarianceEstimator(TimeSpan.FromMinutes(Parameter("volatility-half-life-minutes", 60.0)).TotalSeconds);
        _sampleInterval = TimeSpan.FromSeconds(Parameter("volatility-sample-seconds", 60.0));
        _sampleTime = new OpenMarketTimeline(new OpenMarketClock(security.Exchange.Hours));
        ResumeFromSavedState();
    }

    /// <summary>
    /// Restores σ (the model is rebuilt with it at once) and the EWMA variance's sums; the variance continues on the
    /// saved time axis (the downtime is a break: no return across it, and it ages no weight).
    /// </summary>
    protected override void RestoreState(MarketMakingStateSnapshot snapshot)
    {
        if (snapshot.Estimators[0]?.Volatility is { } variance)
        {
            _variance.Restore(variance);
            _variance.Interrupt();
            _timeOffsetSeconds = variance.LastTimeSeconds;
        }

        var sigma = snapshot.State.VolatilityPerSqrtSecond[0];
        if (sigma > 0 && Model.Restore(stackalloc double[] { sigma }))
        {
            SetRuntimeStatistic("Restored model volatility", sigma.ToString("R", CultureInfo.InvariantCulture));
        }
    }

    /// <inheritdoc />
    protected override MarketMakingState DescribeState(MarketMakingState state) =>
        state.WithVolatility(ImmutableArray.Create(Model.Inputs[0]));

    /// <inheritdoc />
    protected override AssetEstimatorStates? SaveEstimators(int asset) => new(Volatility: _variance.Save());

    /// <summary>
    /// Sets the dates, the venue (<see cref="MarketMakingExampleAlgorithm.SetUpVenue"/>: account currency and cash,
    /// brokerage model) and subscribes to the quoted pair's ticks from the <c>as-*</c> parameters (the caller sets the
    /// benchmark). The subscription alone is <see cref="SubscriptionOnlyAlgorithm"/>, the baseline of the
    /// wall-time measurement.
    /// </summary>
    /// <returns>The quoted security.</returns>
    protected Security SubscribeQuotedPair()
    {
        SetStartDate(Parameter("start-year", 2014), Parameter("start-month", 5), Parameter("start-day", 1));
        SetEndDate(Parameter("end-year", 2014), Parameter("end-month", 5), Parameter("end-day", 15));
        _logHeap = bool.Parse(GetParameter("as-log-heap", "false"));

        var ticker = GetParameter("as-ticker", "EURUSD");
        var market = GetParameter("as-market", Market.Oanda);
        var crypto = GetParameter("as-security-type", "Forex") == "Crypto";
        SetUpVenue(crypto ? SecurityType.Crypto : SecurityType.Forex, ticker, market, defaultCash: 100000m);
        return crypto
            ? AddCrypto(ticker, Resolution.Tick, market)
            : AddForex(ticker, Resolution.Tick, market);
    }

    /// <summary>
    /// The passive fill model of the quoted pair: <c>as-fill-mode</c> = Intensity (default; rate
    /// <c>as-fill-intensity</c>·e^(−<c>as-intensity-decay</c>·δ) per unit of <c>as-fill-clock</c>: MarketSeconds (default)
    /// or Depletions, see <see cref="IntensityClock"/>; seeded by <c>as-fill-seed</c>) or Queue.
    /// </summary>
    protected PassiveQuoteFillModel PassiveFillModel() => GetParameter("as-fill-mode", "Intensity") == "Queue"
        ? PassiveQuoteFillModel.Queue(FillSettings())
        : PassiveQuoteFillModel.Intensity(new IntensityFill(Parameter("fill-intensity", 0.05), Parameter("intensity-decay", 10000.0), Parameter("fill-seed", 42),
            Enum.Parse<IntensityClock>(Parameter("fill-clock", nameof(IntensityClock.MarketSeconds)), ignoreCase: true)), FillSettings());

    /// <inheritdoc />
    public override void OnData(Slice slice)
    {
        if (Time >= _nextSample && QuoteMarket.From(Quoted) is var market && _spikes.AcceptsBook(market))
        {
            _nextSample = Time + _sampleInterval;
            var mid = (double)market.Mid;
            if (_sampleTime.Advance(Quoted.LocalTime))
            {
                _variance.Interrupt();
            }

            _variance.Update(_timeOffsetSeconds + _sampleTime.Seconds, mid);
            if (_variance.IsReady && _variance.Count > 10)
            {
                Model.Offer(stackalloc double[] { mid * Math.Sqrt(_variance.VariancePerSecond) });
            }
        }

        base.OnData(slice);
    }

    /// <summary>
    /// With <c>as-log-heap</c> = true, logs the managed heap after a full collection at the end of each day
    /// (<c>GC.GetTotalMemory(true)</c>; the check that no per-tick state accumulates, see scripts/measure-backtest.sh).
    /// </summary>
    public override void OnEndOfDay(Symbol symbol) => LogHeap();

    /// <summary>Counts every order event (for the heap log), then records fills as every example does.</summary>
    public override void OnOrderEvent(OrderEvent orderEvent)
    {
        _orderEvents++;
        base.OnOrderEvent(orderEvent);
    }

    /// <summary>With <c>as-log-heap</c> = true, also logs the heap after the last day.</summary>
    public override void OnEndOfAlgorithm()
    {
        SetRuntimeStatistic("Model volatility", Model.Inputs[0].ToString("R", CultureInfo.InvariantCulture));
        base.OnEndOfAlgorithm();
        LogHeap();
    }

    /// <inheritdoc />
    protected override void PlotIndicators()
    {
        if (_variance.IsReady)
        {
            Plot("Volatility", "Model sigma (price/sqrt s)", Model.Inputs[0]);
        }
    }

    /// <summary>
    /// With <c>as-log-heap</c> = true, logs <c>GC.GetTotalMemory(forceFullCollection: true)</c> with the algorithm time
    /// and the number of order events so far (LEAN keeps every one of them until the end of the backtest, so
    /// scripts/measure-backtest.sh regresses the heap on this count to separate LEAN's order records from anything the
    /// algorithm keeps).
    /// </summary>
    protected void LogHeap()
    {
        if (_logHeap)
        {
            Log(string.Create(CultureInfo.InvariantCulture, $"heap {Time:yyyy-MM-dd HH:mm} {GC.GetTotalMemory(forceFullCollection: true)} bytes {_orderEvents} order events"));
        }
    }
}
