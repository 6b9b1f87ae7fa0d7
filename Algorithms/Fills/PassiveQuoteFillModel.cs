using System;
using System.Collections.Generic;
using Lean.MarketMaking.Algorithms.MarketData;
using Lean.MarketMaking.Models.Errors;
using QuantConnect;
using QuantConnect.Data.Market;
using QuantConnect.Interfaces;
using QuantConnect.Orders;
using QuantConnect.Orders.Fees;
using QuantConnect.Orders.Fills;
using QuantConnect.Securities;

namespace Lean.MarketMaking.Algorithms.Fills;

/// <summary>
/// A <see cref="FillModel"/> for a market maker's limit orders. LEAN's stock <see cref="FillModel.LimitFill"/> fills the
/// whole order at the limit as soon as the last bar/tick trades strictly through it, which ignores queue priority, depth
/// and adverse selection; this model overrides <see cref="LimitFill"/> (called by <see cref="Fill"/> for
/// <c>OrderType.Limit</c>; every other order type keeps LEAN's behaviour) with these rules:
/// <list type="bullet">
/// <item>Latency (<see cref="PassiveFillSettings.Latency"/>, constant or drawn once per order and per re-price): an
/// order is not fillable before its submission time + latency; after a re-price the old price stays fillable until the
/// change time (<c>Order.LastUpdateTime</c>) + that re-price's latency, when the new price becomes active.</item>
/// <item>Arrival: an order (or a new price) is <i>marketable on arrival</i> when its limit crossed the book both when it
/// was sent (<c>Order.OrderSubmissionData</c>, the book at submission, as LEAN's <c>Order.IsMarketable</c> reads it; for a
/// re-price, the book of the scan at the change time) and at its first evaluation once active. A post-only order (<see cref="IsPostOnly"/>) that is
/// marketable on arrival is rejected (status Invalid with a message), as exchanges do; LEAN itself never simulates
/// post-only.</item>
/// <item>Marketable orders take liquidity: the displayed size at the touch at the touch price, and beyond it, when an
/// impact model is set (<see cref="PassiveFillSettings.Impact"/>), the quantity whose square-root impact keeps the last
/// unit within the limit, at the touch + its average impact; never beyond the limit. The displayed size is taken once
/// per data point: while the order stays marketable it takes again only after a newer data point. Once the book no
/// longer crosses it, the rest rests as a passive order (back of the queue as displayed then). A book without sizes
/// (forex quote ticks) shows no depth: the impact model prices the whole order, or without one it takes the touch.</item>
/// <item>Resting orders fill at their limit price only, never better: completely when the book later crosses them (the
/// market came through the quote), otherwise by the rule of <see cref="Mode"/>:
/// <see cref="PassiveFillMode.QueuePosition"/> (<see cref="QueuePosition"/> against the step's trade ticks; an order
/// or new price joins the queue as displayed at its first active evaluation, that step's trades taken to have preceded it)
/// or <see cref="PassiveFillMode.Intensity"/> (<see cref="IntensityFill"/> with adverse selection, on its
/// <see cref="IntensityFill.Clock"/>: in market seconds a buy can fill in a step only if the step's lowest bid, over its
/// quote ticks and the bid now, or a trade print came to or through its limit, mirrored for a sell; then with
/// probability 1 − exp(−A·e^(−kδ)·Δt), δ = |limit − mid|, Δt = open-market seconds since the previous evaluation; in
/// depletions a buy can fill only at an evaluation at which the bid, at or below its limit, fell or kept its price with
/// less size than at the previous evaluation, then with probability 1 − exp(−A·e^(−kδ)); mirrored for a sell).</item>
/// </list>
/// No fill with a missing, negative or crossed book or with the exchange closed. The state of an order (quantity filled,
/// queue, pending price) is kept until it fills, until LEAN shows it closed, or until it has not been seen for
/// <see cref="PassiveFillSettings.StateRetentionScans"/> scans of its symbol (LEAN drops cancelled orders without telling
/// the fill model; a scan that skips an order does not lose its state). Fees are left to the security's fee model (the
/// events carry <see cref="OrderFee.Zero"/>, as LEAN's own fill models do). Install per security:
/// <c>security.SetFillModel(PassiveQuoteFillModel.Queue())</c>.
/// </summary>
public class PassiveQuoteFillModel : FillModel
{
    private readonly Dictionary<int, OrderState> _orders = new();
    private readonly Dictionary<Symbol, SymbolScan> _scans = new();
    private readonly List<int> _expired = new();
    private readonly IntensityFill? _intensity;
    private readonly Fill _noChange = new(new List<OrderEvent>());

