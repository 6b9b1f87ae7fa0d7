using System;
using System.Linq;
using Lean.MarketMaking.Algorithms.Fills;
using Lean.MarketMaking.Algorithms.MarketData;
using Lean.MarketMaking.Algorithms.PortfolioConstruction;
using Lean.MarketMaking.Indicators;
using Lean.MarketMaking.Models.Estimation.Volatility;
using Lean.MarketMaking.Models.LinearAlgebra;
using Lean.MarketMaking.Models.Quoting.MultiAsset;
using QuantConnect;
using QuantConnect.Data;
using QuantConnect.Securities;

namespace Lean.MarketMaking.Algorithms.Examples;

/// <summary>
/// Example: Guéant's multi-asset market making (Guéant 2017, "Optimal market making", Applied Mathematical Finance
/// 24(2)) in the closed-form approximation of Bergault, Evangelista, Guéant &amp; Vieira (2021)
/// (<see cref="MultiAssetGlftModel"/>), quoting SPY and IBM jointly on LEAN's minute sample data (2013-10-07..11, trade
/// and quote bars; <c>gm-tickers</c> selects other equities). The quotes of each stock are skewed by the inventory of
/// both through the quadratic coefficient A(t) of the value function, so a long SPY position also lowers the IBM quotes
/// when the two are positively correlated.
/// <list type="bullet">
/// <item>Covariance Σ (price² per second): <see cref="EwmaCovarianceEstimator"/> of the log mids sampled every
/// <c>gm-covariance-sample-seconds</c> with half-life <c>gm-covariance-half-life-minutes</c>, on a trading-time clock
/// in open-market seconds of the exchange hours (<see cref="OpenMarketClock"/>; the overnight return is not counted:
/// <see cref="EwmaCovarianceEstimator.Interrupt"/> at each close), converted
/// to prices at the current mids, Σᵢⱼ = ρᵢⱼσᵢσⱼ with σᵢ = midᵢ·σᵢ(log). Until <c>gm-covariance-min-samples</c> samples
/// the model uses σᵢ = <c>gm-volatility</c> and ρ = <c>gm-correlation</c>. A Σ that is not positive definite (a singular
/// estimate: two tickers in lockstep, or fewer returns than tickers) keeps the previous model with <c>gm-covariance-policy</c> = Reject (default) or is replaced
/// by its nearest positive definite correlation with Repair (<see cref="CorrelationRepair"/>). The model is rebuilt when a σᵢ or a ρᵢⱼ moves by
/// more than <c>gm-recalibration-threshold</c> (relative; a ρ near 0 rebuilds on small absolute moves, which only costs
/// an n×n eigendecomposition).</item>
/// <item>Liquidity: both stocks share the fill intensity A·e^(−kδ) (A = <c>gm-fill-intensity</c> per second at the mid,
/// k = <c>gm-intensity-decay</c> per dollar), the order size z = <c>gm-order-size</c> shares and the risk aversion γ
/// (<c>gm-risk-aversion</c>, per dollar). The defaults A = 0.03 per second and k = 25 per dollar lie between the
/// rates at which the sample's trades reach a depth δ from the mid: over the 5 days, the share p(δ) of minutes whose
/// trade bar reaches δ = 1..15 cents from the previous minute's quote mid gives λ(δ) = −ln(1 − p)/60 s, and a log-linear
/// fit gives A = 0.027, k = 31 for SPY and A = 0.029, k = 23 for IBM (a reach is an upper bound of a fill: the queue is
/// ignored). Time unit: one second since the 09:30 open; horizon <c>gm-horizon-hours</c> (6.5: the session, ending at
/// the 16:00 close) with <c>gm-regime</c> = FiniteHorizon, or the ergodic limit with Ergodic. The quotes are pulled
/// <c>gm-pull-before-close-minutes</c> before the close; this example does not flatten the inventory there (the
/// execution model only cancels), so whatever is held at the close is carried overnight, which the finite horizon does
/// not price: the horizon is the quoting session, not a liquidation date.</item>
/// <item>Fills: minute data carry no trade prints, only trade and quote bars, so the queue-position rule of
/// <see cref="PassiveQuoteFillModel"/> has nothing to consume the queue with; quotes fill by its intensity rule, the
/// same A·e^(−kδ) the model assumes, drawn once per minute bar whose book came to the quote (δ = distance of the quote
/// from the mid), seeded by <c>gm-fill-seed</c> (+ the asset index). A resting quote that the next bar's book crosses fills at its limit too:
/// the adverse fills of quoting on a one-minute grid (SPY's mid moves some 4 cents a minute, IBM's 7).</item>
/// <item>Equities: raw prices (the exchange's tick grid, 0.01), lot 1 share; LEAN's Interactive Brokers brokerage model
/// (a margin account, so short quotes are allowed, and its equity fees of $0.005 a share, at least $1 an order,
/// which the P&amp;L includes). Inventory is limited to <c>gm-max-inventory</c> shares per stock.</item>
/// </list>
/// The model has no drift input, so no alpha is installed. Charts: quotes, mid and reservation per stock, inventory,
/// spread captured and P&amp;L per stock and in total, and the estimated volatilities and correlation.
/// </summary>
public class GueantMultiAssetAlgorithm : MarketMakingExampleAlgorithm
{
    private Security[] _securities = null!;
    private RecalibratingMultiAssetQuotingModel _model = null!;
    private EwmaCovarianceEstimator _covariance = null!;
    private double[] _mids = null!;
    private double[] _inputs = null!;
    private TimeSpan _sampleInterval;
    private int _minimumSamples;
    private DateTime _lastSample;
    private OpenMarketTimeline _sampleTime;

