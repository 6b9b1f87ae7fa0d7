using System;
using Lean.MarketMaking.Algorithms.Alpha;
using Lean.MarketMaking.Algorithms.Fills;
using Lean.MarketMaking.Algorithms.MarketData;
using Lean.MarketMaking.Algorithms.PortfolioConstruction;
using Lean.MarketMaking.Indicators;
using Lean.MarketMaking.Models.Estimation.Jumps;
using Lean.MarketMaking.Models.Estimation.Regimes;
using Lean.MarketMaking.Models.Quoting.CarteaJaimungal;
using QuantConnect;
using QuantConnect.Data;

namespace Lean.MarketMaking.Algorithms.Examples;

/// <summary>
/// Example: Cartea–Jaimungal quotes with mid-price jumps (Cartea, Jaimungal &amp; Penalva 2015, "Algorithmic and
/// High-Frequency Trading", §10.2 and §10.4) on BTCUSD minute quotes (LEAN's sample data has Coinbase 2018-04-04..05),
/// with two online inputs:
/// <list type="bullet">
/// <item>jumps: <see cref="JumpIndicator"/> (Lee–Mykland test on one-minute log mids) → its up/down summary becomes
/// <see cref="MidPriceJumpParameters"/> (λ_J = jumps per second, p = share of up jumps, η± = exponential rates of the
/// jump sizes converted from log-returns to dollars at the current mid, <see cref="JumpInputs"/>), corrected for the
/// jumps below the test's threshold (<see cref="JumpIndicator.ThresholdCorrectedSummary"/>) and refreshed when a jump
/// is found;</item>
/// <item>regime: <see cref="RegimeIndicator"/> (two-state Gaussian HMM of one-minute log returns) → when the
/// probability of the volatile state exceeds <c>cj-regime-threshold</c> the volatile parameter set (running penalty φ,
/// order rates λ±) replaces the calm one.</item>
/// </list>
/// The model is rebuilt when the regime switches or a jump input moves by more than <c>cj-recalibration-threshold</c>.
/// Two alpha models run on the same one-minute mids (LEAN's <c>AddAlpha</c> makes them a
/// <c>CompositeAlphaModel</c>): <see cref="JumpAlphaModel"/> emits price insights carrying the expected jump drift over
/// <c>cj-jump-alpha-period-seconds</c>, which the portfolio construction model turns into the model's drift, and
/// <see cref="RegimeVolatilityAlphaModel"/> emits volatility insights over <c>cj-volatility-alpha-period-seconds</c>
/// (diagnostics and other consumers: the quotes take the regime from the indicator above). With the jump alpha on
/// (<c>cj-jump-alpha</c> = 1) the model's jump inputs are made drift-neutral (<see cref="JumpInputs.WithoutDrift"/>) so
/// the jump drift is counted once, by the alpha; its jump variance is kept.
/// Time unit: seconds. BTCUSD trades 24/7 and the inventory is carried through every midnight, so there is no horizon
/// at which it is flattened: the model is evaluated at the fixed time-to-go <c>cj-time-to-go-hours</c> = 24 h
/// (<see cref="FixedTimeToGoQuotingModel"/>), far beyond its relaxation time (minutes), i.e. its large-horizon limit —
/// the quotes do not depend on the time of day. Inventory in lots of <c>cj-lot-size</c> BTC, at most
/// <c>cj-max-lots</c>. Minute data have no trade ticks, so quotes fill by the intensity rule (λ·e^(−κδ) per second).
/// </summary>
public class CarteaJaimungalRegimeAlgorithm : MarketMakingExampleAlgorithm
{
    private JumpIndicator _jumps = null!;
    private RegimeIndicator _regime = null!;
    private long _jumpsSeen;
    private double[] _inputs = null!;
    private double _regimeThreshold;
    private double _fallbackJumpRate;
    private JumpAlphaModel? _jumpAlpha;
    private RegimeVolatilityAlphaModel _volatilityAlpha = null!;

    /// <inheritdoc />
    protected override string ParameterPrefix => "cj";