    /// <summary>Creates the model; prefer <see cref="Queue"/> and <see cref="Intensity"/>.</summary>
    /// <param name="mode">Fill rule for resting orders.</param>
    /// <param name="intensity">A, k and seed; required by <see cref="PassiveFillMode.Intensity"/>, ignored otherwise.</param>
    /// <param name="settings">Latency, impact model and state retention; <see cref="PassiveFillSettings.Default"/> when null.</param>
    protected PassiveQuoteFillModel(PassiveFillMode mode, IntensityFill? intensity, PassiveFillSettings? settings = null)
    {
        if (mode == PassiveFillMode.Intensity && intensity is null)
        {
            throw Guard.Invalid(nameof(intensity), "is required by the intensity mode");
        }

        Mode = mode;
        _intensity = intensity;
        Settings = settings ?? PassiveFillSettings.Default;
    }

    /// <summary>The fill rule for resting orders.</summary>
    public PassiveFillMode Mode { get; }

    /// <summary>Latency, impact model and state retention.</summary>
    public PassiveFillSettings Settings { get; }

    /// <summary>A model using the queue-position rule.</summary>
    public static PassiveQuoteFillModel Queue(PassiveFillSettings? settings = null) => new(PassiveFillMode.QueuePosition, null, settings);

    /// <summary>A model using the intensity rule with the given A, k and seed.</summary>
    public static PassiveQuoteFillModel Intensity(IntensityFill intensity, PassiveFillSettings? settings = null) =>
        new(PassiveFillMode.Intensity, intensity, settings);

    /// <summary>
    /// True when the order's properties ask for post-only: LEAN master has <c>PostOnly</c> on the Binance, Bitfinex,
    /// Bybit, Coinbase (and its obsolete alias GDAX), FTX, Kraken, TradeStation and dYdX order properties.
    /// </summary>
    public static bool IsPostOnly(IOrderProperties? properties) => properties switch
    {
        BinanceOrderProperties p => p.PostOnly,
        BitfinexOrderProperties p => p.PostOnly,
        BybitOrderProperties p => p.PostOnly,
        CoinbaseOrderProperties p => p.PostOnly,
        FTXOrderProperties p => p.PostOnly,
        KrakenOrderProperties p => p.PostOnly,
        TradeStationOrderProperties p => p.PostOnly,
        dYdXOrderProperties p => p.PostOnly,
        _ => false,
    };

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
        if (order.Status is OrderStatus.Canceled or OrderStatus.Filled or OrderStatus.Invalid)
        {
            _orders.Remove(order.Id);
            return fill;
        }

        var market = GetMarket(asset);
        var scan = BeginScan(asset.Symbol, utcNow, market);
        var isBuy = order.Direction == OrderDirection.Buy;
        if (!_orders.TryGetValue(order.Id, out var state))
        {
            var submission = order.OrderSubmissionData;
            state = new OrderState
            {
                Symbol = asset.Symbol,
                ActivePrice = order.LimitPrice,
                RequestedPrice = order.LimitPrice,
                ActiveFromUtc = order.Time + Settings.Latency.Draw(order.Id, order.Time.Ticks),
                SentBook = submission is null ? null : (submission.BidPrice, submission.AskPrice),
                LastEvaluationUtc = order.Time,
                // only ticks printed after submission can reach the order: order.Time is UTC, ticks carry exchange time
                LastTickTime = order.Time - (utcNow - market.LocalTime),
                Arrived = false,
            };
            _orders[order.Id] = state;
        }

