using System;
using System.Collections.Generic;
using System.Linq;
using Lean.MarketMaking.Algorithms.MarketData;
using Lean.MarketMaking.Models.Errors;
using QuantConnect;
using QuantConnect.Data.Market;
using QuantConnect.Orders;
using QuantConnect.Orders.Fees;
using QuantConnect.Orders.Fills;
using QuantConnect.Securities;

namespace Lean.MarketMaking.Algorithms.Fills;

/// <summary>
/// A <see cref="FillModel"/> for passive limit orders (a market maker's quotes). LEAN's stock
/// <see cref="FillModel.LimitFill"/> fills the whole order at the limit as soon as the last bar/tick trades strictly
/// through it, which ignores queue priority and never fills partially; this model overrides
/// <see cref="LimitFill"/> (called by <see cref="Fill"/> for <c>OrderType.Limit</c>; every other order type
/// keeps LEAN's behaviour) with one of two documented rules, <see cref="PassiveFillMode"/>:
/// <list type="bullet">
/// <item><see cref="PassiveFillMode.QueuePosition"/>: <see cref="QueuePosition"/> over the security's top of book
/// and the trade ticks of each step (partial fills). An order (or a re-priced one) joins the queue as displayed at
/// its first evaluation; the trades of that step are taken to have preceded it.</item>
/// <item><see cref="PassiveFillMode.Intensity"/>: <see cref="IntensityFill"/>, a seeded Bernoulli draw with
/// probability 1 − exp(−A·e^(−kδ)·Δt) per evaluation, δ = |limit − mid|, Δt = seconds since the order's previous
/// evaluation (since submission the first time).</item>
/// </list>
/// In both modes a resting order always fills at its limit price; an order that is marketable when first evaluated
/// (buy limit ≥ ask, sell limit ≤ bid) fills completely at the touch like a taker, and a resting order that the book
/// crosses later fills completely at its limit. No fill with a missing, negative or crossed book or with the exchange
/// closed. Fees are left to the security's fee model (the event carries <see cref="OrderFee.Zero"/>, as LEAN's own
/// fill models do). Install per security: <c>security.SetFillModel(PassiveQuoteFillModel.Queue())</c>; LEAN's stock
/// model stays the default everywhere else.
/// </summary>
public class PassiveQuoteFillModel : FillModel
{
    private readonly Dictionary<int, OrderState> _orders = new();
    private readonly IntensityFill? _intensity;
    private readonly Fill _noChange = new(new List<OrderEvent>());
    private readonly Dictionary<Symbol, DateTime> _scans = new();

    /// <summary>Creates the model; prefer <see cref="Queue"/> and <see cref="Intensity"/>.</summary>
    /// <param name="mode">Fill rule.</param>
    /// <param name="intensity">A, k and seed; required by <see cref="PassiveFillMode.Intensity"/>, ignored otherwise.</param>
    protected PassiveQuoteFillModel(PassiveFillMode mode, IntensityFill? intensity)
    {
        if (mode == PassiveFillMode.Intensity && intensity is null)
        {
            throw Guard.Invalid(nameof(intensity), "is required by the intensity mode");
        }

        Mode = mode;
        _intensity = intensity;
    }

    /// <summary>The fill rule in use.</summary>
    public PassiveFillMode Mode { get; }

    /// <summary>A model using the queue-position rule.</summary>
    public static PassiveQuoteFillModel Queue() => new(PassiveFillMode.QueuePosition, null);

    /// <summary>A model using the intensity rule with the given A, k and seed.</summary>
    public static PassiveQuoteFillModel Intensity(IntensityFill intensity) =>
        new(PassiveFillMode.Intensity, intensity);

    /// <summary>
    /// LEAN's entry point, called for every pending order at every time step. A limit order goes to
    /// <see cref="LimitFill"/>; when that changes nothing (no fill quantity and the order's own status) the result is
    /// empty rather than one unchanged event, which LEAN's backtesting brokerage then skips instead of passing it to the
    /// transaction handler (a lock and a pass over the events per resting quote per tick: some 15 % of a tick-data
    /// market-making backtest). Other order types keep LEAN's models.
    /// </summary>
    public override Fill Fill(FillModelParameters parameters)
    {
        if (parameters?.Order is not LimitOrder order)
        {
            return base.Fill(parameters!);
        }

        Parameters = parameters;
        var fill = LimitFill(parameters.Security, order);
        return fill.FillQuantity == 0 && fill.Status == order.Status ? _noChange : new Fill(fill);
    }

