using System;
using Lean.MarketMaking.Models.Errors;
using MathNet.Numerics.Distributions;

namespace Lean.MarketMaking.Models.Estimation.OrderFlow;

/// <summary>
/// VPIN, the volume-synchronised probability of informed trading of Easley, López de Prado &amp; O'Hara (2012),
/// "Flow toxicity and liquidity in a high-frequency world", Review of Financial Studies 25(5), eq. (5):
/// trade volume is cut into buckets of equal volume V, each bucket's volume is split into buy volume Vᴮ and sell volume
/// Vˢ, and over the last n buckets VPIN = Σ_τ |Vˢ_τ − Vᴮ_τ| / (n·V) ∈ [0, 1].
/// <para>Classification: by trade (<see cref="AddTrade"/>, the tick or quote rule of <see cref="LeeReadyTradeSigner"/>;
/// an unsigned trade is split evenly, adding volume but no imbalance) or in bulk (<see cref="AddBulk"/>, the bulk volume
/// classification of ELO 2012 §2: a bar of volume v whose price moved ΔP counts v·Φ(ΔP/σ_ΔP) as buys, Φ the standard
/// normal distribution function and σ_ΔP the standard deviation of the bars' price changes). A trade larger than what is
/// left of the current bucket is split across buckets, each part keeping its buy fraction (ELO 2012 §2.2).</para>
/// <para>Until n buckets are complete, <see cref="Vpin"/> is taken over the complete ones (0 before the first);
/// <see cref="IsReady"/> says when the window is full. The signed form <see cref="SignedImbalance"/> = Σ(Vᴮ − Vˢ)/(n·V)
/// says which side the imbalance is on. O(1) per trade, allocation-free after construction; not thread-safe.</para>
/// </summary>
public sealed class VolumeBucketImbalance
{
    private readonly double[] _bucketImbalance;
    private int _next;
    private int _complete;
    private double _sumAbsolute;
    private double _sumSigned;
    private double _bucketBuy;
    private double _bucketSell;

    /// <summary>Creates the estimator.</summary>
    /// <param name="bucketVolume">V &gt; 0, volume per bucket, units of the asset (ELO 2012 use 1/50 of the average daily volume).</param>
    /// <param name="bucketCount">n ≥ 1, buckets in the window (ELO 2012: 50).</param>
    public VolumeBucketImbalance(double bucketVolume, int bucketCount)
    {
        BucketVolume = Guard.Positive(bucketVolume, nameof(bucketVolume));
        _bucketImbalance = new double[Guard.Positive(bucketCount, nameof(bucketCount))];
    }

    /// <summary>V, volume per bucket.</summary>
    public double BucketVolume { get; }

    /// <summary>n, buckets in the window.</summary>
    public int BucketCount => _bucketImbalance.Length;

    /// <summary>True once n buckets are complete.</summary>
    public bool IsReady => _complete >= _bucketImbalance.Length;

    /// <summary>Complete buckets in the window (at most n).</summary>
    public int CompleteBuckets => Math.Min(_complete, _bucketImbalance.Length);

    /// <summary>VPIN = Σ|Vᴮ − Vˢ|/(m·V) over the m = <see cref="CompleteBuckets"/> complete buckets, in [0, 1]; 0 before the first.</summary>
    public double Vpin => _complete == 0 ? 0 : Math.Clamp(_sumAbsolute / (CompleteBuckets * BucketVolume), 0, 1);

    /// <summary>Σ(Vᴮ − Vˢ)/(m·V) over the complete buckets, in [−1, 1]: positive when buyers dominate.</summary>
    public double SignedImbalance => _complete == 0 ? 0 : Math.Clamp(_sumSigned / (CompleteBuckets * BucketVolume), -1, 1);

    /// <summary>Adds a trade classified by its aggressor; an unsigned trade is split evenly. Non-positive or non-finite volumes are ignored.</summary>
    /// <param name="volume">Trade size, units of the asset.</param>
    /// <param name="side">Aggressor side.</param>
    public void AddTrade(double volume, TradeAggressor side) =>
        Add(volume, side switch { TradeAggressor.Buy => 1.0, TradeAggressor.Sell => 0.0, _ => 0.5 });

    /// <summary>
    /// Adds a bar by bulk volume classification: the buy fraction is Φ(ΔP/σ_ΔP) (ELO 2012 §2). Non-positive or non-finite
    /// volumes, and a non-positive or non-finite σ_ΔP, are ignored.
    /// </summary>
    /// <param name="volume">Bar volume, units of the asset.</param>
    /// <param name="priceChange">ΔP, the bar's price change, price units.</param>
    /// <param name="priceChangeStandardDeviation">σ_ΔP &gt; 0, standard deviation of the bars' price changes, price units.</param>
    public void AddBulk(double volume, double priceChange, double priceChangeStandardDeviation)
    {
        if (!(priceChangeStandardDeviation > 0) || !double.IsFinite(priceChangeStandardDeviation) || !double.IsFinite(priceChange))
        {
            return;
        }

        Add(volume, Normal.CDF(0, 1, priceChange / priceChangeStandardDeviation));
    }

    /// <summary>Forgets every bucket (e.g. at a session boundary).</summary>
    public void Reset()
    {
        Array.Clear(_bucketImbalance);
        _next = _complete = 0;
        _sumAbsolute = _sumSigned = _bucketBuy = _bucketSell = 0;
    }

    private void Add(double volume, double buyFraction)
    {
        if (!(volume > 0) || !double.IsFinite(volume))
        {
            return;
        }

        while (volume > 0)
        {
            var room = BucketVolume - _bucketBuy - _bucketSell;
            var part = Math.Min(volume, room);
            _bucketBuy += part * buyFraction;
            _bucketSell += part * (1 - buyFraction);
            volume -= part;
            if (part >= room)
            {
                CloseBucket();
            }
        }
    }

    private void CloseBucket()
    {
        var imbalance = _bucketBuy - _bucketSell;
        if (_complete >= _bucketImbalance.Length)
        {
            var old = _bucketImbalance[_next];
            _sumAbsolute -= Math.Abs(old);
            _sumSigned -= old;
        }

        _bucketImbalance[_next] = imbalance;
        _sumAbsolute += Math.Abs(imbalance);
        _sumSigned += imbalance;
        _next = (_next + 1) % _bucketImbalance.Length;
        _complete++;
        _bucketBuy = _bucketSell = 0;
    }
}