        state.LastScan = scan.Count;
        if (order.LimitPrice != state.RequestedPrice)
        {
            // a re-price: sent at the order's last update time, the book the algorithm saw then is that scan's
            var changedUtc = order.LastUpdateTime is { } updated && updated <= utcNow ? updated : utcNow;
            state.RequestedPrice = order.LimitPrice;
            state.PendingFromUtc = changedUtc + Settings.Latency.Draw(order.Id, changedUtc.Ticks);
            state.PendingSentBook = changedUtc == scan.PreviousUtc ? (scan.PreviousBid, scan.PreviousAsk)
                : changedUtc == scan.Utc ? (scan.Bid, scan.Ask) : null;
            state.HasPending = true;
        }

        if (market.Validate(TimeSpan.MaxValue) != MarketDataIssue.None || !IsExchangeOpen(asset, false))
        {
            return fill;
        }

        if (state.HasPending && utcNow >= state.PendingFromUtc)
        {
            state.HasPending = false;
            state.ActivePrice = state.RequestedPrice;
            state.SentBook = state.PendingSentBook;
            state.ActiveFromUtc = state.PendingFromUtc;
            state.Arrived = false;
        }

        if (utcNow < state.ActiveFromUtc)
        {
            return fill;
        }

        var price = state.ActivePrice;
        var crossed = isBuy ? price >= market.Ask : price <= market.Bid;
        // an order that (re)starts resting now has counted this step's ticks already: none can fill it this step
        var rested = false;
        if (!state.Arrived)
        {
            state.Arrived = true;
            state.LastEvaluationUtc = state.ActiveFromUtc > state.LastEvaluationUtc ? state.ActiveFromUtc : state.LastEvaluationUtc;
            var sentCrossed = state.SentBook is { } sent && (isBuy ? price >= sent.Ask : price <= sent.Bid);
            state.Taker = sentCrossed && crossed;
            if (state.Taker && IsPostOnly(order.Properties))
            {
                _orders.Remove(order.Id);
                fill.Status = OrderStatus.Invalid;
                fill.Message = $"Post-only order rejected: limit {price} would cross the book {market.Bid} x {market.Ask} on arrival";
                return fill;
            }

            if (!state.Taker)
            {
                Rest(state, isBuy, market, GetTicks(asset));
                rested = true;
            }
        }
        else if (state.Taker && !crossed)
        {
            // the book no longer crosses the rest of a marketable order: it rests at its limit from now on
            state.Taker = false;
            Rest(state, isBuy, market, GetTicks(asset));
            rested = true;
        }

