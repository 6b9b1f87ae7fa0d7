using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Lean.MarketMaking.Models.Estimation.OrderFlow;
using Lean.MarketMaking.Models.Estimation;
using Lean.MarketMaking.Research.Commands;
using Lean.MarketMaking.Research.Data;

namespace Lean.MarketMaking.Research.Calibration;

/// <summary>
/// Runs every estimator over LEAN data, one day at a time: each day's in-session events are streamed once (mids and
/// trades feed the intensity and Hawkes accumulators as they come), the day's mids are kept only while the day is
/// processed (sampled every <see cref="SampleSeconds"/> and <see cref="FineSeconds"/>), and the per-day results are
/// folded into the accumulators, whose state grows with the number of samples, buckets and trades, never with raw quotes.
/// </summary>
internal static class CalibrationRun
{
    /// <summary>Step of the regular mid sampling for realised variance, jumps and regimes, seconds.</summary>
    public const double SampleSeconds = 60;

    /// <summary>Step of the fine sampling for bucket variances (tick and second data), seconds.</summary>
    public const double FineSeconds = 5;

    /// <summary>
    /// Reads the data and writes one JSON object on <paramref name="stdout"/>; one progress line per day on
    /// <paramref name="stderr"/> as each day is read (bad data met on a later day ends the run with one error line after them).
    /// </summary>
    public static void Run(CalibrationRequest request, TextWriter stdout, TextWriter stderr)
    {
        var reader = new LeanDataReader(request.DataFolder);
        var session = MarketSession.Load(reader, request.Symbol);
        var source = new MarketEventSource(reader, request, session);
        var origin = source.Dates[0].ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var volatility = new VolatilityAccumulator(source.IsTickData);
        var jumps = new JumpAccumulator(session);
        var roughness = new RoughnessAccumulator();
        var regimes = new RegimeAccumulator();
        var intensity = source.HasTrades
            ? new IntensityAccumulator(LeanSymbolProperties.For(request.DataFolder, request.Symbol).MinimumPriceVariation)
            : null;
        var hawkes = source.HasTrades ? new HawkesAccumulator() : null;
        var fineStep = request.Resolution == LeanResolution.Minute ? SampleSeconds : FineSeconds;
        var daysRead = new List<DateOnly>();
        double sessionSeconds = 0, lastStitched = double.NaN;
        foreach (var date in source.Dates)
        {
            var mids = new List<PriceObservation>();
            var signer = default(LeeReadyTradeSigner);
            double start = double.NaN, end = double.NaN, mid = double.NaN;
            var trades = 0;
            foreach (var e in source.Day(date))
            {
                var t = (e.TimeUtc - origin).TotalSeconds;
                if (double.IsNaN(start))
                {
                    start = t;
                }

                end = t;
                if (!e.IsTrade)
                {
                    if (e.Price != mid)
                    {
                        mid = e.Price;
                        mids.Add(new PriceObservation(t, mid));
                        intensity?.OnMid(e.TimeUtc, mid);
                    }
                }
                else if (!double.IsNaN(mid))
                {
                    trades++;
                    var side = signer.Sign(e.Price, mid);
                    intensity?.OnTrade(e.TimeUtc, e.Price, side);
                    hawkes?.Add(sessionSeconds + (t - start), side);
                }
            }

            var samples = RegularSampler.Sample(mids, SampleSeconds);
            stderr.WriteLine(FormattableString.Invariant(
                $"calibrate: {date:yyyy-MM-dd}: {mids.Count} mid changes, {trades} trades, {samples.Count} samples of {SampleSeconds} s"));
            if (samples.Count == 0)
            {
                if (!double.IsNaN(start))
                {
                    sessionSeconds += end - start;
                }

                continue;
            }

            var scale = double.IsNaN(lastStitched) ? 1.0 : lastStitched / samples[0].Price;
            lastStitched = samples[^1].Price * scale;
            var day = new CalibrationDay(
                date,
                origin,
                source.IsTickData ? mids : Array.Empty<PriceObservation>(),
                samples,
                fineStep == SampleSeconds ? samples : RegularSampler.Sample(mids, fineStep),
                start,
                sessionSeconds,
                scale);
            volatility.Add(day);
            jumps.Add(day);
            roughness.Add(day);
            regimes.Add(day);
            daysRead.Add(date);
            sessionSeconds += end - start;
        }

        JsonFields.WriteObject(stdout, w =>
        {
            w.WriteString("symbol", request.Symbol.Ticker.ToUpperInvariant());
            w.WriteString("securityType", request.Symbol.SecurityType.ToString().ToLowerInvariant());
            w.WriteString("market", request.Symbol.Market);
            w.WriteString("resolution", request.Resolution.ToString().ToLowerInvariant());
            w.WriteStartArray("days");
            foreach (var d in daysRead)
            {
                w.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            w.WriteEndArray();
            JsonFields.WriteNumber(w, "sessionSeconds", sessionSeconds);
            w.WriteString("session", "regular session of LEAN's market-hours database (state 'market'), exchange time zone");
            w.WriteString("mid", MidRule(request));
            volatility.Write(w, session);
            if (intensity is null || hawkes is null)
            {
                var reason = $"{request.Symbol.SecurityType.ToString().ToLowerInvariant()} {request.Resolution.ToString().ToLowerInvariant()} data carry no individual trades (only equity tick data do)";
                JsonFields.WriteUnavailable(w, "tradingIntensity", reason);
                JsonFields.WriteUnavailable(w, "hawkes", reason);
            }
            else
            {
                intensity.Write(w);
                hawkes.Write(w, sessionSeconds);
            }

            jumps.Write(w);
            roughness.Write(w);
            regimes.Write(w);
        });
    }

    private static string MidRule(CalibrationRequest request) => (request.Resolution, request.Symbol.SecurityType) switch
    {
        (LeanResolution.Tick, LeanSecurityType.Equity) =>
            "(latest bid + latest ask)/2 over the one-sided quote ticks of all exchanges (reset each day); locked or crossed quotes give no mid",
        (LeanResolution.Tick, _) => "(bid + ask)/2 of each two-sided quote tick; locked or crossed quotes skipped",
        _ => "(bid close + ask close)/2 of each quote bar at its end time; trade-bar close on days without quote bars",
    };
}
