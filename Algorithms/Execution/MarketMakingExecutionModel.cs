using System;
using System.Collections.Generic;
using Lean.MarketMaking.Algorithms.MarketData;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Risk;
using QuantConnect;
using QuantConnect.Algorithm;
using QuantConnect.Algorithm.Framework.Execution;
using QuantConnect.Algorithm.Framework.Portfolio;
using QuantConnect.Data.UniverseSelection;
using QuantConnect.Orders;
using QuantConnect.Securities;

namespace Lean.MarketMaking.Algorithms.Execution;

/// <summary>
/// Execution model that works <see cref="IQuoteTarget"/>s as passive limit orders: at most one bid and one ask per
/// security, placed with <c>LimitOrder</c> and moved through their tickets (one <c>UpdateOrderFields</c> request
/// for price and quantity) only when the price moves by at least <see cref="MarketMakingExecutionSettings.MinRepriceTicks"/>
/// ticks or the size by a lot (<see cref="QuoteDecision"/>). Prices are rounded to the tick (bid down, ask up) and
/// kept at least one tick off the opposite touch, also in a locked or crossed book (bid ≤ ask − tick, ask ≥ bid + tick;
/// whether such a book is bad is the portfolio construction model's call, from its persistence); sizes are rounded
/// down to the lot (<see cref="QuotePricing"/>).
/// <para>
/// No quote rests without a fresh quote behind it: a security with working quotes and no <see cref="IQuoteTarget"/>
/// in this step's targets has its quotes pulled at once (a multi-asset group, quoted all or none, is pulled as a whole).
/// A book that is missing, non-positive, stale (<see cref="MarketMakingExecutionSettings.MaxBookAge"/>), valued at a
/// non-positive last price or without usable symbol properties (<see cref="MarketDataIssue"/>) pulls the quotes and
/// places nothing, target or not; each issue is logged once per episode.
/// </para>
/// <para>
/// A plain <see cref="IPortfolioTarget"/> (the zero target of LEAN's <c>MaximumDrawdownPercentPerSecurity</c> or a
/// kill switch; the reduce-to-limit target of <see cref="InventoryLimitRiskManagementModel"/>) cancels the security's
/// quotes and trades holdings to the target in clips: each no larger than the displayed size at the touch (rounded down
/// to the lot, at least one lot; a feed without sizes at the touch, like LEAN's forex quotes, clips at our last quote
/// size, a stated assumption of what trades at the touch), a marketable LIMIT order at the touch (buy at the ask, sell at the bid) without the
/// quotes' post-only properties, and never beyond the episode's worst price,
/// <see cref="MarketMakingExecutionSettings.MaxFlattenSlippage"/> from the mid at which it started (beyond it no clip
/// goes out that step, logged once; nor on a locked, crossed or otherwise bad book). A clip within the displayed size
/// trades at the touch, so no price-impact allowance is made. Quoting resumes once holdings reach the target.
/// </para>
/// <para>
/// Order races. A cancelled order is kept until an order event closes it (Canceled, Filled or Invalid): until then no
/// new order goes out on its side, since a live cancel can be refused or overtaken by a fill. A cancel unconfirmed for
/// <see cref="MarketMakingExecutionSettings.CancelTimeout"/> is resolved from LEAN's order status: closed → dropped,
/// still open → cancelled again (at most <see cref="MaxCancelResends"/> times; LEAN forwards a second cancel only if the
/// first failed), logged. An update counts only once LEAN reports it processed (<see cref="UpdateOutcome"/>); until
/// then the order may rest at either price and our other side is kept a tick inside both. Where the brokerage model
/// cannot update the quotes (<see cref="BrokerageQuoteRules"/>, decided up front: e.g. LEAN's <c>BinanceBrokerageModel</c>
/// refuses every update, <c>CoinbaseBrokerageModel</c> all but good-til-cancelled limits) they are re-priced by
/// cancel-and-replace from the start; elsewhere the first rejected update switches the security to it for good. With
/// <see cref="MarketMakingExecutionSettings.Latency"/> (constant or drawn per request) a cancel is sent only once its latency
/// has passed since the decision (at the first step after), the order staying fillable meanwhile; updates go at once (a
/// new price's latency at the venue is the fill model's, so it is not counted twice).
/// </para>
/// <para>
/// Venue rules (<see cref="BrokerageQuoteRules"/>, from the algorithm's brokerage model at a security's first step):
/// quotes carry the brokerage's post-only order properties; a quote side below the venue's minimum order size (units
/// or notional, as the brokerage model checks it) is not placed, and a flattening clip is at least that size (a
/// remainder below it ends the flatten, logged); order requests draw on a token bucket per symbol and one per account:
/// a placement or re-price without budget is deferred (the order rests where it is, the side stays empty) and decided
/// again at the next step, a cancel-and-replace waits until both of its requests fit, and cancels always go out (into
/// debt). Counts in <see cref="Statistics"/>.
/// </para>
/// <para>
/// Fills, including partial fills, are tracked in <see cref="OnOrderEvent"/>; LEAN calls it only on the model passed to
/// <c>SetExecution</c> in <c>Initialize</c> (the transaction handler captures the execution model when it starts).
/// </para>
/// </summary>
public class MarketMakingExecutionModel : ExecutionModel
{
    /// <summary>How many times an unconfirmed cancel is sent again after <see cref="MarketMakingExecutionSettings.CancelTimeout"/>.</summary>
    public const int MaxCancelResends = 3;