        var remaining = order.AbsoluteQuantity - state.Filled;
        decimal quantity = 0;
        var fillPrice = price;
        if (remaining <= 0)
        {
            quantity = 0;
        }
        else if (state.Taker)
        {
            if (market.LastDataTime > state.LastTakenDataTime)
            {
                state.LastTakenDataTime = market.LastDataTime;
                quantity = Take(isBuy, price, remaining, market, out fillPrice);
            }
        }
        else if (crossed)
        {
            quantity = remaining;
        }
        else
        {
            var queue = Mode == PassiveFillMode.QueuePosition;
            var reached = false;
            var depleted = false;
            double depth = 0, seconds = 0;
            if (!queue || ObservesRestingSteps)
            {
                // the own side of the book depleted (its best moved away from the opposite side, or kept its price with
                // less size) while at or behind the quote: the depletion clock's event, read from the book alone
                var (own, ownSize) = isBuy ? (market.Bid, market.BidSize) : (market.Ask, market.AskSize);
                depleted = !rested && (isBuy ? own <= price && (own < state.OwnPrice || (own == state.OwnPrice && ownSize < state.OwnSize))
                    : own >= price && (own > state.OwnPrice || (own == state.OwnPrice && ownSize < state.OwnSize)));
                state.OwnPrice = own;
                state.OwnSize = ownSize;
                // the intensity rule's gate; the book now opens it without reading the step's ticks (LEAN's tick list
                // allocates when read); the queue rule keeps its own tick time, so observing never changes its fills
                var since = queue ? state.GateTickTime : state.LastTickTime;
                // the depletion clock reads the book alone: the step's ticks are read only for the seconds clock's gate
                reached = (isBuy ? market.Bid <= price : market.Ask >= price)
                    || (!rested && (queue || ObservesRestingSteps || _intensity!.Clock == IntensityClock.MarketSeconds) && Reached(isBuy, price, GetTicks(asset), since));
                var latest = market.LastDataTime > since ? market.LastDataTime : since;
                if (queue)
                {
                    state.GateTickTime = latest;
                }
                else
                {
                    state.LastTickTime = latest;
                }

                depth = (double)Math.Abs(price - market.Mid);
                seconds = (utcNow - OpenSince(asset, state.LastEvaluationUtc, utcNow)).TotalSeconds;
            }

            quantity = queue
                ? rested ? 0 : state.Queue!.Step(remaining, GetTicks(asset), market.Bid, market.BidSize, market.Ask, market.AskSize)
                : (_intensity!.Clock == IntensityClock.Depletions ? depleted && _intensity.Draw(depth, 1) : reached && _intensity.Draw(depth, seconds))
                    ? remaining : 0;
            if (ObservesRestingSteps)
            {
                OnRestingStep(asset, isBuy, depth, seconds, reached, depleted, quantity);
            }
        }

        state.LastEvaluationUtc = utcNow;
        if (quantity <= 0)
        {
            return fill;
        }

        state.Filled += quantity;
        fill.FillQuantity = isBuy ? quantity : -quantity;
        fill.FillPrice = fillPrice;
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

    /// <summary>
    /// Whether <see cref="OnRestingStep"/> is called (default false: nothing extra is computed). In queue mode the
    /// intensity rule's gate and inputs are then computed too, without changing the queue rule's fills.
    /// </summary>
    protected virtual bool ObservesRestingSteps => false;

    /// <summary>
    /// Called, when <see cref="ObservesRestingSteps"/>, at every evaluation of a resting order that the book does not
    /// cross (the steps where the two rules differ; a crossed or marketable order fills alike under both), with the
    /// intensity rule's inputs and the quantity the active rule filled: e.g. to calibrate the intensity rule on the
    /// queue rule's fills (A, k by depth from the exposure where the gate was open).
    /// </summary>
    /// <param name="asset">The security.</param>
    /// <param name="isBuy">Whether the order buys.</param>
    /// <param name="depth">δ = |limit − mid|, price units.</param>
    /// <param name="seconds">Δt: open-market seconds since the order's previous evaluation.</param>
    /// <param name="reached">Whether the opposite flow reached the quote in the step (the gate of the seconds clock).</param>
    /// <param name="depleted">Whether the quote's own side was depleted at or behind it (an event of the depletion clock, <see cref="IntensityClock.Depletions"/>).</param>
    /// <param name="filled">Quantity filled at this step by the active rule (≥ 0).</param>
    protected virtual void OnRestingStep(Security asset, bool isBuy, double depth, double seconds, bool reached, bool depleted, decimal filled)
    {
    }

    /// <summary>UTC time of the fill event; LEAN's fill models use the security's local time converted from its exchange time zone.</summary>
    protected virtual DateTime GetUtcTime(Security asset) => asset.LocalTime.ConvertToUtc(asset.Exchange.TimeZone);

