using System;
using Lean.MarketMaking.Algorithms.Alpha;
using Lean.MarketMaking.Algorithms.Fills;
using Lean.MarketMaking.Algorithms.MarketData;
using Lean.MarketMaking.Algorithms.PortfolioConstruction;
using Lean.MarketMaking.Indicators;
using Lean.MarketMaking.Models.Estimation.Hawkes;
using Lean.MarketMaking.Models.Estimation.Intensity;
using Lean.MarketMaking.Models.Quoting.Glft;
using Lean.MarketMaking.Models.Quoting.Toxicity;
using QuantConnect;
using QuantConnect.Data;
using QuantConnect.Securities;

namespace Lean.MarketMaking.Algorithms.Examples;

/// <summary>
/// Example: Guéant–Lehalle–Fernandez-Tapia closed-form quotes (Guéant 2017 eqs. (4.6)/(4.7)) on IBM ticks (LEAN's
/// sample data: 2013-10-07..11, trade ticks and one-sided quote ticks) with A, k and σ calibrated online:
/// <list type="bullet">
/// <item>σ (price per √second) = mid × <see cref="RealizedVolatilityIndicator"/> (bipower, on the cached mid sampled
/// every <c>glft-volatility-sample-seconds</c>);</item>
/// <item>A (fills per second) and k (per dollar) = the averages of the two sides of <see cref="TradingIntensityIndicator"/>
/// (trade depths against the latest bid and ask of the security's cache, refitted every <c>glft-intensity-refit-minutes</c>);</item>
/// <item>the Hawkes buy/sell intensities of <see cref="HawkesIntensityIndicator"/> are plotted with the order-flow
/// imbalance.</item>
/// </list>
/// The three indicators run on the exchange's open-market clock (<see cref="OpenMarketClock"/>): the night is neither
/// volatility time nor exposure, and the overnight return is not in the window.
/// The closed-form model is rebuilt when σ, A or k moves by more than <c>glft-recalibration-threshold</c> (relative).
/// It is the stationary (ergodic) GLFT solution, so the quotes do not depend on the time of day. The quotes are pulled
/// <c>glft-pull-before-close-minutes</c> before the close; the inventory is not flattened there (the execution model
/// only cancels) and whatever is held is carried overnight.
/// Quotes fill by the queue-position rule of <see cref="PassiveQuoteFillModel"/> against the trade ticks, or by its
/// intensity rule (<see cref="FillModel(Security)"/>).
/// <para>With <c>glft-toxicity=1</c> a <see cref="FlowToxicityAlphaModel"/> is added (VPIN buckets of
/// <c>glft-toxicity-bucket-volume</c> shares × <c>glft-toxicity-bucket-count</c>, the Hawkes parameters above, sign
/// persistence half-life <c>glft-toxicity-persistence-trades</c>) and the GLFT model is wrapped in a
/// <see cref="ToxicityAwareQuotingModel"/> (<see cref="ToxicityResponse"/>: <c>glft-toxicity-max-adverse-selection</c> $,
/// <c>glft-toxicity-max-drift</c> $/s decaying over <c>glft-toxicity-drift-decay-seconds</c>, pull past
/// <c>glft-toxicity-pull-threshold</c>, no response up to <c>glft-toxicity-neutral-score</c>); everything else is
/// unchanged, so the two settings compare the same quotes with and without the toxicity input.</para>
/// </summary>
public class GlftOnlineCalibrationAlgorithm : MarketMakingExampleAlgorithm
{
    private RealizedVolatilityIndicator _volatility = null!;
    private TradingIntensityIndicator _intensity = null!;
    private HawkesIntensityIndicator _hawkes = null!;
    private FlowToxicityAlphaModel? _toxicity;
    private ToxicityAwareQuotingModel? _toxicityModel;
    private long _pulledByEarlierModels;

    /// <inheritdoc />
    protected override string ParameterPrefix => "glft";

