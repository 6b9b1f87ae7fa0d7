using System;
using System.Globalization;
using Lean.MarketMaking.Algorithms.Fills;
using Lean.MarketMaking.Algorithms.MarketData;
using Lean.MarketMaking.Models.Risk;
using Lean.MarketMaking.Risk;
using QuantConnect;
using QuantConnect.Data;
using QuantConnect.Orders;
using QuantConnect.Securities;

namespace Lean.MarketMaking.Algorithms.Examples;

/// <summary>
/// Example: the risk layer around a jointly quoted pair. Two correlated stocks (<c>risk-tickers</c>, default IBM and
/// AIG, minute bars of 2013-10-07..11 in LEAN's own Data folder: the sample set has no AIG) are quoted by the Guéant multi-asset model exactly as in
/// <see cref="GueantMultiAssetAlgorithm"/> (every <c>gm-*</c> parameter exists as <c>risk-*</c>), and a third instrument
/// (<c>risk-hedge-ticker</c>, default SPY) is traded only to hedge them. After the inventory limit and the kill switch
/// of every example (always installed here: by hand or LEAN command, <see cref="KillSwitchCommand"/>, and with
/// <c>risk-kill-daily-loss</c>, <c>-kill-max-drawdown</c> on losses), LEAN's <c>CompositeRiskManagementModel</c>
/// (built by <c>AddRiskManagement</c>) runs:
/// <list type="bullet">
/// <item><see cref="ValueAtRiskLimitRiskManagementModel"/>: 99 % (<c>risk-var-confidence</c>) delta-normal VaR of the
/// whole book (quoted stocks and hedge) over <c>risk-var-horizon-periods</c> sampling intervals of
/// <c>risk-var-sample-seconds</c>, EWMA covariance with half-life <c>risk-var-half-life-minutes</c> on the exchange's
/// open-market clock, used after <c>risk-var-min-samples</c> samples; soft, hard and reduce limits
/// <c>risk-var-soft-limit</c>, <c>-hard-limit</c>, <c>-reduce-limit</c> (dollars).</item>
/// <item><see cref="MinimumVarianceHedgeRiskManagementModel"/>: the hedge instrument is traded to the minimum-variance
/// hedge of the quoted stocks' holdings when its holding leaves the band <c>risk-hedge-band</c> (relative), with the
/// same covariance sampling.</item>
/// </list>
/// A later model's target wins a symbol, and each keeps a stricter plain target it is given (the kill switch's zero,
/// the inventory limit's reduction): the strictest target wins. The hedge instrument fills through the same fill
/// model (marketable: the displayed size at the touch, then square-root impact), with LEAN's Interactive Brokers fees.
/// The quoting model is the Guéant example's <see cref="RecalibratingMultiAssetQuotingModel"/>.
/// Charts: "Value at risk" (VaR, ES and the limits), "VaR utilisation", "Hedge" (held, minimum-variance quantity, hedge
/// ratio). Runtime statistics: "VaR max utilisation", "VaR breaches" (steps entering VaR ≥ hard limit), "VaR
/// reductions" (steps entering VaR &gt; reduce limit), "Hedge orders", and per fill of a quote the VaR of the book right
/// after it (<see cref="ValueAtRiskLimitRiskManagementModel.Measure(Symbol, decimal)"/>): "VaR max utilisation after a fill", "Fills
/// leaving VaR above the hard limit" and "Quote fills raising VaR at the hard limit" (a quote that fills while only
/// the reducing side is quoted and still raises the VaR: 0 unless the risk layer is broken).
/// </summary>
public class RiskLayerAlgorithm : GueantMultiAssetAlgorithm
{
    private Security _hedge = null!;
    private ValueAtRiskLimitRiskManagementModel _valueAtRisk = null!;
    private MinimumVarianceHedgeRiskManagementModel _hedging = null!;
    private ValueAtRiskLimitState _lastState = ValueAtRiskLimitState.WarmingUp;
    private double _maxUtilisation;
    private double _maxUtilisationAfterFill;
    private int _breaches;
    private int _reductions;
    private int _hedgeOrders;
    private int _fillsAboveHardLimit;
    private int _quoteFillsRaisingVaRAtTheLimit;

    /// <inheritdoc />
    protected override string ParameterPrefix => "risk";

    /// <inheritdoc />
    protected override bool AlwaysInstallsKillSwitch => true;

    /// <summary>The default tickers of the quoted pair (<c>risk-tickers</c>).</summary>
    protected override string DefaultTickers => "IBM,AIG";

    /// <inheritdoc />
    public override void Initialize()
    {
        base.Initialize();
        _hedge = AddEquity(Parameter("hedge-ticker", "SPY"), Resolution.Minute, dataNormalizationMode: DataNormalizationMode.Raw);
        _hedge.SetFillModel(PassiveQuoteFillModel.Intensity(
            new IntensityFill(Parameter("fill-intensity", 0.03), Parameter("intensity-decay", 25.0), Parameter("fill-seed", 42) + 100), FillSettings()));
        BadPrintDataFilter.Install(this, _hedge);

        var sampling = new CovarianceSampling(
            TimeSpan.FromSeconds(Parameter("var-sample-seconds", 60.0)),
            TimeSpan.FromMinutes(Parameter("var-half-life-minutes", 60.0)),
            Parameter("var-min-samples", 30));
        _valueAtRisk = new ValueAtRiskLimitRiskManagementModel(new ValueAtRiskLimits(
            Parameter("var-soft-limit", 150.0),
            Parameter("var-hard-limit", 250.0),
            Parameter("var-reduce-limit", 350.0),
            new ValueAtRiskParameters(Parameter("var-confidence", 0.99), Parameter("var-horizon-periods", 10)),
            sampling));
        _hedging = new MinimumVarianceHedgeRiskManagementModel(new[] { _hedge.Symbol }, new HedgeSettings(Parameter("hedge-band", 0.2), sampling));
        AddRiskManagement(_valueAtRisk);
        AddRiskManagement(_hedging);
    }