    /// <summary>Top of book of <paramref name="asset"/>; override to read it from elsewhere.</summary>
    protected virtual QuoteMarket GetMarket(Security asset) => QuoteMarket.From(asset);

    /// <summary>The ticks (trades and quotes) of the current step: LEAN's cache keeps the last step's ticks.</summary>
    protected virtual IEnumerable<Tick> GetTicks(Security asset) => asset.Cache.GetAll<Tick>();

    /// <summary>Number of orders whose fill state is kept (tests).</summary>
    internal int TrackedOrders => _orders.Count;

    /// <summary>
    /// Marketable quantity and its average price: the displayed size at the touch at the touch price, then, with an
    /// impact model, the lots whose last unit's square-root impact from the touch stays within the limit, at the touch
    /// + their average impact. A book without sizes counts as showing nothing when an impact model is set and as
    /// showing the whole order otherwise.
    /// </summary>
    private decimal Take(bool isBuy, decimal limit, decimal remaining, QuoteMarket market, out decimal averagePrice)
    {
        var touch = isBuy ? market.Ask : market.Bid;
        var shown = isBuy ? market.AskSize : market.BidSize;
        var impact = Settings.Impact;
        // a book without sizes (e.g. forex quote ticks) shows no depth: the impact model prices all of it, or, without
        // one, the whole order takes the touch
        var atTouch = shown > 0 ? Math.Min(remaining, shown) : impact is null ? remaining : 0m;
        decimal beyond = 0;
        double averageImpact = 0;
        if (impact is not null && remaining > atTouch)
        {
            var within = impact.QuantityWithin((double)Math.Abs(limit - touch));
            var lots = Math.Floor(Math.Min((double)(remaining - atTouch), within) / (double)market.LotSize);
            beyond = (decimal)lots * market.LotSize;
            averageImpact = impact.AverageImpact((double)beyond);
        }

        var quantity = atTouch + beyond;
        var beyondPrice = touch + (isBuy ? 1 : -1) * (decimal)averageImpact;
        averagePrice = quantity > 0 ? (atTouch * touch + beyond * beyondPrice) / quantity : touch;
        // rounding of the decimal average never takes the price past the limit
        averagePrice = isBuy ? Math.Min(averagePrice, limit) : Math.Max(averagePrice, limit);
        return quantity;
    }