    /// <inheritdoc />
    protected override string ParameterPrefix => "gm";

    /// <summary>The tickers quoted when <c>&lt;prefix&gt;-tickers</c> is not set.</summary>
    protected virtual string DefaultTickers => "SPY,IBM";

    /// <inheritdoc />
    public override void Initialize()
    {
        SetStartDate(Parameter("start-year", 2013), Parameter("start-month", 10), Parameter("start-day", 7));
        SetEndDate(Parameter("end-year", 2013), Parameter("end-month", 10), Parameter("end-day", 11));
        var tickers = Parameter("tickers", DefaultTickers).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        SetUpVenue(SecurityType.Equity, tickers[0], Market.USA, defaultCash: 1000000m);
        var a = Parameter("fill-intensity", 0.03);
        var k = Parameter("intensity-decay", 25.0);
        var seed = Parameter("fill-seed", 42);
        // raw prices: adjusted ones are off the tick grid and not what the exchange quotes
        _securities = tickers.Select(t => (Security)AddEquity(t, Resolution.Minute, dataNormalizationMode: DataNormalizationMode.Raw)).ToArray();
        for (var i = 0; i < _securities.Length; i++)
        {
            _securities[i].SetFillModel(PassiveQuoteFillModel.Intensity(new IntensityFill(a, k, seed + i), FillSettings()));
        }

        var n = _securities.Length;
        var gamma = Parameter("risk-aversion", 0.01);
        var size = Parameter("order-size", 100.0);
        var horizon = TimeSpan.FromHours(Parameter("horizon-hours", 6.5)).TotalSeconds;
        var regime = Enum.Parse<MultiAssetGlftRegime>(Parameter("regime", "FiniteHorizon"));
        var policy = Enum.Parse<NonPositiveDefinitePolicy>(Parameter("covariance-policy", "Reject"));
        // inputs: σ₀..σₙ₋₁ (price per √s), then ρᵢⱼ for i < j
        _inputs = new double[n + (n * (n - 1) / 2)];
        Array.Fill(_inputs, Parameter("volatility", 0.01), 0, n);
        Array.Fill(_inputs, Parameter("correlation", 0.5), n, _inputs.Length - n);
        _model = new RecalibratingMultiAssetQuotingModel(
            x => new MultiAssetGlftModel(MultiAssetGlftParameters.WithCommonLiquidity(Covariance(x, n), a, k, size, gamma, horizon, covariancePolicy: policy), regime),
            _inputs,
            Parameter("recalibration-threshold", 0.2));
        var clock = new MarketMakingClock(TimeSpan.FromHours(Parameter("session-start-hour", 9.5)), TimeSpan.FromSeconds(1));
        InstallFramework(_securities, _model, clock, defaultMaxInventory: 500m, defaultPullBeforeCloseMinutes: 10);

        _covariance = new EwmaCovarianceEstimator(n, TimeSpan.FromMinutes(Parameter("covariance-half-life-minutes", 60.0)).TotalSeconds);
        _sampleInterval = TimeSpan.FromSeconds(Parameter("covariance-sample-seconds", 60.0));
        _minimumSamples = Parameter("covariance-min-samples", 30);
        _mids = new double[n];
        _sampleTime = new OpenMarketTimeline(new OpenMarketClock(_securities[0].Exchange.Hours));
    }