    /// <summary>Tag of the bid quotes (passive: maker fills).</summary>
    public const string BidTag = "mm bid";

    /// <summary>Tag of the ask quotes (passive: maker fills).</summary>
    public const string AskTag = "mm ask";

    /// <summary>Tag of the marketable flattening orders (taker fills).</summary>
    public const string FlattenTag = "mm flatten";

    private readonly Dictionary<Symbol, SymbolQuotes> _symbols = new();
    private readonly IssueLog _issues = new();
    private readonly HashSet<Symbol> _quotedThisStep = new();
    private readonly ThrottledIssueLog _throttled = new(TimeSpan.FromMinutes(15));
    private IQuoteOrderRouter? _router;
    private LatencyRecordingOrderRouter? _latencyRouter;
    private TokenBucket? _account;
    private bool _accountSet;
    private bool _hasBudgets;
    private DateTime _utcNow;

    /// <summary>Creates the model.</summary>
    /// <param name="settings">Re-pricing threshold, book age, quote order properties, flatten bound, cancel timeout and order latency.</param>
    /// <param name="asynchronous">Submit orders asynchronously (LEAN's <see cref="ExecutionModel"/> default).</param>
    public MarketMakingExecutionModel(MarketMakingExecutionSettings settings, bool asynchronous = true)
        : base(asynchronous)
    {
        Settings = settings ?? throw Guard.Invalid(nameof(settings), "must not be null");
    }

    /// <summary>The model's settings.</summary>
    public MarketMakingExecutionSettings Settings { get; }

    /// <summary>Counts of the order requests sent, deferred by the rate budgets, and of quote sides below the venue minimum.</summary>
    public ExecutionStatistics Statistics { get; } = new();

    /// <inheritdoc />
    public override void Execute(QCAlgorithm algorithm, IPortfolioTarget[] targets)
    {
        var router = _router ??= CreateRouter(algorithm);
        foreach (var state in _symbols.Values)
        {
            EnsureRules(algorithm, state);
        }

        if (_latencyRouter is not null)
        {
            _latencyRouter.StepArrivalUtc = GetDataArrivalUtc(algorithm);
        }

        if (_hasBudgets)
        {
            _utcNow = GetUtcTime(algorithm);
        }

        foreach (var state in _symbols.Values)
        {
            ServiceRequests(algorithm, router, state);
        }

        var quoted = _quotedThisStep;
        quoted.Clear();
        foreach (var target in targets)
        {
            if (!_symbols.TryGetValue(target.Symbol, out var state))
            {
                continue;
            }

            if (target is IQuoteTarget quote)
            {
                if (state.FlattenTarget is null)
                {
                    WorkQuote(algorithm, router, state, quote);
                    quoted.Add(target.Symbol);
                }
            }
            else
            {
                state.FlattenTarget = target.Quantity;
            }
        }

        foreach (var (symbol, state) in _symbols)
        {
            if (state.FlattenTarget is not null)
            {
                WorkFlatten(algorithm, router, state);
            }
            else if (!quoted.Contains(symbol) && (state.Bid is not null || state.Ask is not null))
            {
                // no fresh quote behind the working ones: pull them at once, saying why
                var market = GetMarket(state.Security);
                var issue = market.Validate(Settings.MaxBookAge);
                CancelQuotes(router, state, "no quote target");
                Report(algorithm, symbol, issue == MarketDataIssue.None ? "no quote target" : issue.ToString(),
                    $"book {market.Bid} x {market.Ask}; quotes pulled");
            }
        }
    }

    /// <inheritdoc />
    public override void OnOrderEvent(QCAlgorithm algorithm, OrderEvent orderEvent)
    {
        if (orderEvent.Symbol is null || !_symbols.TryGetValue(orderEvent.Symbol, out var state))
        {
            return;
        }

        state.Bid = Apply(state.Bid, orderEvent);
        state.Ask = Apply(state.Ask, orderEvent);
        state.Flatten = Apply(state.Flatten, orderEvent);
        if (orderEvent.Status is OrderStatus.Filled or OrderStatus.Canceled or OrderStatus.Invalid)
        {
            for (var i = state.Cancelling.Count - 1; i >= 0; i--)
            {
                if (state.Cancelling[i].OrderId == orderEvent.OrderId)
                {
                    state.Cancelling.RemoveAt(i);
                    _router?.Release(orderEvent.OrderId);
                }
            }
        }
    }

