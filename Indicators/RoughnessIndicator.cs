using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.RoughVolatility;
using QuantConnect.Indicators;

namespace Lean.MarketMaking.Indicators;

/// <summary>
/// Roughness of volatility: the Hurst exponent H of log realised volatility (Gatheral, Jaisson &amp; Rosenbaum 2018,
/// "Volatility is rough", Quantitative Finance 18(6), §2: m(q, Δ) ∝ Δ^{qH}), estimated by <see cref="HurstEstimator"/>
/// over a bounded window of buckets. The inputs' log-returns are summed in squares per time bucket (RV_b = Σ r², the
/// return that crosses into a bucket counting for it); each closed bucket with RV_b &gt; 0 adds ln σ_b = ½ ln RV_b to the
/// window (buckets with no or constant prices, e.g. market closures, are left out), and H is re-estimated at each bucket
/// close once the window is full (that estimate allocates; the per-input work does not).
/// <para><see cref="WindowBase{T}.Current"/> is H (≈ 0.1 for equity indices in GJR; 0.5 for a Brownian log-volatility).</para>
/// </summary>
public sealed class RoughnessIndicator : MarketMakingIndicator<IndicatorDataPoint>
{
    private readonly long _bucketTicks;
    private readonly double[] _logVolatility;
    private readonly double[] _ordered;
    private int _count;
    private int _next;
    private long _bucket = long.MinValue;
    private long _originTicks = long.MinValue;
    private double _bucketSquares;
    private double _lastLogPrice = double.NaN;

    /// <summary>Creates the indicator.</summary>
    /// <param name="name">Indicator name.</param>
    /// <param name="bucket">Length of one realised-variance bucket (e.g. 5 minutes, or one day as in GJR).</param>
    /// <param name="windowBuckets">Number N of bucket log-volatilities in the window, ≥ 10·<paramref name="maxLag"/>.</param>
    /// <param name="maxLag">Largest lag Δ in buckets of the scaling fit (lags 1 … maxLag), ≥ 2.</param>
    /// <remarks>
    /// <see cref="MarketMakingIndicator{T}.WarmUpPeriod"/> is windowBuckets + 2 inputs: enough when each input is one
    /// bucket-sized bar (the first bucket holds no return, and the window fills when the next bucket opens); with several
    /// inputs per bucket, warm up over windowBuckets + 1 buckets of data.
    /// </remarks>
    public RoughnessIndicator(string name, TimeSpan bucket, int windowBuckets, int maxLag)
        : base(name, windowBuckets + 2)
    {
        Guard.Positive(bucket.TotalSeconds, nameof(bucket));
        if (maxLag < 2)
        {
            throw Guard.Invalid(nameof(maxLag), $"must be >= 2, got {maxLag}");
        }

        if (windowBuckets < 10 * maxLag)
        {
            throw Guard.Invalid(nameof(windowBuckets), $"must be >= 10 * maxLag = {10 * maxLag}, got {windowBuckets}");
        }

        Bucket = bucket;
        MaxLag = maxLag;
        _bucketTicks = bucket.Ticks;
        _logVolatility = new double[windowBuckets];
        _ordered = new double[windowBuckets];
    }

    /// <summary>Length of one bucket.</summary>
    public TimeSpan Bucket { get; }

    /// <summary>Largest lag of the scaling fit, in buckets.</summary>
    public int MaxLag { get; }

    /// <summary>Number of bucket log-volatilities in a full window.</summary>
    public int WindowBuckets => _logVolatility.Length;

    /// <summary>Bucket log-volatilities currently in the window.</summary>
    public int BucketCount => _count;

    /// <summary>The latest estimate (H and the per-moment fits); null before the first.</summary>
    public RoughnessEstimate? Estimate { get; private set; }

    /// <summary>The latest Hurst exponent H (0 before the first estimate).</summary>
    public double Hurst => Estimate?.Hurst ?? 0;

    /// <summary>True once an estimate exists.</summary>
    public override bool IsReady => Estimate is not null;

    /// <remarks>
    /// The bucket of an input is ⌊(t − t₀)/bucket⌋ with t₀ the first input's time: buckets are aligned to the first input
    /// and measured in calendar time (a one-day bucket holds one session), while the return across a market close of the
    /// <see cref="MarketMakingIndicator{T}.Clock"/> is left out of every bucket.
    /// </remarks>
    private protected override Step Accept(IndicatorDataPoint input, double timeSeconds, bool crossesClose)
    {
        if (!IsPrice(input.Value))
        {
            return Step.Skip;
        }

        var logPrice = Math.Log((double)input.Value);
        var ticks = input.EndTime.Ticks;
        if (_originTicks == long.MinValue)
        {
            _originTicks = ticks;
        }

        var bucket = (ticks - _originTicks) / _bucketTicks;
        var estimated = false;
        if (bucket != _bucket)
        {
            estimated = _bucket != long.MinValue && CloseBucket();
            _bucket = bucket;
            _bucketSquares = 0;
        }

        if (!double.IsNaN(_lastLogPrice) && !crossesClose)
        {
            var r = logPrice - _lastLogPrice;
            _bucketSquares += r * r;
        }

        _lastLogPrice = logPrice;
        return estimated ? Step.Of(Hurst) : Step.None;
    }

    private protected override void ResetState()
    {
        _count = _next = 0;
        _bucket = long.MinValue;
        _originTicks = long.MinValue;
        _bucketSquares = 0;
        _lastLogPrice = double.NaN;
        Estimate = null;
    }

    /// <summary>Adds the closed bucket's log-volatility and re-estimates H when the window is full; true when H was re-estimated.</summary>
    private bool CloseBucket()
    {
        if (!(_bucketSquares > 0))
        {
            return false;
        }

        _logVolatility[_next] = 0.5 * Math.Log(_bucketSquares);
        _next = (_next + 1) % _logVolatility.Length;
        if (_count < _logVolatility.Length)
        {
            _count++;
        }

        if (_count < _logVolatility.Length)
        {
            return false;
        }

        // Oldest first: the ring starts at _next once full.
        var n = _logVolatility.Length;
        _logVolatility.AsSpan(_next).CopyTo(_ordered);
        _logVolatility.AsSpan(0, _next).CopyTo(_ordered.AsSpan(n - _next));
        try
        {
            Estimate = HurstEstimator.Estimate(_ordered, MaxLag);
            return true;
        }
        catch (MarketMakingException e) when (e.Kind == MarketMakingErrorKind.NumericalInstability)
        {
            // A constant window has no scaling: keep the previous estimate.
            return false;
        }
    }
}
