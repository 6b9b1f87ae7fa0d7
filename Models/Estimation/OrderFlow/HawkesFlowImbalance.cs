using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Hawkes;

namespace Lean.MarketMaking.Models.Estimation.OrderFlow;

/// <summary>
/// Buy/sell market-order flow as a two-dimensional Hawkes process (node 0 buys, node 1 sells; Bacry, Mastromatteo &amp;
/// Muzy 2015, "Hawkes processes in finance", Market Microstructure and Liquidity 1(1), §4) tracked online by
/// <see cref="HawkesIntensityTracker"/>. Two readings of the current intensities λᴮ(t), λˢ(t):
/// <list type="bullet">
/// <item><see cref="Imbalance"/> = (λᴮ − λˢ)/(λᴮ + λˢ) ∈ (−1, 1): which side the self-exciting flow is on now;</item>
/// <item><see cref="ExcitedFraction"/> = 1 − (μᴮ + μˢ)/(λᴮ + λˢ) ∈ [0, 1): the share of the current intensity caused by
/// earlier trades. Its stationary mean is the branching ratio n (E[λ] = μ/(1 − n) for a symmetric process), the
/// endogeneity of Filimonov &amp; Sornette (2012), "Quantifying reflexivity in financial markets", Phys. Rev. E 85: the
/// fraction of trades that are reactions to trades, here measured at the instant rather than averaged.</item>
/// </list>
/// The parameters come from <see cref="HawkesEstimator"/> (offline or periodic refits). Time is the caller's (e.g.
/// open-market seconds); allocation-free per event; not thread-safe.
/// </summary>
public sealed class HawkesFlowImbalance
{
    private readonly HawkesIntensityTracker _tracker;
    private readonly double _baseline;

    /// <summary>Creates the tracker.</summary>
    /// <param name="parameters">A two-dimensional process, node 0 = buys, node 1 = sells.</param>
    /// <param name="startTime">Time of the first allowed trade, time units.</param>
    public HawkesFlowImbalance(HawkesParameters parameters, double startTime = 0)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.Dimension != 2)
        {
            throw Guard.Invalid(nameof(parameters), $"must be two-dimensional (buys, sells), got {parameters.Dimension}");
        }

        Parameters = parameters;
        _baseline = parameters.Mu[0] + parameters.Mu[1];
        _tracker = new HawkesIntensityTracker(parameters, startTime);
    }

    /// <summary>The process.</summary>
    public HawkesParameters Parameters { get; }

    /// <summary>The branching ratio of the fitted process (spectral radius of α).</summary>
    public double BranchingRatio => Parameters.SpectralRadius;

    /// <summary>Time of the latest trade (or the start time).</summary>
    public double LastTime => _tracker.LastTime;

    /// <summary>Records a trade at <paramref name="time"/> (≥ <see cref="LastTime"/>); an unsigned trade is ignored.</summary>
    public void OnTrade(TradeAggressor side, double time)
    {
        if (side != TradeAggressor.Unknown)
        {
            _tracker.OnEvent(side == TradeAggressor.Buy ? 0 : 1, time);
        }
    }

    /// <summary>(λᴮ − λˢ)/(λᴮ + λˢ) at <paramref name="time"/> (≥ <see cref="LastTime"/>).</summary>
    public double Imbalance(double time)
    {
        var buy = _tracker.Intensity(0, time);
        var sell = _tracker.Intensity(1, time);
        return (buy - sell) / (buy + sell);
    }

    /// <summary>1 − (μᴮ + μˢ)/(λᴮ + λˢ) at <paramref name="time"/> (≥ <see cref="LastTime"/>).</summary>
    public double ExcitedFraction(double time) =>
        Math.Max(0, 1 - (_baseline / (_tracker.Intensity(0, time) + _tracker.Intensity(1, time))));
}