    /// <inheritdoc />
    public override void OnData(Slice slice)
    {
        if (Time - _lastSample >= _sampleInterval && ReadMids())
        {
            if (_sampleTime.Advance(_securities[0].LocalTime))
            {
                _covariance.Interrupt();
            }

            _lastSample = Time;
            _covariance.Update(_sampleTime.Seconds, _mids);
            if (_covariance.Count >= _minimumSamples)
            {
                OfferCovariance();
            }
        }

        base.OnData(slice);
    }

    /// <inheritdoc />
    protected override void PlotIndicators()
    {
        var n = _securities.Length;
        var inputs = _model.Inputs;
        for (var i = 0; i < n; i++)
        {
            Plot("Covariance", $"sigma {_securities[i].Symbol.Value} (price/sqrt s)", inputs[i]);
        }

        for (int i = 0, m = n; i < n; i++)
        {
            for (var j = i + 1; j < n; j++, m++)
            {
                Plot("Covariance", $"rho {_securities[i].Symbol.Value}-{_securities[j].Symbol.Value}", inputs[m]);
            }
        }
    }

    /// <summary>Σᵢⱼ = ρᵢⱼσᵢσⱼ from the inputs σ₀..σₙ₋₁, ρᵢⱼ (i &lt; j, row by row).</summary>
    private static double[,] Covariance(double[] inputs, int n)
    {
        var covariance = new double[n, n];
        for (int i = 0, m = n; i < n; i++)
        {
            covariance[i, i] = inputs[i] * inputs[i];
            for (var j = i + 1; j < n; j++, m++)
            {
                covariance[i, j] = covariance[j, i] = inputs[m] * inputs[i] * inputs[j];
            }
        }

        return covariance;
    }

    /// <summary>Reads every mid; false if a book is not usable (the sample is skipped).</summary>
    private bool ReadMids()
    {
        for (var i = 0; i < _securities.Length; i++)
        {
            var market = QuoteMarket.From(_securities[i]);
            if (market.Validate(TimeSpan.MaxValue) != MarketDataIssue.None)
            {
                return false;
            }

            _mids[i] = (double)market.Mid;
        }

        return true;
    }

    /// <summary>Offers σᵢ = midᵢ·√Σ̂ᵢᵢ and ρ̂ᵢⱼ to the recalibrating model.</summary>
    private void OfferCovariance()
    {
        var n = _securities.Length;
        for (int i = 0, m = n; i < n; i++)
        {
            _inputs[i] = _mids[i] * Math.Sqrt(_covariance.Covariance(i, i));
            for (var j = i + 1; j < n; j++, m++)
            {
                _inputs[m] = _covariance.Correlation(i, j);
            }
        }

        _model.Offer(_inputs);
    }
}