    /// <inheritdoc />
    public override void OnSecuritiesChanged(QCAlgorithm algorithm, SecurityChanges changes)
    {
        foreach (var security in changes.RemovedSecurities)
        {
            if (_symbols.Remove(security.Symbol, out var state) && _router is not null)
            {
                // the security is gone: everything is cancelled now, whatever the order latency
                foreach (var order in new[] { state.Bid, state.Ask, state.Flatten })
                {
                    if (order is not null)
                    {
                        Statistics.Cancels++;
                        _router.Cancel(order.OrderId, "security removed");
                        _router.Release(order.OrderId);
                    }
                }

                foreach (var order in state.Cancelling)
                {
                    if (!order.CancelSent)
                    {
                        Statistics.Cancels++;
                        _router.Cancel(order.OrderId, "security removed");
                    }

                    _router.Release(order.OrderId);
                }
            }

            _issues.Remove(security.Symbol);
            _throttled.Remove(security.Symbol);
        }

        foreach (var security in changes.AddedSecurities)
        {
            if (!_symbols.ContainsKey(security.Symbol))
            {
                _symbols[security.Symbol] = new SymbolQuotes(security);
            }
        }
    }

    /// <summary>
    /// Takes over the open orders LEAN reports for the quoted securities (after a restart LEAN loads the brokerage's open
    /// orders; call this once they are loaded, at the first step after the warm-up): per security and side the newest
    /// open limit order becomes the working quote, re-priced and resized from the next quote target like any other;
    /// every other open order of the security (a second one on a side, or not a limit order) is cancelled and blocks its
    /// side until LEAN confirms it closed, so no side ever has two quotes. An order the router cannot adopt
    /// (<see cref="IQuoteOrderRouter.Adopt"/>) is left alone and logged. Each adoption and cancel is logged and counted
    /// in <see cref="Statistics"/>.
    /// </summary>
    public void AdoptOpenOrders(QCAlgorithm algorithm)
    {
        var router = _router ??= CreateRouter(algorithm);
        foreach (var (symbol, state) in _symbols)
        {
            var open = new List<RestingOrder>(GetOpenOrders(algorithm, symbol));
            open.Sort((a, b) => b.OrderId.CompareTo(a.OrderId));
            foreach (var order in open)
            {
                if (order.OrderId == state.Bid?.OrderId || order.OrderId == state.Ask?.OrderId || order.OrderId == state.Flatten?.OrderId
                    || state.Cancelling.Exists(c => c.OrderId == order.OrderId))
                {
                    continue;
                }

                if (!router.Adopt(order.OrderId))
                {
                    Log(algorithm, $"{nameof(MarketMakingExecutionModel)}: {symbol}: open order {order.OrderId} found at the start cannot be adopted by the order router; left alone");
                    continue;
                }

                var working = new WorkingOrder(order.OrderId, order.Quantity, order.LimitPrice ?? 0m) { Filled = order.Filled };
                if (order.LimitPrice is not null && order.Quantity != 0 && (order.Quantity > 0 ? state.Bid : state.Ask) is null)
                {
                    if (order.Quantity > 0)
                    {
                        state.Bid = working;
                    }
                    else
                    {
                        state.Ask = working;
                    }

                    Statistics.OrdersAdopted++;
                    Log(algorithm, $"{nameof(MarketMakingExecutionModel)}: {symbol}: adopted open order {order.OrderId} " +
                        $"({order.Quantity} at {order.LimitPrice}, {order.Filled} filled) as the {(order.Quantity > 0 ? "bid" : "ask")}");
                    continue;
                }

                Statistics.OrdersCancelledAtStart++;
                Statistics.Cancels++;
                working.CancelSent = true;
                working.CancelSentAt = state.Security.LocalTime;
                working.CancelTag = "mm restart: not adopted";
                state.Cancelling.Add(working);
                router.Cancel(order.OrderId, working.CancelTag);
                Log(algorithm, $"{nameof(MarketMakingExecutionModel)}: {symbol}: cancelled open order {order.OrderId} found at the start " +
                    $"({order.Quantity}{(order.LimitPrice is { } price ? $" at {price}" : ", not a limit order")}): its side already has a quote");
            }
        }
    }

    /// <summary>
    /// The open orders of <paramref name="symbol"/> LEAN holds now (order tickets of <c>Transactions.GetOpenOrderTickets</c>,
    /// limit prices from <c>Transactions.GetOrderById</c>); override to read them from elsewhere.
    /// </summary>
    protected virtual IEnumerable<RestingOrder> GetOpenOrders(QCAlgorithm algorithm, Symbol symbol)
    {
        foreach (var ticket in algorithm.Transactions.GetOpenOrderTickets(symbol))
        {
            yield return new RestingOrder(ticket.OrderId, ticket.Quantity, ticket.Quantity - ticket.QuantityRemaining,
                algorithm.Transactions.GetOrderById(ticket.OrderId) is LimitOrder limit ? limit.LimitPrice : null);
        }
    }