    /// <summary>
    /// The intensity rule's adverse-selection condition, in the step's ticks after <paramref name="since"/>: the sell flow
    /// that fills a resting buy at <paramref name="limit"/> shows as a quote tick with the bid at or below the limit or a
    /// trade printed at or below it; mirrored for a sell. (The book now is checked first by the caller.)
    /// </summary>
    private static bool Reached(bool isBuy, decimal limit, IEnumerable<Tick> ticks, DateTime since)
    {
        foreach (var tick in ticks)
        {
            if (tick.EndTime > since && (tick.TickType == TickType.Trade
                    ? tick.Quantity > 0 && tick.Value > 0 && (isBuy ? tick.Value <= limit : tick.Value >= limit)
                    : tick.TickType == TickType.Quote && (isBuy ? tick.BidPrice > 0 && tick.BidPrice <= limit : tick.AskPrice >= limit)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The order starts resting at its active price: the step's ticks preceded it; in queue mode it joins the back of the queue as displayed now.</summary>
    private void Rest(OrderState state, bool isBuy, QuoteMarket market, IEnumerable<Tick> ticks)
    {
        (state.OwnPrice, state.OwnSize) = isBuy ? (market.Bid, market.BidSize) : (market.Ask, market.AskSize);
        state.LastTickTime = LatestTickTime(ticks, state.LastTickTime);
        state.GateTickTime = state.LastTickTime;
        if (Mode == PassiveFillMode.QueuePosition)
        {
            state.Queue = new QueuePosition(isBuy, state.ActivePrice, market.Bid, market.BidSize, market.Ask, market.AskSize, state.LastTickTime);
        }
    }

    private static DateTime LatestTickTime(IEnumerable<Tick> ticks, DateTime since)
    {
        var latest = since;
        foreach (var tick in ticks)
        {
            if (tick.EndTime > latest)
            {
                latest = tick.EndTime;
            }
        }

        return latest;
    }

    /// <summary>
    /// Counts the scans of <paramref name="symbol"/> (evaluations at distinct times), keeps the book of the current and
    /// previous scan (the book a re-price was sent against), and every <see cref="PassiveFillSettings.StateRetentionScans"/>
    /// scans drops the states of the symbol's orders not seen for that many scans.
    /// </summary>
    private SymbolScan BeginScan(Symbol symbol, DateTime utcNow, QuoteMarket market)
    {
        if (!_scans.TryGetValue(symbol, out var scan))
        {
            scan = new SymbolScan { Utc = DateTime.MinValue, PreviousUtc = DateTime.MinValue };
            _scans[symbol] = scan;
        }

        if (scan.Utc == utcNow)
        {
            return scan;
        }

        scan.PreviousUtc = scan.Utc;
        scan.PreviousBid = scan.Bid;
        scan.PreviousAsk = scan.Ask;
        scan.Utc = utcNow;
        scan.Bid = market.Bid;
        scan.Ask = market.Ask;
        scan.Count++;
        var retention = Settings.StateRetentionScans;
        if (scan.Count % retention == 0)
        {
            foreach (var (id, state) in _orders)
            {
                if (state.Symbol == symbol && scan.Count - state.LastScan > retention)
                {
                    _expired.Add(id);
                }
            }

            foreach (var id in _expired)
            {
                _orders.Remove(id);
            }

            _expired.Clear();
        }

        return scan;
    }

    private sealed class SymbolScan
    {
        public DateTime Utc { get; set; }

        public decimal Bid { get; set; }

        public decimal Ask { get; set; }

        public DateTime PreviousUtc { get; set; }

        public decimal PreviousBid { get; set; }

        public decimal PreviousAsk { get; set; }

        public long Count { get; set; }
    }

    private sealed class OrderState
    {
        public Symbol Symbol { get; init; } = null!;

        public long LastScan { get; set; }

        /// <summary>The price that can fill now.</summary>
        public decimal ActivePrice { get; set; }

        /// <summary>The order's latest limit price as seen (active, or pending until its latency has passed).</summary>
        public decimal RequestedPrice { get; set; }

        public DateTime ActiveFromUtc { get; set; }

        /// <summary>Bid and ask when the active price was sent, if known.</summary>
        public (decimal Bid, decimal Ask)? SentBook { get; set; }

        public bool HasPending { get; set; }

        public DateTime PendingFromUtc { get; set; }

        public (decimal Bid, decimal Ask)? PendingSentBook { get; set; }

        /// <summary>True once the active price has had its first evaluation (arrival: taker or queue decided).</summary>
        public bool Arrived { get; set; }

        /// <summary>True while the active price is marketable and takes liquidity.</summary>
        public bool Taker { get; set; }

        public DateTime LastTakenDataTime { get; set; }

        public decimal Filled { get; set; }

        public QueuePosition? Queue { get; set; }

        public DateTime LastEvaluationUtc { get; set; }

        /// <summary>Exchange-local time of the last tick already counted (the queue keeps its own for trades).</summary>
        public DateTime LastTickTime { get; set; }

        /// <summary>In queue mode, observed: exchange-local time of the last tick the intensity gate counted.</summary>
        public DateTime GateTickTime { get; set; }

        /// <summary>The quote's own side of the book (best price and its size) at the previous resting evaluation.</summary>
        public decimal OwnPrice { get; set; }

        /// <summary>Displayed size at <see cref="OwnPrice"/> then.</summary>
        public decimal OwnSize { get; set; }
    }
}
