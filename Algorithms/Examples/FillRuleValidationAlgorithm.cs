using System;
using System.Collections.Generic;
using System.Globalization;
using Lean.MarketMaking.Algorithms.Fills;
using Lean.MarketMaking.Algorithms.MarketData;
using Lean.MarketMaking.Algorithms.Reporting;
using Lean.MarketMaking.Models.Errors;
using QuantConnect.Data;
using QuantConnect.Orders;
using QuantConnect.Securities;

namespace Lean.MarketMaking.Algorithms.Examples;

/// <summary>
/// Validation of the intensity fill rule against the queue rule on IBM ticks (issue 9 §1): <see cref="GlftOnlineCalibrationAlgorithm"/>
/// with a <see cref="RestingExposureFillModel"/> (the rule of <c>glft-fill-mode</c>, recording the intensity rule's gated
/// exposure and the resting fills by depth, on a half-tick grid) and, per exchange date and side, the quote fills, the
/// filled quantity and the markouts (mean and standard error, ticks) at each <c>glft-markout-seconds</c> horizon. At the
/// end it publishes them as runtime statistics ("Validation 2013-10-08 bid fills", "… bid markout 10s (ticks)", "… SE
/// (ticks)"), with A and k fitted by Poisson maximum likelihood to the first date's resting fills on each
/// <see cref="IntensityClock"/> ("Validation A (per s)", "Validation k (per price)"; "Validation A (per depletion)",
/// "Validation k (per price) (depletions)") and each date's resting fills and the fills each fit expects over the
/// date's exposure. Run it with the queue rule to calibrate, then with <c>glft-fill-mode=Intensity</c>, a
/// <c>glft-fill-clock</c> and that clock's fitted A, k to compare.
/// </summary>
public class FillRuleValidationAlgorithm : GlftOnlineCalibrationAlgorithm
{
    private const int DepthLevels = 400;
    private readonly List<(DateTime Date, MarkoutTracker Markouts, double[] Fills, decimal[] Quantity)> _days = new();
    private RestingExposureFillModel _fills = null!;
    private TimeSpan[] _horizons = Array.Empty<TimeSpan>();

    /// <inheritdoc />
    protected override PassiveQuoteFillModel FillModel(Security security)
    {
        var step = (double)security.SymbolProperties.MinimumPriceVariation / 2;
        _fills = IsIntensityFillMode
            ? RestingExposureFillModel.Intensity(IntensityFillRule(), step, DepthLevels, FillSettings())
            : RestingExposureFillModel.Queue(step, DepthLevels, FillSettings());
        return _fills;
    }

    /// <inheritdoc />
    public override void Initialize()
    {
        base.Initialize();
        _horizons = MarkoutHorizons();
    }

    /// <inheritdoc />
    public override void OnData(Slice slice)
    {
        base.OnData(slice);
        var market = QuoteMarket.From(Quoted);
        if (market.Validate(TimeSpan.MaxValue) != MarketDataIssue.None)
        {
            return;
        }

        if (_days.Count == 0 || _days[^1].Date != Time.Date)
        {
            _days.Add((Time.Date, new MarkoutTracker(_horizons, Quoted.SymbolProperties.MinimumPriceVariation), new double[2], new decimal[2]));
        }

        foreach (var day in _days)
        {
            day.Markouts.Update(Time, market.Mid);
        }
    }

    /// <inheritdoc />
    public override void OnOrderEvent(OrderEvent orderEvent)
    {
        base.OnOrderEvent(orderEvent);
        if (orderEvent.Status is not (OrderStatus.Filled or OrderStatus.PartiallyFilled) || orderEvent.FillQuantity == 0
            || orderEvent.Symbol != Quoted.Symbol || !IsQuoteTag(orderEvent.Ticket?.Tag) || _days.Count == 0)
        {
            return;
        }

        var day = _days[^1];
        var side = orderEvent.FillQuantity > 0 ? 0 : 1;
        day.Fills[side]++;
        day.Quantity[side] += Math.Abs(orderEvent.FillQuantity);
        day.Markouts.RecordFill(Time, orderEvent.FillQuantity, orderEvent.FillPrice);
    }