    /// <inheritdoc />
    public override void Initialize()
    {
        SetStartDate(Parameter("start-year", 2013), Parameter("start-month", 10), Parameter("start-day", 7));
        SetEndDate(Parameter("end-year", 2013), Parameter("end-month", 10), Parameter("end-day", 11));
        var ticker = GetParameter("glft-ticker", "IBM");
        SetUpVenue(SecurityType.Equity, ticker, Market.USA, defaultCash: 1000000m);
        // raw prices: adjusted ones are off the tick grid and not what the exchange quotes
        var security = AddEquity(ticker, Resolution.Tick, dataNormalizationMode: DataNormalizationMode.Raw);
        security.SetFillModel(FillModel(security));

        var gamma = Parameter("risk-aversion", 0.01);
        var size = Parameter("order-size", 100.0);
        var initial = new[] { Parameter("volatility", 0.012), Parameter("arrival-rate", 0.5), Parameter("depth-decay", 30.0) };
        var toxicity = Parameter("toxicity", 0) != 0
            ? new ToxicityResponse(Parameter("toxicity-max-adverse-selection", 0.05), Parameter("toxicity-max-drift", 0.001),
                Parameter("toxicity-drift-decay-seconds", 30.0), Parameter("toxicity-pull-threshold", 0.3), Parameter("toxicity-levels", 10),
                Parameter("toxicity-neutral-score", 0.4))
            : null;
        var model = new RecalibratingQuotingModel(
            inputs => toxicity is null
                ? new GlftClosedFormModel(new GlftParameters(gamma, inputs[0], inputs[1], inputs[2], size))
                : Track(ToxicityAwareQuotingModel.Glft(new GlftParameters(gamma, inputs[0], inputs[1], inputs[2], size), toxicity)),
            initial,
            Parameter("recalibration-threshold", 0.2));
        var clock = new MarketMakingClock(TimeSpan.FromHours(Parameter("session-start-hour", 9.5)), TimeSpan.FromSeconds(1));
        InstallFramework(security, model, clock, defaultMaxInventory: 1000m, OrderFlowAlpha(), defaultPullBeforeCloseMinutes: 10);

        // the estimators count open-market seconds and drop the return across each close
        var hours = new OpenMarketClock(security.Exchange.Hours);
        _volatility = new RealizedVolatilityIndicator("sigma", Parameter("volatility-window-returns", 600),
            jumpRobust: true, TimeSpan.FromSeconds(Parameter("volatility-sample-seconds", 1.0))) { Clock = hours };
        _intensity = new TradingIntensityIndicator("intensity",
            new TradingIntensityOptions(Parameter("intensity-interval-seconds", 10.0), Parameter("intensity-depth-step", 0.01),
                Parameter("intensity-depth-levels", 10)),
            TimeSpan.FromMinutes(Parameter("intensity-refit-minutes", 15.0))) { Clock = hours };
        var mu = Parameter("hawkes-base-rate", 0.05);
        var self = Parameter("hawkes-self-excitation", 0.3);
        var cross = Parameter("hawkes-cross-excitation", 0.1);
        var hawkes = new HawkesParameters(new[] { mu, mu }, new[,] { { self, cross }, { cross, self } }, Parameter("hawkes-decay", 1.0));
        _hawkes = new HawkesIntensityIndicator("hawkes", hawkes) { Clock = hours };
        if (toxicity is not null)
        {
            _toxicity = new FlowToxicityAlphaModel(Parameter("toxicity-bucket-volume", 5000.0), Parameter("toxicity-bucket-count", 20), hawkes,
                Parameter("toxicity-persistence-trades", 20.0), TimeSpan.FromSeconds(Parameter("toxicity-period-seconds", 60.0)), toxicity.Levels);
            AddAlpha(_toxicity);
        }
    }