    /// <summary>The working bid (<paramref name="buy"/>) or ask of <paramref name="symbol"/>, or null (for the restart state).</summary>
    public WorkingOrder? WorkingQuote(Symbol symbol, bool buy) =>
        _symbols.TryGetValue(symbol, out var state) ? buy ? state.Bid : state.Ask : null;

    /// <summary>
    /// Creates the order router used for every order; the default routes through the algorithm's order tickets, quotes
    /// with their security's <see cref="BrokerageQuoteRules.QuoteOrderProperties"/>.
    /// </summary>
    protected virtual IQuoteOrderRouter CreateOrderRouter(QCAlgorithm algorithm) =>
        new AlgorithmOrderRouter(algorithm, Asynchronous,
            symbol => _symbols.TryGetValue(symbol, out var state) && state.Rules is { } rules ? rules.QuoteOrderProperties : Settings.QuoteOrderProperties);

    /// <summary>
    /// What the venue allows the quotes of <paramref name="security"/> (post-only properties, update or
    /// cancel-and-replace, minimum size, rate budgets); the default reads the algorithm's LEAN brokerage model and
    /// default order properties (<see cref="BrokerageQuoteRules.From"/>). Called once per security, at its first step.
    /// </summary>
    protected virtual BrokerageQuoteRules CreateQuoteRules(QCAlgorithm algorithm, Security security) =>
        BrokerageQuoteRules.From(algorithm.BrokerageModel, security, algorithm.DefaultOrderProperties, Settings, security.LocalTime);

    /// <summary>
    /// Whether to measure the tick-to-order latency (<see cref="ExecutionStatistics.Latency"/>); the default: in live
    /// mode only (a backtest's wall clock says nothing about a live deployment's).
    /// </summary>
    protected virtual bool MeasuresLatency(QCAlgorithm algorithm) => algorithm.LiveMode;

    /// <summary>
    /// The arrival (UTC) of the oldest tick of this step's slice among the model's securities, or null without one:
    /// a tick's time is when the data queue handler stamped it (LEAN keeps it), so the latency runs from there. The
    /// oldest, not the newest, tick: the slowest reaction of the step is the one measured.
    /// </summary>
    protected virtual DateTime? GetDataArrivalUtc(QCAlgorithm algorithm)
    {
        var ticks = algorithm.CurrentSlice?.Ticks;
        if (ticks is null)
        {
            return null;
        }

        DateTime? oldest = null;
        foreach (var (symbol, state) in _symbols)
        {
            if (ticks.TryGetValue(symbol, out var list) && list is not null)
            {
                foreach (var tick in list)
                {
                    var utc = tick.Time.ConvertToUtc(state.Security.Exchange.TimeZone);
                    if (oldest is null || utc < oldest)
                    {
                        oldest = utc;
                    }
                }
            }
        }

        return oldest;
    }

    /// <summary>The wall clock (UTC) read when an order request has been taken, for the tick-to-order latency.</summary>
    protected virtual DateTime GetWallClockUtc() => DateTime.UtcNow;

    /// <summary>The algorithm's UTC time: the clock of the order-rate budgets (read only when there are budgets).</summary>
    protected virtual DateTime GetUtcTime(QCAlgorithm algorithm) => algorithm.UtcTime;

    /// <summary>Top of book of <paramref name="security"/>; override to read it from elsewhere.</summary>
    protected virtual QuoteMarket GetMarket(Security security) => QuoteMarket.From(security);

    /// <summary>
    /// The exchange-local time of the next regular-hours close after <paramref name="localTime"/>, or null for a market
    /// that never closes; used only with <see cref="MarketMakingExecutionSettings.PullBeforeClose"/>.
    /// </summary>
    protected virtual DateTime? GetNextMarketClose(Security security, DateTime localTime)
    {
        var hours = security.Exchange.Hours;
        return hours.IsMarketAlwaysOpen ? null : hours.GetNextMarketClose(localTime, extendedMarketHours: false);
    }

    /// <summary>
    /// Whether the exchange is open at <paramref name="localTime"/> (regular hours); used only with
    /// <see cref="MarketMakingExecutionSettings.PullBeforeClose"/>, after a close has passed.
    /// </summary>
    protected virtual bool IsMarketOpen(Security security, DateTime localTime) =>
        security.Exchange.Hours.IsOpen(localTime, extendedMarketHours: false);

    /// <summary>Signed holdings of <paramref name="security"/>, units of the asset.</summary>
    protected virtual decimal GetHoldings(Security security) => security.Holdings.Quantity;

    /// <summary>Writes to the algorithm log.</summary>
    protected virtual void Log(QCAlgorithm algorithm, string message) => algorithm.Log(message);