    /// <inheritdoc />
    public override void Initialize()
    {
        SetStartDate(Parameter("start-year", 2018), Parameter("start-month", 4), Parameter("start-day", 4));
        SetEndDate(Parameter("end-year", 2018), Parameter("end-month", 4), Parameter("end-day", 5));
        var ticker = GetParameter("cj-ticker", "BTCUSD");
        var market = GetParameter("cj-market", Market.Coinbase);
        SetUpVenue(SecurityType.Crypto, ticker, market, defaultCash: 100000m);
        var security = AddCrypto(ticker, Resolution.Minute, market);

        var kappa = Parameter("fill-decay", 0.3);
        var lot = Parameter("lot-size", 0.01);
        var maxLots = Parameter("max-lots", 10);
        var timeToGo = TimeSpan.FromHours(Parameter("time-to-go-hours", 24.0)).TotalSeconds;
        var terminal = Parameter("terminal-penalty", 0.01);
        var calm = (Phi: Parameter("calm-running-penalty", 0.00001), Rate: Parameter("calm-order-rate", 0.05));
        var wild = (Phi: Parameter("volatile-running-penalty", 0.0001), Rate: Parameter("volatile-order-rate", 0.1));
        var rho = Parameter("order-jump-probability", 0.1);
        var epsilon = Parameter("order-jump-size", 1.0);
        var jumpAversion = Parameter("jump-risk-aversion", 0.0);
        security.SetFillModel(PassiveQuoteFillModel.Intensity(new IntensityFill(calm.Rate, kappa, Parameter("fill-seed", 42)), FillSettings()));

        // inputs: regime (0 calm, 1 volatile), λ_J per second, p up, η⁺ and η⁻ per dollar
        _fallbackJumpRate = Parameter("default-jump-rate", 0.02);
        _inputs = new[] { 0, 0, 0.5, _fallbackJumpRate, _fallbackJumpRate };
        var model = new RecalibratingQuotingModel(
            x =>
            {
                var set = x[0] > 0.5 ? wild : calm;
                return new FixedTimeToGoQuotingModel(new CarteaJaimungalModel(
                    new CarteaJaimungalParameters(set.Phi, terminal, kappa, set.Rate, set.Rate, maxLots, lot, timeToGo),
                    new MidPriceJumpParameters(x[1], x[2], x[3], x[4], rho, epsilon, epsilon, jumpAversion)));
            },
            _inputs,
            Parameter("recalibration-threshold", 0.25));
        var clock = new MarketMakingClock(TimeSpan.FromHours(Parameter("session-start-hour", 0.0)), TimeSpan.FromSeconds(1));
        InstallFramework(security, model, clock, defaultMaxInventory: (decimal)(maxLots * lot));

        var detector = new LeeMyklandParameters(Parameter("jump-window", 60), Parameter("jump-significance", 0.01));
        var testsPerDay = Parameter("jump-tests-per-day", 1440);
        // the exchange's open-market clock (crypto never closes: no return is dropped, every second counts)
        var hours = new OpenMarketClock(security.Exchange.Hours);
        _jumps = new JumpIndicator("jumps", detector, testCount: testsPerDay) { Clock = hours };
        var stayCalm = Parameter("regime-stay-calm", 0.99);
        var stayWild = Parameter("regime-stay-volatile", 0.98);
        var regimes = new HiddenMarkovModelParameters(
            new[] { 0.5, 0.5 },
            new[,] { { stayCalm, 1 - stayCalm }, { 1 - stayWild, stayWild } },
            new[]
            {
                GaussianEmission.Univariate(0, Parameter("regime-calm-volatility", 0.0008)),
                GaussianEmission.Univariate(0, Parameter("regime-volatile-volatility", 0.003)),
            });
        _regime = new RegimeIndicator("regime", regimes) { Clock = hours };
        _regimeThreshold = Parameter("regime-threshold", 0.5);

        // the regime model and the jump test work on one-minute returns: the alphas sample the mid every minute
        var sample = TimeSpan.FromMinutes(1);
        var jumpDetection = new JumpDetectionSettings(detector, testsPerDay, TimeSpan.FromMinutes(Parameter("alpha-jump-half-life-minutes", 60.0)));
        var jumpAlpha = Parameter("jump-alpha", 1);
        if (jumpAlpha != 0)
        {
            _jumpAlpha = new JumpAlphaModel(jumpDetection, sample, TimeSpan.FromSeconds(Parameter("jump-alpha-period-seconds", 300.0)),
                Parameter("jump-alpha-min-magnitude", 0.0001), Parameter("jump-alpha-min-confidence", 0.5));
            AddAlpha(_jumpAlpha);
        }

        _volatilityAlpha = new RegimeVolatilityAlphaModel(regimes, sample, TimeSpan.FromSeconds(Parameter("volatility-alpha-period-seconds", 1800.0)),
            Parameter("volatility-alpha-threshold", 0.1), jumpDetection);
        AddAlpha(_volatilityAlpha);
    }

    /// <inheritdoc />
    public override void OnData(Slice slice)
    {
        var market = QuoteMarket.From(Quoted);
        if (market.Validate(TimeSpan.MaxValue) == MarketDataIssue.None)
        {
            _jumps.Update(Quoted.LocalTime, market.Mid);
            _regime.Update(Quoted.LocalTime, market.Mid);
            var changed = false;
            if (_regime.IsReady)
            {
                var regime = _regime.MostVolatileProbability > _regimeThreshold ? 1.0 : 0.0;
                changed |= regime != _inputs[0];
                _inputs[0] = regime;
            }

            if (_jumps.JumpCount != _jumpsSeen && _jumps.ThresholdCorrectedSummary is { } summary)
            {
                _jumpsSeen = _jumps.JumpCount;
                var inputs = JumpInputs.From(summary, (double)market.Mid, _fallbackJumpRate);
                (_inputs[1], _inputs[2], _inputs[3], _inputs[4]) = _jumpAlpha is null ? inputs : JumpInputs.WithoutDrift(inputs);
                changed = true;
            }

            if (changed)
            {
                Model.Offer(_inputs);
            }
        }

        base.OnData(slice);
    }

    /// <inheritdoc />
    protected override void PlotIndicators()
    {
        if (_regime.IsReady)
        {
            Plot("Regime", "P(volatile)", _regime.MostVolatileProbability);
        }

        Plot("Regime", "Model regime", Model.Inputs[0]);
        Plot("Jumps", "Count", (double)_jumps.JumpCount);
        Plot("Jumps", "Intensity (per s)", Model.Inputs[1]);
        if (_jumpAlpha is not null)
        {
            Plot("Alpha", "Jump drift view (bp over period)", _jumpAlpha.ViewOf(Quoted.Symbol) * 1e4);
        }

        Plot("Alpha", "Volatility view (% change over period)", _volatilityAlpha.ViewOf(Quoted.Symbol) * 100);
    }

    /// <inheritdoc />
    public override void OnEndOfAlgorithm()
    {
        base.OnEndOfAlgorithm();
        SetRuntimeStatistic("Jump insights", (decimal)(_jumpAlpha?.InsightCount ?? 0));
        SetRuntimeStatistic("Jumps seen by the jump alpha", (decimal)(_jumpAlpha?.JumpCountOf(Quoted.Symbol) ?? 0));
        SetRuntimeStatistic("Volatility insights", (decimal)_volatilityAlpha.InsightCount);
    }
}