    /// <summary>
    /// The fill model of the quoted <paramref name="security"/>: <c>glft-fill-mode</c> = Queue (default: the queue-position rule against the trade ticks)
    /// or Intensity (rate <c>glft-fill-intensity</c>·e^(−<c>glft-fill-decay</c>·δ) per unit of <c>glft-fill-clock</c>, δ in
    /// dollars, seeded by <c>glft-fill-seed</c>).
    /// </summary>
    protected virtual PassiveQuoteFillModel FillModel(Security security) => IsIntensityFillMode
        ? PassiveQuoteFillModel.Intensity(IntensityFillRule(), FillSettings())
        : PassiveQuoteFillModel.Queue(FillSettings());

    /// <summary>Whether <c>glft-fill-mode</c> asks for the intensity rule.</summary>
    protected bool IsIntensityFillMode => string.Equals(Parameter("fill-mode", "Queue"), "Intensity", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The intensity rule from <c>glft-fill-intensity</c> (A, default 0.5), <c>glft-fill-decay</c> (k, per dollar, default
    /// 100), <c>glft-fill-seed</c> (default 42) and <c>glft-fill-clock</c> (MarketSeconds, default: A per second; or
    /// Depletions: A per own-side depletion, see <see cref="IntensityClock"/>).
    /// </summary>
    protected IntensityFill IntensityFillRule() =>
        new(Parameter("fill-intensity", 0.5), Parameter("fill-decay", 100.0), Parameter("fill-seed", 42),
            Enum.Parse<IntensityClock>(Parameter("fill-clock", nameof(IntensityClock.MarketSeconds)), ignoreCase: true));

    /// <inheritdoc />
    public override void OnData(Slice slice)
    {
        foreach (var (symbol, ticks) in slice.Ticks)
        {
            if (symbol != Quoted.Symbol)
            {
                continue;
            }

            foreach (var tick in ticks)
            {
                _intensity.Update(tick);
                _hawkes.Update(tick);
            }
        }

        var market = QuoteMarket.From(Quoted);
        if (market.Validate(TimeSpan.MaxValue) == MarketDataIssue.None)
        {
            _volatility.Update(Quoted.LocalTime, market.Mid);
            if (_volatility.IsReady && _intensity.IsReady)
            {
                Model.Offer(stackalloc double[]
                {
                    (double)market.Mid * _volatility.VolatilityPerSqrtSecond,
                    0.5 * (_intensity.BidA + _intensity.AskA),
                    0.5 * (_intensity.BidK + _intensity.AskK),
                });
            }
        }

        base.OnData(slice);
    }

    // Each recalibration builds a new toxicity-aware model: keep the pulls counted by the earlier ones.
    private ToxicityAwareQuotingModel Track(ToxicityAwareQuotingModel model)
    {
        _pulledByEarlierModels += _toxicityModel?.PulledQuotes ?? 0;
        _toxicityModel = model;
        return model;
    }

    /// <inheritdoc />
    protected override void PlotIndicators()
    {
        var inputs = Model.Inputs;
        Plot("Calibration", "sigma (price/sqrt s)", inputs[0]);
        Plot("Calibration", "A (per s)", inputs[1]);
        Plot("Calibration", "k (per price)", inputs[2]);
        if (_hawkes.IsReady)
        {
            Plot("Hawkes", "Buy intensity", _hawkes.BuyIntensity);
            Plot("Hawkes", "Sell intensity", _hawkes.SellIntensity);
            Plot("Hawkes", "Imbalance", _hawkes.Imbalance);
        }

        if (_toxicity is not null)
        {
            var (score, side) = _toxicity.ToxicityOf(Quoted.Symbol);
            Plot("Toxicity", "Score", score);
            Plot("Toxicity", "Informed side", (double)side);
            SetRuntimeStatistic("Toxicity insights", (decimal)_toxicity.InsightCount);
            SetRuntimeStatistic("Toxicity pulled quotes", (decimal)(_pulledByEarlierModels + (_toxicityModel?.PulledQuotes ?? 0)));
        }
    }
}