    /// <inheritdoc />
    public override void OnEndOfAlgorithm()
    {
        base.OnEndOfAlgorithm();
        if (_fills.Dates.Count == 0)
        {
            return;
        }

        var fits = new (IntensityClock Clock, string Unit, double A, double K)[]
        {
            (IntensityClock.MarketSeconds, "", double.NaN, double.NaN),
            (IntensityClock.Depletions, " (depletions)", double.NaN, double.NaN),
        };
        for (var c = 0; c < fits.Length; c++)
        {
            try
            {
                var fit = _fills.Fit(_fills.Dates[0], fits[c].Clock);
                (fits[c].A, fits[c].K) = (fit.A, fit.K);
                SetRuntimeStatistic(fits[c].Clock == IntensityClock.Depletions ? "Validation A (per depletion)" : "Validation A (per s)", Text(fit.A));
                SetRuntimeStatistic($"Validation k (per price){fits[c].Unit}", Text(fit.K));
                SetRuntimeStatistic($"Validation fit R2{fits[c].Unit}", Text(fit.RSquared));
                SetRuntimeStatistic($"Validation unconstrained k (per price){fits[c].Unit}", Text(fit.UnconstrainedK));
            }
            catch (MarketMakingException e)
            {
                Error($"Validation: no intensity fit{fits[c].Unit} on {_fills.Dates[0]:yyyy-MM-dd}: {e.Message}");
            }
        }

        LogCalibrationDay(_fills.Dates[0]);
        foreach (var (date, markouts, fills, quantity) in _days)
        {
            for (var side = 0; side < 2; side++)
            {
                var bid = side == 0;
                var name = $"Validation {date:yyyy-MM-dd} {(bid ? "bid" : "ask")}";
                SetRuntimeStatistic($"{name} fills", Text(fills[side]));
                SetRuntimeStatistic($"{name} quantity", quantity[side]);
                SetRuntimeStatistic($"{name} resting fills", Text(_fills.Fills(date, bid)));
                foreach (var (clock, unit, a, k) in fits)
                {
                    if (double.IsFinite(a))
                    {
                        SetRuntimeStatistic($"{name} expected resting fills{unit}", Text(_fills.ExpectedFills(date, bid, a, k, clock)));
                    }
                }

                for (var h = 0; h < _horizons.Length; h++)
                {
                    var fillSide = bid ? FillSide.Bid : FillSide.Ask;
                    var horizon = $"{_horizons[h].TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s";
                    SetRuntimeStatistic($"{name} markout {horizon} (ticks)", Text((double)markouts.AverageTicks(h, fillSide)));
                    SetRuntimeStatistic($"{name} markout {horizon} SE (ticks)", Text(markouts.StandardErrorTicks(h, fillSide)));
                }
            }
        }
    }

    /// <summary>Logs the calibration day's grid: depth, resting seconds, gated seconds, depletions and resting fills per side.</summary>
    private void LogCalibrationDay(DateTime date)
    {
        for (var j = 0; j < _fills.DepthLevels; j++)
        {
            if (_fills.RestingSeconds(date, true, j) + _fills.RestingSeconds(date, false, j) > 0)
            {
                Log(string.Create(CultureInfo.InvariantCulture, $"Validation {date:yyyy-MM-dd} depth {j * _fills.DepthStep:0.000}: resting s bid {_fills.RestingSeconds(date, true, j):0.0} ask {_fills.RestingSeconds(date, false, j):0.0}, gated s bid {_fills.Exposure(date, true, j):0.0} ask {_fills.Exposure(date, false, j):0.0}, depletions bid {_fills.Exposure(date, true, j, IntensityClock.Depletions)} ask {_fills.Exposure(date, false, j, IntensityClock.Depletions)}, fills bid {_fills.Fills(date, true, j)} ask {_fills.Fills(date, false, j)}"));
            }
        }
    }

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