    /// <summary>The order router, wrapped to record the tick-to-order latency when <see cref="MeasuresLatency"/>.</summary>
    private IQuoteOrderRouter CreateRouter(QCAlgorithm algorithm)
    {
        var router = CreateOrderRouter(algorithm);
        if (!MeasuresLatency(algorithm))
        {
            return router;
        }

        Statistics.Latency = new TickToOrderLatency();
        return _latencyRouter = new LatencyRecordingOrderRouter(router, Statistics.Latency, GetWallClockUtc);
    }

    /// <summary>Sets the security's venue rules and buckets at its first step (and the account bucket at the first security's).</summary>
    private void EnsureRules(QCAlgorithm algorithm, SymbolQuotes state)
    {
        if (state.Rules is not null)
        {
            return;
        }

        var rules = state.Rules = CreateQuoteRules(algorithm, state.Security);
        state.Bucket = rules.RateLimits.PerSymbol is { } perSymbol ? new TokenBucket(perSymbol) : null;
        if (!_accountSet)
        {
            _accountSet = true;
            _account = rules.RateLimits.PerAccount is { } perAccount ? new TokenBucket(perAccount) : null;
        }

        _hasBudgets |= state.Bucket is not null || _account is not null;
        state.ReplaceOnReprice |= !rules.CanUpdateQuotes;
        if (rules.QuoteOrderProperties is null && rules.CanUpdateQuotes && rules.MinimumOrderSize is null && state.Bucket is null && _account is null)
        {
            return;
        }

        Log(algorithm, $"{nameof(MarketMakingExecutionModel)}: {state.Security.Symbol}: quotes " +
            $"{(rules.QuoteOrderProperties is { } properties ? $"with {properties.GetType().Name} (post-only: {Fills.PassiveQuoteFillModel.IsPostOnly(properties)})" : "with LEAN's default order properties")}, " +
            $"re-priced by {(rules.CanUpdateQuotes ? "update" : "cancel-and-replace (the brokerage model cannot update them)")}, " +
            $"minimum order size {(rules.MinimumOrderSize is { } minimum ? $"{minimum} {(rules.MinimumIsNotional ? "notional (quote currency)" : "units")}" : "none")}, " +
            $"rate limits {rules.RateLimits}");
    }

    /// <summary>Whether each budget has at least <paramref name="needed"/> tokens now.</summary>
    private bool HasBudget(SymbolQuotes state, int needed) =>
        (state.Bucket is not { } symbolBucket || symbolBucket.Available(_utcNow) >= needed)
        && (_account is not { } account || account.Available(_utcNow) >= needed);

    /// <summary>Takes a token from each budget for a request that may wait, if each has one.</summary>
    private bool TryAcquire(SymbolQuotes state, int needed = 1)
    {
        if (!HasBudget(state, needed))
        {
            return false;
        }

        Acquire(state);
        return true;
    }

    /// <summary>A request that must go out now (a cancel): takes a token from each budget, into debt if need be.</summary>
    private void Acquire(SymbolQuotes state)
    {
        state.Bucket?.Take(_utcNow);
        _account?.Take(_utcNow);
    }

    /// <summary>Counts and reports (at most one line per 15 minutes per symbol) a placement or re-price deferred by the rate budgets.</summary>
    private void Defer(QCAlgorithm algorithm, SymbolQuotes state, string tag)
    {
        Statistics.Deferred++;
        if (_throttled.ShouldLog(state.Security.Symbol, "rate limit", state.Security.LocalTime, out var occurrences))
        {
            Log(algorithm, $"{nameof(MarketMakingExecutionModel)}: {state.Security.Symbol}: order-rate budget spent ({state.Rules?.RateLimits}); " +
                $"{occurrences} placement(s) or re-price(s) deferred to a later step, the last one of {tag}");
        }
    }

    /// <summary>
    /// Sends the cancels whose latency has passed, resolves the updates LEAN has processed, and times out unconfirmed
    /// cancels.
    /// </summary>
    private void ServiceRequests(QCAlgorithm algorithm, IQuoteOrderRouter router, SymbolQuotes state)
    {
        var now = state.Security.LocalTime;
        ServiceUpdate(algorithm, router, state, state.Bid);
        ServiceUpdate(algorithm, router, state, state.Ask);
        ServiceUpdate(algorithm, router, state, state.Flatten);
        for (var i = state.Cancelling.Count - 1; i >= 0; i--)
        {
            var order = state.Cancelling[i];
            ServiceUpdate(algorithm, router, state, order);
            if (!order.CancelSent)
            {
                if (now >= order.CancelSendAt && !SendCancel(router, state, order, now))
                {
                    state.Cancelling.RemoveAt(i);
                }

                continue;
            }

            if (now - order.CancelSentAt < Settings.CancelTimeout)
            {
                continue;
            }

            // unconfirmed for too long: ask LEAN where the order stands
            if (!router.IsOpen(order.OrderId))
            {
                state.Cancelling.RemoveAt(i);
                router.Release(order.OrderId);
            }
            else if (order.CancelResends < MaxCancelResends)
            {
                order.CancelResends++;
                order.CancelSentAt = now;
                Acquire(state);
                Statistics.Cancels++;
                router.Cancel(order.OrderId, order.CancelTag);
                if (order.CancelResends == 1)
                {
                    Log(algorithm, $"{nameof(MarketMakingExecutionModel)}: {state.Security.Symbol}: cancel of order {order.OrderId} " +
                        $"unconfirmed after {Settings.CancelTimeout.TotalSeconds} s and the order still open; cancel sent again");
                }
            }
            else if (order.CancelResends == MaxCancelResends)
            {
                order.CancelResends++;
                Log(algorithm, $"{nameof(MarketMakingExecutionModel)}: {state.Security.Symbol}: cancel of order {order.OrderId} " +
                    $"unconfirmed after {MaxCancelResends} re-sends; its side stays blocked until LEAN closes it");
            }
        }
    }