    /// <inheritdoc />
    public override OrderEvent LimitFill(Security asset, LimitOrder order)
    {
        var utcNow = GetUtcTime(asset);
        var fill = new OrderEvent(order, utcNow, OrderFee.Zero);
        ForgetClosedOrders(asset.Symbol, utcNow);
        if (order.Status == OrderStatus.Canceled)
        {
            _orders.Remove(order.Id);
            return fill;
        }

        if (_orders.TryGetValue(order.Id, out var seen))
        {
            seen.LastScanUtc = utcNow;
        }

        var market = GetMarket(asset);
        if (market.Validate(TimeSpan.MaxValue) != MarketDataIssue.None || !IsExchangeOpen(asset, false))
        {
            return fill;
        }

        var isBuy = order.Direction == OrderDirection.Buy;
        var isNew = !_orders.TryGetValue(order.Id, out var state);
        if (isNew)
        {
            // only trades printed after submission can reach the order: order.Time is UTC, ticks carry exchange time
            var submittedLocal = order.Time - (utcNow - market.LocalTime);
            state = new OrderState { Symbol = asset.Symbol, LastScanUtc = utcNow, LastEvaluationUtc = order.Time, LastTradeTime = submittedLocal };
            _orders[order.Id] = state;
        }

        if (isNew || state!.LimitPrice != order.LimitPrice)
        {
            // A new or re-priced order joins the back of the queue as displayed now, at its first evaluation; the
            // step's trades are taken to have preceded it (they consumed the queue it joins), so they are skipped.
            state!.LimitPrice = order.LimitPrice;
            state.Queue = new QueuePosition(isBuy, order.LimitPrice, market.Bid, market.BidSize, market.Ask, market.AskSize);
            if (Mode == PassiveFillMode.QueuePosition)
            {
                foreach (var trade in GetTrades(asset))
                {
                    if (trade.EndTime > state.LastTradeTime)
                    {
                        state.LastTradeTime = trade.EndTime;
                    }
                }
            }
        }

        var remaining = order.AbsoluteQuantity - state.Filled;
        var crossed = isBuy ? order.LimitPrice >= market.Ask : order.LimitPrice <= market.Bid;
        decimal quantity;
        var price = order.LimitPrice;
        if (remaining <= 0)
        {
            quantity = 0;
        }
        else if (crossed)
        {
            quantity = remaining;
            if (isNew)
            {
                price = isBuy ? Math.Min(order.LimitPrice, market.Ask) : Math.Max(order.LimitPrice, market.Bid);
            }
        }
        else if (Mode == PassiveFillMode.QueuePosition)
        {
            var since = state.LastTradeTime;
            var trades = GetTrades(asset).Where(t => t.EndTime > since).ToList();
            if (trades.Count > 0)
            {
                state.LastTradeTime = trades.Max(t => t.EndTime);
            }

            quantity = state.Queue!.Step(remaining, trades, market.Bid, market.BidSize, market.Ask, market.AskSize);
        }
        else
        {
            var depth = (double)Math.Abs(order.LimitPrice - market.Mid);
            var seconds = (utcNow - OpenSince(asset, state.LastEvaluationUtc, utcNow)).TotalSeconds;
            quantity = _intensity!.Draw(depth, seconds) ? remaining : 0;
        }

        state.LastEvaluationUtc = utcNow;
        if (quantity <= 0)
        {
            return fill;
        }

        state.Filled += quantity;
        fill.FillQuantity = isBuy ? quantity : -quantity;
        fill.FillPrice = price;
        fill.Status = state.Filled >= order.AbsoluteQuantity ? OrderStatus.Filled : OrderStatus.PartiallyFilled;
        if (fill.Status == OrderStatus.Filled)
        {
            _orders.Remove(order.Id);
        }

        return fill;
    }

    /// <summary>
    /// Start of the market time the intensity rule counts between the last evaluation (<paramref name="fromUtc"/>) and
    /// now: <paramref name="fromUtc"/>, or the latest regular-hours open after it if the exchange closed in between, since
    /// nothing fills while the market is closed and LEAN evaluates no order then (equities get no data overnight, so the
    /// first evaluation after the open would otherwise count the whole night). Gaps under a minute and markets that never
    /// close are taken as they are.
    /// </summary>
    protected virtual DateTime OpenSince(Security asset, DateTime fromUtc, DateTime utcNow)
    {
        var hours = asset.Exchange.Hours;
        if (utcNow - fromUtc < TimeSpan.FromMinutes(1) || hours.IsMarketAlwaysOpen)
        {
            return fromUtc;
        }

        var zone = asset.Exchange.TimeZone;
        var open = hours.GetPreviousMarketOpen(utcNow.ConvertFromUtc(zone), extendedMarketHours: false).ConvertToUtc(zone);
        return open > fromUtc ? open : fromUtc;
    }

    /// <summary>UTC time of the fill event; LEAN's fill models use the security's local time converted from its exchange time zone.</summary>
    protected virtual DateTime GetUtcTime(Security asset) => asset.LocalTime.ConvertToUtc(asset.Exchange.TimeZone);

    /// <summary>Top of book of <paramref name="asset"/>; override to read it from elsewhere.</summary>
    protected virtual QuoteMarket GetMarket(Security asset) => QuoteMarket.From(asset);

    /// <summary>The trade ticks of the current step (LEAN's cache keeps the last step's ticks).</summary>
    protected virtual IEnumerable<Tick> GetTrades(Security asset) =>
        asset.Cache.GetAll<Tick>().Where(t => t.TickType == TickType.Trade);

    /// <summary>Number of orders whose fill state is kept (tests).</summary>
    internal int TrackedOrders => _orders.Count;

    /// <summary>
    /// LEAN evaluates every pending order of a security at each of its scans and never passes a cancelled one here, so
    /// on the first call of a new scan, the states of <paramref name="symbol"/> not seen at its previous scan belong to
    /// orders closed since (cancelled, invalidated); they are dropped, keeping the state to the working orders.
    /// </summary>
    private void ForgetClosedOrders(Symbol symbol, DateTime utcNow)
    {
        if (_scans.TryGetValue(symbol, out var previous) && previous == utcNow)
        {
            return;
        }

        _scans[symbol] = utcNow;
        foreach (var (id, state) in _orders)
        {
            if (state.Symbol == symbol && state.LastScanUtc < previous)
            {
                _orders.Remove(id);
            }
        }
    }

    private sealed class OrderState
    {
        public Symbol Symbol { get; init; } = null!;

        public DateTime LastScanUtc { get; set; }

        public decimal LimitPrice { get; set; }

        public decimal Filled { get; set; }

        public QueuePosition? Queue { get; set; }

        public DateTime LastEvaluationUtc { get; set; }

        public DateTime LastTradeTime { get; set; }
    }
}
