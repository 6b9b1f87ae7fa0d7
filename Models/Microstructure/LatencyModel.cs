using System;
using Lean.MarketMaking.Models.Errors;
using MathNet.Numerics.Distributions;

namespace Lean.MarketMaking.Models.Microstructure;

/// <summary>
/// Order latency (the time from sending an order, a re-price or a cancel to its taking effect at the exchange), constant
/// or log-normal: ln L ~ N(ln m, s²) with median m and dispersion s, so the p-quantile is m·e^(s·Φ⁻¹(p)). This is
/// hftbacktest's order entry latency (its <c>ConstantLatency</c>, or a latency per request from measured data,
/// <c>IntpOrderLatency</c>; hftbacktest documentation, "Latency Models"): measured order round trips are positive and
/// right-skewed, a body around a median with a long slow tail, which the log-normal, with two parameters that read as
/// "typical" and "spread in log units", captures without data (s = 0.5: the 95 % quantile is 2.3× the median).
/// Each request draws its own latency, once: <see cref="Draw"/> is a pure function of the seed and a request key (e.g.
/// order id and send time), so a backtest is reproducible, the draw does not depend on how often or in which order it
/// is asked for, and it allocates nothing (a SplitMix64 hash of the key — Steele, Lea &amp; Flood (2014), "Fast
/// splittable pseudorandom number generators", OOPSLA — gives the uniform, Φ⁻¹ the normal). Immutable and validated.
/// </summary>
public sealed class LatencyModel
{
    /// <summary>Largest accepted dispersion s (log units): beyond it the 99.9 % quantile exceeds 10⁴ medians.</summary>
    public const double MaxDispersion = 3.0;

    private const double Unit = 1.0 / (1UL << 53);

    private LatencyModel(TimeSpan median, double dispersion, int seed)
    {
        if (median < TimeSpan.Zero)
        {
            throw Guard.Invalid(nameof(median), $"must be >= 0, got {median}");
        }

        Dispersion = Guard.InRange(dispersion, 0, MaxDispersion, nameof(dispersion));
        if (median == TimeSpan.Zero && dispersion > 0)
        {
            throw Guard.Invalid(nameof(dispersion), "must be 0 with a zero median latency");
        }

        Median = median;
        Seed = seed;
    }

    /// <summary>No latency.</summary>
    public static LatencyModel Zero { get; } = new(TimeSpan.Zero, 0, 0);

    /// <summary>The median latency m (the latency itself when constant).</summary>
    public TimeSpan Median { get; }

    /// <summary>The dispersion s: standard deviation of ln L; 0 for a constant latency.</summary>
    public double Dispersion { get; }

    /// <summary>Seed of the draws.</summary>
    public int Seed { get; }

    /// <summary>Whether every request has the same latency <see cref="Median"/>.</summary>
    public bool IsConstant => Dispersion == 0;

    /// <summary>A constant latency (≥ 0).</summary>
    public static LatencyModel Constant(TimeSpan latency) => latency == TimeSpan.Zero ? Zero : new(latency, 0, 0);

    /// <summary>A log-normal latency with median <paramref name="median"/> (&gt; 0) and dispersion <paramref name="dispersion"/> in [0, <see cref="MaxDispersion"/>], drawn with <paramref name="seed"/>.</summary>
    public static LatencyModel LogNormal(TimeSpan median, double dispersion, int seed)
    {
        if (median <= TimeSpan.Zero)
        {
            throw Guard.Invalid(nameof(median), $"must be > 0, got {median}");
        }

        return new(median, dispersion, seed);
    }

    /// <summary>The <paramref name="probability"/>-quantile m·e^(s·Φ⁻¹(p)), p in (0, 1).</summary>
    public TimeSpan Quantile(double probability)
    {
        if (!(probability > 0 && probability < 1))
        {
            throw Guard.Invalid(nameof(probability), $"must be in (0, 1), got {probability}");
        }

        return IsConstant ? Median : Scale(Normal.InvCDF(0, 1, probability));
    }

    /// <summary>
    /// The latency of the request identified by (<paramref name="key"/>, <paramref name="sequence"/>), e.g. an order id
    /// and the time the request was sent: the same key always gives the same latency, distinct keys independent ones.
    /// </summary>
    public TimeSpan Draw(long key, long sequence)
    {
        if (IsConstant)
        {
            return Median;
        }

        var bits = Mix(Mix(unchecked((ulong)Seed * 0x9E3779B97F4A7C15UL) ^ (ulong)key) ^ (ulong)sequence);
        // 53 random bits, centred in their cell: u in (0, 1), never 0 or 1
        var uniform = ((bits >> 11) + 0.5) * Unit;
        return Scale(Normal.InvCDF(0, 1, uniform));
    }

    private TimeSpan Scale(double z) => TimeSpan.FromTicks((long)Math.Round(Median.Ticks * Math.Exp(Dispersion * z)));

    /// <summary>SplitMix64's output function (Steele, Lea &amp; Flood 2014) on the state advanced by the golden gamma.</summary>
    private static ulong Mix(ulong x)
    {
        unchecked
        {
            x += 0x9E3779B97F4A7C15UL;
            x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
            x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
            return x ^ (x >> 31);
        }
    }
}