    /// <summary>Resolves a sent update from LEAN's answer.</summary>
    private void ServiceUpdate(QCAlgorithm algorithm, IQuoteOrderRouter router, SymbolQuotes state, WorkingOrder? working)
    {
        if (working is not { HasPendingUpdate: true })
        {
            return;
        }

        switch (router.GetUpdateOutcome(working.OrderId))
        {
            case UpdateOutcome.Applied:
                working.ResolveUpdate(applied: true);
                break;
            case UpdateOutcome.Rejected:
                working.ResolveUpdate(applied: false);
                if (!state.ReplaceOnReprice)
                {
                    state.ReplaceOnReprice = true;
                    Log(algorithm, $"{nameof(MarketMakingExecutionModel)}: {state.Security.Symbol}: update of order {working.OrderId} rejected; " +
                        "orders of this security are re-priced by cancel-and-replace from now on");
                }

                break;
        }
    }

    private void SendUpdate(IQuoteOrderRouter router, WorkingOrder working)
    {
        Statistics.Updates++;
        if (!router.Update(working.OrderId, working.PendingQuantity, working.PendingPrice, working.PendingTag))
        {
            // refused outright (e.g. the order is closing): it stays where it is
            working.ResolveUpdate(applied: false);
        }
    }

    private void WorkQuote(QCAlgorithm algorithm, IQuoteOrderRouter router, SymbolQuotes state, IQuoteTarget quote)
    {
        var market = GetMarket(state.Security);
        // a locked or crossed book alone is quoted passively against both touches
        var issue = market.Validate(Settings.MaxBookAge, acceptLockedOrCrossed: true);

        if (issue != MarketDataIssue.None)
        {
            CancelQuotes(router, state, "bad market data");
            Report(algorithm, quote.Symbol, issue.ToString(), $"book {market.Bid} x {market.Ask}; quotes pulled, nothing placed");
            return;
        }

        if (IsClosing(state, market.LocalTime))
        {
            CancelQuotes(router, state, "market closing");
            Report(algorithm, quote.Symbol, "closing", $"next close {state.NextClose:O}; quotes pulled until the open");
            return;
        }

        _issues.Clear(quote.Symbol);
        var tick = market.TickSize;
        var lot = market.LotSize;
        var bid = QuotePricing.PassiveBid(quote.BidPrice, market.Ask, tick);
        var ask = QuotePricing.PassiveAsk(quote.AskPrice, market.Bid, tick);
        var bidSize = bid > 0 ? QuotePricing.RoundLotDown(quote.BidSize, lot) : 0m;
        var askSize = QuotePricing.RoundLotDown(quote.AskSize, lot);
        state.LastQuoteSize = Math.Max(bidSize, askSize) is var largest && largest > 0 ? largest : state.LastQuoteSize;
        // a side the venue would reject for its size is not quoted (never enlarged beyond what the risk limits sized)
        bidSize = AboveMinimum(algorithm, state, bidSize, bid, lot, BidTag);
        askSize = AboveMinimum(algorithm, state, askSize, ask, lot, AskTag);
        // Our own bid and ask must never cross, not even between two requests: after a jump up the new bid can reach
        // the working ask, so the ask moves first (and a jump down moves the bid first); each side is also kept a
        // tick inside every price the other side may rest at (its known price, an unconfirmed update's, and orders
        // still being cancelled) in case that side's request does not go through.
        if (state.Ask is not null && bid >= state.Ask.LimitPrice)
        {
            WorkAsk();
            WorkBid();
        }
        else
        {
            WorkBid();
            WorkAsk();
        }

        void WorkBid()
        {
            var price = state.MostAggressive(-1) is { } sell ? Math.Min(bid, sell - tick) : bid;
            state.Bid = WorkSide(algorithm, router, state, state.Bid, 1, price, price > 0 ? bidSize : 0m, tick, lot, BidTag);
        }

        void WorkAsk()
        {
            var price = state.MostAggressive(1) is { } buy ? Math.Max(ask, buy + tick) : ask;
            state.Ask = WorkSide(algorithm, router, state, state.Ask, -1, price, askSize, tick, lot, AskTag);
        }
    }