    /// <inheritdoc />
    public override void OnData(Slice slice)
    {
        base.OnData(slice);
        // the risk models ran in the previous step's framework pass: their state is that step's
        var state = _valueAtRisk.State;
        if (state != ValueAtRiskLimitState.WarmingUp)
        {
            _maxUtilisation = Math.Max(_maxUtilisation, _valueAtRisk.Utilisation);
        }

        if (state >= ValueAtRiskLimitState.ReducingOnly && _lastState < ValueAtRiskLimitState.ReducingOnly)
        {
            _breaches++;
        }

        if (state == ValueAtRiskLimitState.Reducing && _lastState != ValueAtRiskLimitState.Reducing)
        {
            _reductions++;
        }

        _lastState = state;
    }

    /// <inheritdoc />
    public override void OnOrderEvent(OrderEvent orderEvent)
    {
        base.OnOrderEvent(orderEvent);
        if (orderEvent.Symbol == _hedge.Symbol && orderEvent.Status == OrderStatus.Submitted)
        {
            _hedgeOrders++;
        }

        if (orderEvent.Status is not (OrderStatus.Filled or OrderStatus.PartiallyFilled) || orderEvent.FillQuantity == 0)
        {
            return;
        }

        // the book before and after the fill at the same prices and covariance: the fill's own effect on the VaR
        var state = _valueAtRisk.State;
        var before = _valueAtRisk.Measure(orderEvent.Symbol, -orderEvent.FillQuantity);
        var after = _valueAtRisk.Measure();
        if (double.IsNaN(after))
        {
            return;
        }

        var utilisation = after / _valueAtRisk.Limits.HardLimit;
        _maxUtilisationAfterFill = Math.Max(_maxUtilisationAfterFill, utilisation);
        if (utilisation > 1)
        {
            _fillsAboveHardLimit++;
        }

        // the quotes resting now were decided in the latest framework pass; at the hard limit only the reducing side is
        // quoted there, so a quote's fill may not raise the VaR (1e-9 relative: rounding)
        if (IsQuoteTag(orderEvent.Ticket?.Tag) && state >= ValueAtRiskLimitState.ReducingOnly && after > before * (1 + 1e-9))
        {
            _quoteFillsRaisingVaRAtTheLimit++;
            Log(string.Create(CultureInfo.InvariantCulture,
                $"{orderEvent.Symbol} quote fill {orderEvent.FillQuantity} at {orderEvent.FillPrice} raised VaR {before:F2} -> {after:F2} at the hard limit"));
        }
    }

    /// <inheritdoc />
    public override void OnEndOfAlgorithm()
    {
        base.OnEndOfAlgorithm();
        SetRuntimeStatistic("VaR max utilisation", Math.Round((decimal)_maxUtilisation, 4));
        SetRuntimeStatistic("VaR max utilisation after a fill", Math.Round((decimal)_maxUtilisationAfterFill, 4));
        SetRuntimeStatistic("VaR breaches", _breaches);
        SetRuntimeStatistic("VaR reductions", _reductions);
        SetRuntimeStatistic("Fills leaving VaR above the hard limit", _fillsAboveHardLimit);
        SetRuntimeStatistic("Quote fills raising VaR at the hard limit", _quoteFillsRaisingVaRAtTheLimit);
        SetRuntimeStatistic("Hedge orders", _hedgeOrders);
        SetRuntimeStatistic("Final hedge", _hedge.Holdings.Quantity);
    }

    /// <inheritdoc />
    protected override void PlotIndicators()
    {
        base.PlotIndicators();
        if (_valueAtRisk.State == ValueAtRiskLimitState.WarmingUp)
        {
            return;
        }

        var limits = _valueAtRisk.Limits;
        Plot("Value at risk", "VaR", _valueAtRisk.ValueAtRisk);
        Plot("Value at risk", "ES", _valueAtRisk.ExpectedShortfall);
        Plot("Value at risk", "Soft limit", limits.SoftLimit);
        Plot("Value at risk", "Hard limit", limits.HardLimit);
        Plot("VaR utilisation", "Utilisation", _valueAtRisk.Utilisation);
        var optimal = _hedging.MinimumVarianceQuantity(_hedge.Symbol);
        var held = (double)_hedge.Holdings.Quantity;
        Plot("Hedge", $"{_hedge.Symbol.Value} held", held);
        if (double.IsFinite(optimal))
        {
            Plot("Hedge", $"{_hedge.Symbol.Value} minimum variance", optimal);
            if (Math.Abs(optimal) >= 1)
            {
                Plot("Hedge ratio", "Held / minimum variance", held / optimal);
            }
        }
    }
}
