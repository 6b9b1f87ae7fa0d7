using System;
using Lean.MarketMaking.Models.Estimation.Hawkes;

namespace Lean.MarketMaking.Models.Estimation.OrderFlow;

/// <summary>
/// Order-flow toxicity from signed trades: VPIN over volume buckets (<see cref="VolumeBucketImbalance"/>), the Hawkes
/// buy/sell imbalance and excited fraction (<see cref="HawkesFlowImbalance"/>) and the trade-sign persistence
/// (<see cref="TradeSignPersistence"/>), combined by an <see cref="IFlowToxicityScore"/> into a score in [0, 1] with the
/// informed side. Feed it trades signed by <see cref="LeeReadyTradeSigner"/> (tick classification of the buckets).
/// Time is the caller's (open-market seconds in the LEAN layer). Allocation-free per trade; not thread-safe.
/// </summary>
public sealed class FlowToxicityEstimator
{
    private readonly HawkesParameters _hawkesParameters;
    private HawkesFlowImbalance _hawkes;

    /// <summary>Creates the estimator.</summary>
    /// <param name="buckets">The volume buckets (owned from now on).</param>
    /// <param name="hawkes">Two-dimensional buy/sell Hawkes parameters, in the caller's time unit.</param>
    /// <param name="persistence">The sign persistence (owned from now on).</param>
    /// <param name="score">How the components combine; null for the equally weighted <see cref="WeightedFlowToxicityScore"/>.</param>
    public FlowToxicityEstimator(VolumeBucketImbalance buckets, HawkesParameters hawkes, TradeSignPersistence persistence, IFlowToxicityScore? score = null)
    {
        Buckets = buckets ?? throw new ArgumentNullException(nameof(buckets));
        Persistence = persistence ?? throw new ArgumentNullException(nameof(persistence));
        _hawkesParameters = hawkes ?? throw new ArgumentNullException(nameof(hawkes));
        _hawkes = new HawkesFlowImbalance(hawkes);
        ScoreModel = score ?? new WeightedFlowToxicityScore();
    }

    /// <summary>The volume buckets.</summary>
    public VolumeBucketImbalance Buckets { get; }

    /// <summary>The trade-sign persistence.</summary>
    public TradeSignPersistence Persistence { get; }

    /// <summary>The Hawkes flow tracker.</summary>
    public HawkesFlowImbalance Hawkes => _hawkes;

    /// <summary>How the components combine.</summary>
    public IFlowToxicityScore ScoreModel { get; }

    /// <summary>Time of the latest trade, the caller's time unit.</summary>
    public double LastTime => _hawkes.LastTime;

    /// <summary>
    /// Records a trade of <paramref name="volume"/> units at <paramref name="time"/> (≥ <see cref="LastTime"/>; an earlier
    /// time is ignored, so an out-of-order print never throws).
    /// </summary>
    public void OnTrade(double time, double volume, TradeAggressor side)
    {
        if (!(time >= _hawkes.LastTime) || !double.IsFinite(time))
        {
            return;
        }

        Buckets.AddTrade(volume, side);
        Persistence.Add(side);
        _hawkes.OnTrade(side, time);
    }

    /// <summary>The components at <paramref name="time"/> (a time before the last trade is read at the last trade).</summary>
    public FlowToxicityReading Read(double time)
    {
        var at = time >= _hawkes.LastTime && double.IsFinite(time) ? time : _hawkes.LastTime;
        return new FlowToxicityReading(Buckets.Vpin, Buckets.SignedImbalance, _hawkes.Imbalance(at), _hawkes.ExcitedFraction(at), Persistence.Persistence);
    }

    /// <summary>The toxicity score in [0, 1] of <paramref name="reading"/>.</summary>
    public double Score(in FlowToxicityReading reading) => ScoreModel.Score(reading);

    /// <summary>Forgets every trade; the Hawkes clock restarts at <paramref name="time"/>.</summary>
    public void Reset(double time)
    {
        Buckets.Reset();
        Persistence.Reset();
        _hawkes = new HawkesFlowImbalance(_hawkesParameters, time);
    }
}