    private void WorkFlatten(QCAlgorithm algorithm, IQuoteOrderRouter router, SymbolQuotes state)
    {
        CancelQuotes(router, state, "flattening");
        var symbol = state.Security.Symbol;
        var market = GetMarket(state.Security);
        var issue = market.Validate(Settings.MaxBookAge);
        if (issue != MarketDataIssue.None)
        {
            state.Flatten = Cancel(router, state, state.Flatten, "bad market data");
            Report(algorithm, symbol, issue.ToString(), $"book {market.Bid} x {market.Ask}; cannot flatten yet");
            return;
        }

        var tick = market.TickSize;
        var lot = market.LotSize;
        var needed = state.FlattenTarget!.Value - GetHoldings(state.Security);
        var remaining = QuotePricing.RoundLotDown(Math.Abs(needed), lot);
        var minimum = state.Rules!.MinimumQuantity(needed > 0 ? market.Ask : market.Bid, lot);
        if (remaining == 0 || (remaining < minimum && state.Flatten is null))
        {
            if (remaining > 0)
            {
                // the venue takes no order this small: what is left stays (the risk model may ask again)
                Report(algorithm, symbol, "flatten below minimum", $"{remaining} left to trade is below the venue's minimum order of {minimum}; flatten ended");
            }

            state.Flatten = Cancel(router, state, state.Flatten, "flattened");
            state.FlattenTarget = null;
            state.FlattenStartMid = null;
            return;
        }

        var sign = needed > 0 ? 1 : -1;
        if (state.Flatten is not null && state.Flatten.Sign != sign)
        {
            state.Flatten = Cancel(router, state, state.Flatten, "flatten direction changed");
        }

        var startMid = state.FlattenStartMid ??= market.Mid;
        var price = QuotePricing.MarketablePrice(sign, market.Bid, market.Ask, tick);
        var worst = QuotePricing.WorstFlattenPrice(sign, startMid, Settings.MaxFlattenSlippage, tick);
        if (sign * (price - worst) > 0)
        {
            // a working clip keeps its price, which was within the bound; nothing goes out at the touch beyond it
            Report(algorithm, symbol, "flatten worst price", $"touch {price} beyond the worst price {worst} " +
                $"({Settings.MaxFlattenSlippage:P2} from the starting mid {startMid}); no clip until it comes back");
            return;
        }

        // a working clip keeps its size until the touch moves it; a new or re-priced one takes the displayed size, or,
        // from a feed that shows none (LEAN's forex quotes), our last quote size, or all that is left if we never quoted
        var displayed = sign > 0 ? market.AskSize : market.BidSize;
        var clip = QuotePricing.FlattenClip(remaining, displayed > 0 ? displayed : state.LastQuoteSize > 0 ? state.LastQuoteSize : remaining, lot);
        var size = state.Flatten is { } working && !QuotePricing.ShouldReprice(working.LimitPrice, price, tick, Settings.MinRepriceTicks)
            ? Math.Min(working.Remaining, remaining)
            : Math.Min(remaining, Math.Max(clip, minimum)); // a clip is at least the venue's minimum order
        state.Flatten = WorkSide(algorithm, router, state, state.Flatten, sign, price, size, tick, lot, FlattenTag, marketable: true);
    }

    private WorkingOrder? WorkSide(QCAlgorithm algorithm, IQuoteOrderRouter router, SymbolQuotes state, WorkingOrder? working, int sign,
        decimal price, decimal size, decimal tick, decimal lot, string tag, bool marketable = false)
    {
        var symbol = state.Security.Symbol;
        switch (QuoteDecision.Decide(working, price, size, tick, lot, Settings.MinRepriceTicks))
        {
            case QuoteAction.Place when state.IsCancelling(sign):
                // the previous order on this side may still fill: place the new one once its cancel is confirmed
                return null;
            case QuoteAction.Place when !TryAcquire(state, 1):
                Defer(algorithm, state, tag);
                return null;
            case QuoteAction.Place:
                Statistics.OrdersSubmitted++;
                var id = marketable ? router.SubmitMarketable(symbol, sign * size, price, tag) : router.Submit(symbol, sign * size, price, tag);
                return id is { } orderId ? new WorkingOrder(orderId, sign * size, price) : null;
            case QuoteAction.Update when working!.HasPendingUpdate:
                // one update in flight at a time
                return working;
            case QuoteAction.Update when state.ReplaceOnReprice:
                // cancel now, place the new order once the cancel is confirmed: only with budget for both, else the
                // order stays where it rests until there is
                if (!HasBudget(state, 2))
                {
                    Defer(algorithm, state, tag);
                    return working;
                }

                Statistics.Replacements++;
                return Cancel(router, state, working, tag);
            case QuoteAction.Update when !TryAcquire(state, 1):
                Defer(algorithm, state, tag);
                return working;
            case QuoteAction.Update:
                working.RequestUpdate(working.Filled + sign * size, price, tag);
                SendUpdate(router, working);
                return working;
            case QuoteAction.Cancel:
                return Cancel(router, state, working, tag);
            default:
                // the order is close enough where it rests
                return working;
        }
    }

