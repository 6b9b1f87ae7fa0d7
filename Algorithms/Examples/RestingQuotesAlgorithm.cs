using System;
using Lean.MarketMaking.Algorithms.MarketData;
using QuantConnect.Data;
using QuantConnect.Securities;

namespace Lean.MarketMaking.Algorithms.Examples;

/// <summary>
/// Second baseline of the wall-time measurement (scripts/measure-backtest.sh): the subscription of
/// <see cref="SubscriptionOnlyAlgorithm"/> plus one bid and one ask limit order placed once, 10 % away from the first
/// valid mid so that they never fill, and left resting until the end, with the Avellaneda–Stoikov example's passive
/// fill model (LEAN's default fill model costs far more per check: it looks up the exchange hours and the subscribed
/// data types every time). No framework module runs. Its backtest is what LEAN itself charges any quoter for keeping
/// two orders working: LEAN's backtesting brokerage re-checks every open order at every time step (group lookup,
/// buying power through a position group, fill model), so this is the floor of a market maker's wall time on the same
/// data whatever its own modules cost.
/// </summary>
public sealed class RestingQuotesAlgorithm : AvellanedaStoikovAlgorithm
{
    private Security _security = null!;
    private bool _placed;

    /// <summary>The Avellaneda–Stoikov example's parameters: the same pair, dates, cash and order size.</summary>
    protected override string ParameterPrefix => "as";

    /// <inheritdoc />
    public override void Initialize()
    {
        _security = SubscribeQuotedPair();
        _security.SetFillModel(PassiveFillModel());
        SetBenchmark(_security.Symbol);
    }

    /// <inheritdoc />
    public override void OnData(Slice slice)
    {
        if (_placed)
        {
            return;
        }

        var market = QuoteMarket.From(_security);
        if (market.Validate(TimeSpan.MaxValue) != MarketDataIssue.None)
        {
            return;
        }

        var size = Parameter("order-size", 10000m);
        var bid = Math.Round(market.Mid * 0.9m / market.TickSize) * market.TickSize;
        var ask = Math.Round(market.Mid * 1.1m / market.TickSize) * market.TickSize;
        LimitOrder(_security.Symbol, size, bid, tag: "resting bid");
        LimitOrder(_security.Symbol, -size, ask, tag: "resting ask");
        _placed = true;
    }

    /// <inheritdoc />
    public override void OnEndOfAlgorithm() => LogHeap();
}
