using System;
using System.Collections.Generic;
using System.Text.Json;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Hawkes;
using Lean.MarketMaking.Models.Estimation.Intensity;
using Lean.MarketMaking.Research.Commands;

namespace Lean.MarketMaking.Research.Calibration;

/// <summary>
/// A 2-D Hawkes process (type 0: buy market orders, type 1: sell market orders) fitted by maximum likelihood to the
/// signed trades of all days, concatenated in session time (the overnight gaps are removed, so one day's close is
/// followed by the next day's open). Trades signed at the same timestamp and on the same side as the previous event
/// are one market order walking the book and count once. Goodness of fit: the time-rescaling KS test.
/// </summary>
internal sealed class HawkesAccumulator
{
    private readonly List<double> _buys = new();
    private readonly List<double> _sells = new();
    private double _lastTime = double.NaN;
    private TradeAggressor _lastSide;
    private int _trades;

    /// <summary>Adds one signed trade at <paramref name="sessionSeconds"/> of session time.</summary>
    public void Add(double sessionSeconds, TradeAggressor side)
    {
        _trades++;
        if (side == TradeAggressor.Unknown || (sessionSeconds == _lastTime && side == _lastSide))
        {
            return;
        }

        (side == TradeAggressor.Buy ? _buys : _sells).Add(sessionSeconds);
        _lastTime = sessionSeconds;
        _lastSide = side;
    }

    /// <summary>Fits and writes the <c>hawkes</c> object; <paramref name="sessionSeconds"/> is the total session time observed.</summary>
    public void Write(Utf8JsonWriter w, double sessionSeconds)
    {
        HawkesFit fit;
        HawkesGoodnessOfFitResult test;
        try
        {
            var events = new HawkesEvents(new IReadOnlyList<double>[] { _buys, _sells }, sessionSeconds);
            fit = HawkesEstimator.Fit(events, requireStationary: false);
            test = HawkesGoodnessOfFit.Test(fit.Parameters, events);
        }
        catch (MarketMakingException e) when (e.Kind is MarketMakingErrorKind.HawkesEstimationFailed or MarketMakingErrorKind.InvalidParameters)
        {
            JsonFields.WriteUnavailable(w, "hawkes", $"{_buys.Count} buy and {_sells.Count} sell market orders: {e.Message}");
            return;
        }

        var p = fit.Parameters;
        w.WriteStartObject("hawkes");
        w.WriteString("events", "type 0 = buy, type 1 = sell market orders (quote rule, tick rule at the mid); same-timestamp same-side trades merged; days concatenated in session time");
        w.WriteString("timeUnit", "second");
        JsonFields.WriteNumber(w, "trades", _trades);
        JsonFields.WriteNumbers(w, "counts", new double[] { _buys.Count, _sells.Count });
        JsonFields.WriteNumber(w, "horizonSeconds", sessionSeconds);
        JsonFields.WriteNumbers(w, "mu", p.Mu.AsSpan());
        JsonFields.WriteMatrix(w, "alpha", p.Dimension, p.Dimension, p.Alpha);
        JsonFields.WriteNumber(w, "beta", p.Beta);
        JsonFields.WriteNumber(w, "spectralRadius", p.SpectralRadius);
        w.WriteBoolean("isStationary", p.IsStationary);
        JsonFields.WriteNumber(w, "logLikelihood", fit.LogLikelihood);
        JsonFields.WriteNumber(w, "ksStatistic", test.KsStatistic);
        JsonFields.WriteNumber(w, "ksPValue", test.PValue);
        w.WriteEndObject();
    }
}
