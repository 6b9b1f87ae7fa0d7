using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Estimation.OrderFlow;

/// <summary>
/// Persistence of trade signs: the exponentially weighted mean of εₜεₜ₋₁ over consecutive signed trades (ε = +1 buy,
/// −1 sell), in [−1, 1]. Order flow is long-memory because informed traders split their orders (Lillo &amp; Farmer 2004,
/// "The long memory of the efficient market", Studies in Nonlinear Dynamics &amp; Econometrics 8(3); Bouchaud, Gefen,
/// Potters &amp; Wyart 2004, "Fluctuations and response in financial markets", Quantitative Finance 4(2)), so a run of
/// same-signed trades is the footprint of a metaorder.
/// <para>This is the uncentred lag-1 autocorrelation: E[εₜεₜ₋₁] = ρ₁(1 − m²) + m² with m = E[ε] and ρ₁ the centred
/// autocorrelation, so it also counts one-sided flow (m ≠ 0) as persistent, where ρ₁ is undefined (1 for flow all on
/// one side, 0 for independent balanced signs, −1 for strictly alternating signs). Weights decay per signed trade
/// with a half-life in trades; unsigned trades are skipped. O(1), allocation-free; not thread-safe.</para>
/// </summary>
public sealed class TradeSignPersistence
{
    private readonly double _keep;
    private int _lastSign;
    private double _weightedProduct;
    private double _weight;

    /// <summary>Creates the estimator.</summary>
    /// <param name="halfLifeTrades">Half-life of the weights, in signed trades (&gt; 0).</param>
    public TradeSignPersistence(double halfLifeTrades)
    {
        HalfLifeTrades = Guard.Positive(halfLifeTrades, nameof(halfLifeTrades));
        _keep = Math.Pow(0.5, 1 / halfLifeTrades);
    }

    /// <summary>Half-life of the weights, in signed trades.</summary>
    public double HalfLifeTrades { get; }

    /// <summary>Number of sign pairs seen (consecutive signed trades).</summary>
    public long Pairs { get; private set; }

    /// <summary>The weighted mean of εₜεₜ₋₁, in [−1, 1]; 0 before the first pair.</summary>
    public double Persistence => _weight > 0 ? _weightedProduct / _weight : 0;

    /// <summary>Adds a trade; an <see cref="TradeAggressor.Unknown"/> trade is skipped.</summary>
    public void Add(TradeAggressor side)
    {
        var sign = side switch { TradeAggressor.Buy => 1, TradeAggressor.Sell => -1, _ => 0 };
        if (sign == 0)
        {
            return;
        }

        if (_lastSign != 0)
        {
            _weightedProduct = (_keep * _weightedProduct) + (sign * _lastSign);
            _weight = (_keep * _weight) + 1;
            Pairs++;
        }

        _lastSign = sign;
    }

    /// <summary>Forgets every trade (e.g. at a session boundary).</summary>
    public void Reset()
    {
        _lastSign = 0;
        _weightedProduct = _weight = 0;
        Pairs = 0;
    }
}
