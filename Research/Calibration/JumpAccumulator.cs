using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Jumps;
using Lean.MarketMaking.Research.Commands;

namespace Lean.MarketMaking.Research.Calibration;

/// <summary>
/// Jumps in the sampled mid: the online Lee &amp; Mykland (2008) test over the sampled mids stitched in session time
/// (returns across the overnight gap are not formed; window K = ⌈√(sampled returns per year)⌉, the paper's choice;
/// n in C_n, S_n = sampled returns per session day, so α is the false-detection probability per day), the
/// Barndorff-Nielsen &amp; Shephard (2006) ratio test per day, and the <see cref="JumpSummary"/> of the LM jumps.
/// Memory: the detector's window and the jumps found.
/// </summary>
internal sealed class JumpAccumulator
{
    /// <summary>Significance level of both tests.</summary>
    public const double Significance = 0.01;

    private readonly LeeMyklandDetector _detector;
    private readonly List<(DateTime Time, DetectedJump Jump)> _jumps = new();
    private readonly List<(DateOnly Date, BnsTestResult? Result, string? Reason)> _bns = new();
    private double _seconds;
    private long _tested;
    private string? _failure;

    public JumpAccumulator(MarketSession session)
    {
        var perDay = (int)Math.Round(session.SessionSecondsPerDay / CalibrationRun.SampleSeconds);
        Parameters = new LeeMyklandParameters(
            LeeMyklandParameters.RecommendedWindow(session.SecondsPerYear / CalibrationRun.SampleSeconds), Significance);
        _detector = new LeeMyklandDetector(Parameters, Math.Max(2, perDay));
    }

    /// <summary>Window K and significance α of the Lee–Mykland test.</summary>
    public LeeMyklandParameters Parameters { get; }

    /// <summary>Adds one day.</summary>
    public void Add(CalibrationDay day)
    {
        var samples = day.Samples;
        if (samples.Count < 2)
        {
            return;
        }

        _seconds += samples[^1].TimeSeconds - samples[0].TimeSeconds;
        try
        {
            _bns.Add((day.Date, BnsJumpTest.Run(samples.ToArray(), Significance), null));
        }
        catch (MarketMakingException e) when (e.Kind == MarketMakingErrorKind.JumpDetectionFailed)
        {
            _bns.Add((day.Date, null, e.Message));
        }

        if (_failure is not null)
        {
            return;
        }

        try
        {
            for (var i = 0; i < samples.Count; i++)
            {
                var update = _detector.Update(day.SessionTime(samples[i].TimeSeconds), samples[i].Price * day.PriceScale);
                if (update.IsTested && i > 0)
                {
                    _tested++;
                    if (update.IsJump)
                    {
                        var change = samples[i].Price - samples[i - 1].Price;
                        _jumps.Add((day.Utc(samples[i].TimeSeconds), new DetectedJump((int)(_detector.Count - 2), samples[i].TimeSeconds, update.LogReturn, change, update.Statistic)));
                    }
                }
            }
        }
        catch (MarketMakingException e) when (e.Kind == MarketMakingErrorKind.JumpDetectionFailed)
        {
            _failure = $"{day.Date:yyyy-MM-dd}: {e.Message}";
        }
    }

    /// <summary>Writes the <c>jumps</c> object.</summary>
    public void Write(Utf8JsonWriter w)
    {
        w.WriteStartObject("jumps");
        if (_failure is not null || _tested == 0 || !(_seconds > 0))
        {
            JsonFields.WriteUnavailable(w, "leeMykland", _failure
                ?? $"fewer than K + 1 = {Parameters.Window + 1} sampled mids: nothing to test");
        }
        else
        {
            w.WriteStartObject("leeMykland");
            w.WriteString("sampling", $"previous-tick mid every {CalibrationRun.SampleSeconds} s, days stitched in session time");
            JsonFields.WriteNumber(w, "window", Parameters.Window);
            JsonFields.WriteNumber(w, "significance", Parameters.Significance);
            JsonFields.WriteNumber(w, "testCountPerDay", _detector.TestCount);
            JsonFields.WriteNumber(w, "threshold", _detector.Threshold);
            JsonFields.WriteNumber(w, "testedReturns", _tested);
            w.WriteStartArray("found");
            foreach (var (time, jump) in _jumps)
            {
                w.WriteStartObject();
                w.WriteString("timeUtc", time.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture));
                JsonFields.WriteNumber(w, "sizePrice", jump.PriceChange);
                JsonFields.WriteNumber(w, "sizeLogReturn", jump.LogReturn);
                JsonFields.WriteNumber(w, "statistic", jump.Statistic);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            var jumps = _jumps.Select(j => j.Jump);
            WriteSummary(w, "summaryLogReturn", JumpSummary.From(jumps, _seconds, JumpSizeUnit.LogReturn));
            WriteSummary(w, "summaryPrice", JumpSummary.From(jumps, _seconds, JumpSizeUnit.Price));
            w.WriteEndObject();
        }

        w.WriteStartArray("bnsPerDay");
        foreach (var (date, result, reason) in _bns)
        {
            w.WriteStartObject();
            w.WriteString("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (result is null)
            {
                JsonFields.WriteUnavailable(w, "statistic", reason!);
            }
            else
            {
                JsonFields.WriteNumber(w, "statistic", result.Statistic);
                JsonFields.WriteNumber(w, "pValue", result.PValue);
                JsonFields.WriteNumber(w, "relativeJump", result.RelativeJump);
                JsonFields.WriteNumber(w, "criticalValue", result.CriticalValue);
                w.WriteBoolean("isJump", result.IsJump);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter w, string name, JumpSummary s)
    {
        w.WriteStartObject(name);
        JsonFields.WriteNumber(w, "observedSeconds", s.ObservedSeconds);
        JsonFields.WriteNumber(w, "intensityPerSecond", s.IntensityPerSecond);
        JsonFields.WriteNumber(w, "upIntensityPerSecond", s.Up.IntensityPerSecond);
        JsonFields.WriteNumber(w, "downIntensityPerSecond", s.Down.IntensityPerSecond);
        JsonFields.WriteNumber(w, "upMeanSize", s.Up.MeanSize);
        JsonFields.WriteNumber(w, "downMeanSize", s.Down.MeanSize);
        JsonFields.WriteNumber(w, "probabilityUp", s.ProbabilityUp);
        w.WriteEndObject();
    }
}
