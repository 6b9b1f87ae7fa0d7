using System;
using System.Linq;
using System.Text.Json;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation;
using Lean.MarketMaking.Models.Estimation.Volatility;
using Lean.MarketMaking.Research.Commands;

namespace Lean.MarketMaking.Research.Calibration;

/// <summary>
/// Volatility over many days from per-day estimates: realised variance and bipower variation of the sampled mids, and
/// (tick data) the two-scale realised variance of the tick-by-tick mid changes with the MSE-optimal K (pilot: ω² from
/// the all-tick RV, T∫σ⁴ ≈ RV²). Integrated variances, elapsed seconds and return counts add up across days, so the
/// overnight gaps never enter. The EWMA (half-life <see cref="EwmaHalfLifeSeconds"/>) runs over the sampled mids
/// stitched in session time (each day's prices rescaled to continue the previous day's last price), its value at the
/// end of the data.
/// </summary>
internal sealed class VolatilityAccumulator
{
    /// <summary>Half-life of the EWMA, seconds of session time.</summary>
    public const double EwmaHalfLifeSeconds = 3600;

    private readonly EwmaVarianceEstimator _ewma = new(EwmaHalfLifeSeconds);
    private readonly bool _tickData;
    private double _rv, _bv, _seconds, _tsrv, _tsrvSeconds, _noiseWeighted;
    private int _returns, _bvReturns, _tsrvReturns, _tsrvDays, _days;
    private string? _tsrvReason;

    public VolatilityAccumulator(bool tickData) => _tickData = tickData;

    /// <summary>Adds one day.</summary>
    public void Add(CalibrationDay day)
    {
        var samples = day.Samples.ToArray().AsSpan();
        if (samples.Length < 3)
        {
            return;
        }

        var rv = RealisedVariance.Estimate(samples);
        var bv = BipowerVariation.Estimate(samples);
        _rv += rv.IntegratedVariance;
        _bv += bv.IntegratedVariance;
        _seconds += rv.ElapsedSeconds;
        _returns += rv.ReturnCount;
        _bvReturns += bv.ReturnCount;
        _days++;
        foreach (var s in samples)
        {
            _ewma.Update(day.SessionTime(s.TimeSeconds), s.Price * day.PriceScale);
        }

        if (_tickData)
        {
            AddTwoScale(day.TickMids.ToArray(), rv.IntegratedVariance, day.Date);
        }
    }

    private void AddTwoScale(PriceObservation[] ticks, double pilotVariance, DateOnly date)
    {
        var n = ticks.Length - 1;
        if (n < 8 || !(pilotVariance > 0))
        {
            _tsrvReason ??= $"{date:yyyy-MM-dd}: too few mid changes ({n}) for the two-scale estimator";
            return;
        }

        try
        {
            var all = RealisedVariance.Estimate(ticks);
            var k = TwoScaleRealisedVariance.OptimalSubsamples(n, all.IntegratedVariance / (2.0 * n), pilotVariance * pilotVariance);
            var estimate = TwoScaleRealisedVariance.Estimate(ticks, k);
            _tsrv += estimate.Variance.IntegratedVariance;
            _tsrvSeconds += estimate.Variance.ElapsedSeconds;
            _tsrvReturns += n;
            _noiseWeighted += estimate.NoiseVariance * n;
            _tsrvDays++;
        }
        catch (MarketMakingException e) when (e.Kind is MarketMakingErrorKind.NumericalInstability or MarketMakingErrorKind.InvalidParameters)
        {
            _tsrvReason ??= $"{date:yyyy-MM-dd}: {e.Message}";
        }
    }

    /// <summary>Writes the <c>volatility</c> object.</summary>
    public void Write(Utf8JsonWriter w, MarketSession session)
    {
        if (_days == 0)
        {
            JsonFields.WriteUnavailable(w, "volatility", $"no day had 3 sampled mids ({CalibrationRun.SampleSeconds} s apart)");
            return;
        }

        w.WriteStartObject("volatility");
        w.WriteString("sampling", $"previous-tick mid every {CalibrationRun.SampleSeconds} s within the regular session, per day; overnight returns excluded");
        JsonFields.WriteNumber(w, "secondsPerYear", session.SecondsPerYear);
        w.WriteString("annualisation", session.Convention);
        JsonFields.WriteNumber(w, "days", _days);
        WriteEstimate(w, "realisedVariance", new VarianceEstimate(_rv, _seconds, _returns), session);
        WriteEstimate(w, "bipowerVariation", new VarianceEstimate(_bv, _seconds, _bvReturns), session);
        if (!_tickData)
        {
            JsonFields.WriteUnavailable(w, "twoScaleRealisedVariance", "needs tick data (the two-scale estimator removes tick-level microstructure noise)");
        }
        else if (_tsrvDays == 0)
        {
            JsonFields.WriteUnavailable(w, "twoScaleRealisedVariance", _tsrvReason ?? "no usable day");
        }
        else
        {
            WriteEstimate(w, "twoScaleRealisedVariance", new VarianceEstimate(_tsrv, _tsrvSeconds, _tsrvReturns), session, () =>
            {
                w.WriteString("observations", "every change of the mid, tick by tick; K per day = MSE-optimal (Zhang, Mykland & Ait-Sahalia 2005)");
                JsonFields.WriteNumber(w, "noiseVariance", _noiseWeighted / _tsrvReturns);
                JsonFields.WriteNumber(w, "days", _tsrvDays);
            });
        }

        if (_ewma.IsReady)
        {
            w.WriteStartObject("ewma");
            JsonFields.WriteNumber(w, "halfLifeSeconds", EwmaHalfLifeSeconds);
            var v = _ewma.VariancePerSecond;
            JsonFields.WriteNumber(w, "variancePerSecond", v);
            JsonFields.WriteNumber(w, "volatilityPerSqrtSecond", Math.Sqrt(v));
            JsonFields.WriteNumber(w, "annualisedVolatility", Math.Sqrt(v * session.SecondsPerYear));
            w.WriteEndObject();
        }
        else
        {
            JsonFields.WriteUnavailable(w, "ewma", "no return over a positive time");
        }

        w.WriteEndObject();
    }

    private static void WriteEstimate(Utf8JsonWriter w, string name, VarianceEstimate e, MarketSession session, Action? extra = null)
    {
        w.WriteStartObject(name);
        JsonFields.WriteNumber(w, "integratedVariance", e.IntegratedVariance);
        JsonFields.WriteNumber(w, "elapsedSeconds", e.ElapsedSeconds);
        JsonFields.WriteNumber(w, "returnCount", e.ReturnCount);
        JsonFields.WriteNumber(w, "variancePerSecond", e.VariancePerSecond);
        JsonFields.WriteNumber(w, "volatilityPerSqrtSecond", e.VolatilityPerSqrtSecond);
        JsonFields.WriteNumber(w, "annualisedVolatility", e.AnnualisedVolatility(session.SecondsPerYear));
        extra?.Invoke();
        w.WriteEndObject();
    }
}
