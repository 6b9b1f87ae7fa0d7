using System;
using System.Collections.Generic;
using System.Text.Json;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.RoughVolatility;
using Lean.MarketMaking.Research.Commands;

namespace Lean.MarketMaking.Research.Calibration;

/// <summary>
/// Hurst exponent of log-volatility (Gatheral, Jaisson &amp; Rosenbaum 2018) on an intraday proxy: the realised variance
/// of each complete bucket of <see cref="ReturnsPerBucket"/> returns of the fine sampling (5-minute buckets of 5-second
/// returns for tick and second data, 60-minute buckets of the bars for minute data; aligned on multiples of the bucket
/// length from midnight UTC): fewer returns per bucket would add sampling noise that biases H towards 0; ln σ = ½ ln RV, buckets of all days concatenated in order. Buckets that are
/// incomplete (session edges) or have zero variance (no mid change) are dropped. Lags 1 … min(N/10, 20) buckets.
/// Memory: one number per bucket.
/// </summary>
internal sealed class RoughnessAccumulator
{
    /// <summary>Fine returns per realised-variance bucket.</summary>
    public const int ReturnsPerBucket = 60;

    private const int MaxLag = 20;
    private const int MinBuckets = 20;

    private readonly List<double> _logVolatility = new();
    private int _dropped;
    private double _bucketSeconds;

    /// <summary>Adds one day.</summary>
    public void Add(CalibrationDay day)
    {
        var fine = day.FineSamples;
        if (fine.Count < 2)
        {
            return;
        }

        var step = fine[1].TimeSeconds - fine[0].TimeSeconds;
        _bucketSeconds = step * ReturnsPerBucket;
        long bucket = long.MinValue;
        double sum = 0;
        var count = 0;
        for (var i = 1; i < fine.Count; i++)
        {
            var b = (long)Math.Floor((fine[i].TimeSeconds - 1e-9) / _bucketSeconds);
            if (b != bucket)
            {
                Close(bucket, sum, count);
                bucket = b;
                sum = 0;
                count = 0;
            }

            var r = Math.Log(fine[i].Price / fine[i - 1].Price);
            sum += r * r;
            count++;
        }

        Close(bucket, sum, count);
    }

    private void Close(long bucket, double sum, int count)
    {
        if (bucket == long.MinValue)
        {
            return;
        }

        if (count == ReturnsPerBucket && sum > 0)
        {
            _logVolatility.Add(0.5 * Math.Log(sum));
        }
        else
        {
            _dropped++;
        }
    }

    /// <summary>Writes the <c>hurst</c> object.</summary>
    public void Write(Utf8JsonWriter w)
    {
        var n = _logVolatility.Count;
        if (n < MinBuckets)
        {
            JsonFields.WriteUnavailable(w, "hurst", $"{n} complete buckets of {ReturnsPerBucket} returns with a non-zero realised variance; at least {MinBuckets} are needed");
            return;
        }

        RoughnessEstimate estimate;
        try
        {
            estimate = HurstEstimator.Estimate(_logVolatility.ToArray(), Math.Min(n / 10, MaxLag));
        }
        catch (MarketMakingException e) when (e.Kind == MarketMakingErrorKind.NumericalInstability)
        {
            JsonFields.WriteUnavailable(w, "hurst", e.Message);
            return;
        }

        w.WriteStartObject("hurst");
        w.WriteString("construction", $"log-volatility = 0.5 ln(realised variance) per bucket of {ReturnsPerBucket} returns of the fine sampling ({CalibrationRun.FineSeconds} s for tick and second data, the bars for minute data); buckets concatenated across days; moment-scaling fit (Gatheral, Jaisson & Rosenbaum 2018)");
        JsonFields.WriteNumber(w, "hurst", estimate.Hurst);
        JsonFields.WriteNumber(w, "bucketSeconds", _bucketSeconds);
        JsonFields.WriteNumber(w, "buckets", n);
        JsonFields.WriteNumber(w, "droppedBuckets", _dropped);
        JsonFields.WriteNumber(w, "maxLag", Math.Min(n / 10, MaxLag));
        w.WriteStartArray("momentFits");
        foreach (var fit in estimate.Fits)
        {
            w.WriteStartObject();
            JsonFields.WriteNumber(w, "q", fit.Moment);
            JsonFields.WriteNumber(w, "zeta", fit.Zeta);
            JsonFields.WriteNumber(w, "rSquared", fit.RSquared);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