    /// <summary>
    /// <paramref name="size"/>, or 0 (side not quoted, counted and reported) when it is below the venue's minimum
    /// order at <paramref name="price"/> (<see cref="BrokerageQuoteRules.MinimumQuantity"/>).
    /// </summary>
    private decimal AboveMinimum(QCAlgorithm algorithm, SymbolQuotes state, decimal size, decimal price, decimal lot, string tag)
    {
        if (size <= 0 || size >= state.Rules!.MinimumQuantity(price, lot))
        {
            return size;
        }

        Statistics.BelowMinimumSize++;
        if (_throttled.ShouldLog(state.Security.Symbol, "below minimum", state.Security.LocalTime, out var occurrences))
        {
            Log(algorithm, $"{nameof(MarketMakingExecutionModel)}: {state.Security.Symbol}: {tag} of {size} at {price} is below the venue's " +
                $"minimum order ({state.Rules.MinimumOrderSize} {(state.Rules.MinimumIsNotional ? "notional" : "units")}); side not quoted " +
                $"({occurrences} time(s) since the last line)");
        }

        return 0m;
    }

    private bool IsClosing(SymbolQuotes state, DateTime localTime)
    {
        if (Settings.PullBeforeClose is not { } lead)
        {
            return false;
        }

        // the next close is looked up once per session, not on every step; past it, the market is closed (the data point
        // that ends at the close included) until it is open again
        if (localTime >= state.NextClose)
        {
            if (!IsMarketOpen(state.Security, localTime))
            {
                return true;
            }

            state.NextClose = GetNextMarketClose(state.Security, localTime) ?? DateTime.MaxValue;
        }

        return state.NextClose != DateTime.MaxValue && state.NextClose - localTime <= lead;
    }

    private void CancelQuotes(IQuoteOrderRouter router, SymbolQuotes state, string why)
    {
        state.Bid = Cancel(router, state, state.Bid, why);
        state.Ask = Cancel(router, state, state.Ask, why);
    }

    /// <summary>
    /// Decides the cancel and keeps the order among <see cref="SymbolQuotes.Cancelling"/> until an order event closes
    /// it (a live cancel can be refused or overtaken by a fill); the request goes to LEAN once the order latency has
    /// passed (at once without latency).
    /// </summary>
    private WorkingOrder? Cancel(IQuoteOrderRouter router, SymbolQuotes state, WorkingOrder? working, string why)
    {
        if (working is null)
        {
            return null;
        }

        var now = state.Security.LocalTime;
        working.CancelTag = why;
        working.CancelSent = false;
        var latency = Settings.Latency.Draw(working.OrderId, now.Ticks);
        working.CancelSendAt = now + latency;
        if (latency > TimeSpan.Zero || SendCancel(router, state, working, now))
        {
            state.Cancelling.Add(working);
        }

        return null;
    }

    /// <summary>Sends the cancel; a refused request means the order is closed unless LEAN still holds it open.</summary>
    /// <returns>Whether the order may still be open (and stays among the cancelling orders).</returns>
    private bool SendCancel(IQuoteOrderRouter router, SymbolQuotes state, WorkingOrder order, DateTime now)
    {
        Acquire(state);
        Statistics.Cancels++;
        order.CancelSent = true;
        order.CancelSentAt = now;
        if (router.Cancel(order.OrderId, order.CancelTag) || router.IsOpen(order.OrderId))
        {
            return true;
        }

        router.Release(order.OrderId);
        return false;
    }

    private WorkingOrder? Apply(WorkingOrder? working, OrderEvent orderEvent)
    {
        if (working is null || working.OrderId != orderEvent.OrderId)
        {
            return working;
        }

        if (orderEvent.Status is OrderStatus.PartiallyFilled or OrderStatus.Filled)
        {
            working.Filled += orderEvent.FillQuantity;
        }

        if (orderEvent.Status is OrderStatus.Filled or OrderStatus.Canceled or OrderStatus.Invalid)
        {
            _router?.Release(working.OrderId);
            return null;
        }

        return working;
    }

    private void Report(QCAlgorithm algorithm, Symbol symbol, string issue, string detail)
    {
        if (_issues.ShouldLog(symbol, issue))
        {
            Log(algorithm, $"{nameof(MarketMakingExecutionModel)}: {symbol}: {issue} ({detail})");
        }
    }
}
