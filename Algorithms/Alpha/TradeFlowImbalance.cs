using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.OrderFlow;

namespace Lean.MarketMaking.Algorithms.Alpha;

/// <summary>
/// Exponentially weighted order-flow imbalance of trades signed by the quote rule (Lee &amp; Ready 1991, without the
/// tick-test fallback): a trade at or above the prevailing ask is buyer-initiated (+1), at or below the bid
/// seller-initiated (−1), inside the spread it takes the side of the nearer quote and at the exact mid it is left
/// unsigned. With B and S the exponentially decayed buy and sell volumes (half-life H, in seconds),
/// the imbalance is I = (B − S) / (B + S) ∈ [−1, 1] (0 before any signed volume). The decay runs in the calendar time
/// of the trades: feed it one session at a time and <see cref="Reset"/> it at each market close (as
/// <see cref="OrderFlowImbalanceAlphaModel"/> does). Allocation-free per update.
/// </summary>
public sealed class TradeFlowImbalance
{
    private readonly double _decayPerSecond;
    private double _buy;
    private double _sell;
    private DateTime _last;
    private double _bid;
    private double _ask;

    /// <summary>Creates the estimator.</summary>
    /// <param name="halfLife">Half-life H of the exponential weights (&gt; 0).</param>
    public TradeFlowImbalance(TimeSpan halfLife)
    {
        Guard.Positive(halfLife.TotalSeconds, nameof(halfLife));
        HalfLife = halfLife;
        _decayPerSecond = Math.Log(2) / halfLife.TotalSeconds;
    }

    /// <summary>Half-life of the weights.</summary>
    public TimeSpan HalfLife { get; }

    /// <summary>I = (B − S)/(B + S), in [−1, 1].</summary>
    public double Imbalance => _buy + _sell > 0 ? (_buy - _sell) / (_buy + _sell) : 0;

    /// <summary>Decayed buyer-initiated volume B.</summary>
    public double BuyVolume => _buy;

    /// <summary>Decayed seller-initiated volume S.</summary>
    public double SellVolume => _sell;

    /// <summary>True once a valid quote (0 &lt; bid &lt; ask) has been seen, so trades can be signed.</summary>
    public bool HasQuote => _bid > 0 && _bid < _ask;

    /// <summary>
    /// Quote-rule sign of a trade at <paramref name="price"/> against a valid bid/ask (Lee &amp; Ready 1991, through
    /// <see cref="LeeReadyTradeSigner.QuoteRule"/>): +1 buy (above the mid), −1 sell (below), 0 at the mid.
    /// </summary>
    public static int Sign(double price, double bid, double ask) =>
        LeeReadyTradeSigner.QuoteRule(price, (bid + ask) / 2) switch
        {
            TradeAggressor.Buy => 1,
            TradeAggressor.Sell => -1,
            _ => 0,
        };

    /// <summary>Records the prevailing quote; an invalid quote (non-positive or crossed) is ignored.</summary>
    public void OnQuote(double bid, double ask)
    {
        if (bid > 0 && bid < ask && double.IsFinite(ask))
        {
            _bid = bid;
            _ask = ask;
        }
    }

    /// <summary>Forgets the volumes, the quote and the time: the state of a new session (after a market close).</summary>
    public void Reset()
    {
        _buy = _sell = _bid = _ask = 0;
        _last = default;
    }

    /// <summary>Adds a trade of <paramref name="size"/> units at <paramref name="price"/>, decaying older volume to <paramref name="time"/>.</summary>
    /// <returns>The trade's sign, 0 if it could not be signed (no quote yet, unusable print, or at the mid).</returns>
    public int OnTrade(double price, double size, DateTime time)
    {
        if (!HasQuote || !(price > 0) || !(size > 0) || !double.IsFinite(price) || !double.IsFinite(size))
        {
            return 0;
        }

        if (_last != default && time > _last)
        {
            var decay = Math.Exp(-_decayPerSecond * (time - _last).TotalSeconds);
            _buy *= decay;
            _sell *= decay;
        }

        if (time > _last)
        {
            _last = time;
        }

        var sign = Sign(price, _bid, _ask);
        if (sign > 0)
        {
            _buy += size;
        }
        else if (sign < 0)
        {
            _sell += size;
        }

        return sign;
    }
}
