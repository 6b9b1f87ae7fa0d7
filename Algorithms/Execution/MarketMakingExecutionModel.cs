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
/// kept at least one tick off the opposite touch; sizes are rounded down to the lot (<see cref="QuotePricing"/>).
/// <para>
/// A plain <see cref="IPortfolioTarget"/> (for example the zero target of LEAN's
/// <c>MaximumDrawdownPercentPerSecurity</c> or of <see cref="InventoryLimitRiskManagementModel"/>) cancels the
/// security's quotes and trades holdings to the target with a marketable LIMIT order at the touch (buy at the ask,
/// sell at the bid), re-priced while it works; not a market order, so an empty or broken book can never produce a
/// fill at an arbitrary price. Quoting resumes once holdings reach the target.
/// </para>
/// <para>
/// A bad book (<see cref="MarketDataIssue"/>) never produces an order: working quotes are pulled (a cancel is always
/// safe), nothing is placed or moved, and the problem is logged once per episode; that holds whether the bad book
/// arrives with a quote target or, as when the portfolio construction model skips the security, without one. Quotes that get no fresh target for
/// <see cref="MarketMakingExecutionSettings.StaleQuoteTimeout"/> are cancelled. A cancelled order is kept until an
/// order event closes it (Canceled, Filled or Invalid): until then no new order goes out on its side, since a live
/// cancel can be refused or overtaken by a fill. Fills, including partial fills, are tracked in <see cref="OnOrderEvent"/>; LEAN calls it only on the model passed to <c>SetExecution</c> in
/// <c>Initialize</c> (the transaction handler captures the execution model when it starts).
/// </para>
/// </summary>
public class MarketMakingExecutionModel : ExecutionModel
{
    /// <summary>Tag of the bid quotes (passive: maker fills).</summary>
    public const string BidTag = "mm bid";

    /// <summary>Tag of the ask quotes (passive: maker fills).</summary>
    public const string AskTag = "mm ask";

    /// <summary>Tag of the marketable flattening orders (taker fills).</summary>
    public const string FlattenTag = "mm flatten";

    private readonly Dictionary<Symbol, SymbolQuotes> _symbols = new();
    private readonly IssueLog _issues = new();
    private readonly HashSet<Symbol> _quotedThisStep = new();
    private IQuoteOrderRouter? _router;

    /// <summary>Creates the model.</summary>
    /// <param name="settings">Re-pricing threshold, book age, stale-quote timeout and quote order properties.</param>
    /// <param name="asynchronous">Submit orders asynchronously (LEAN's <see cref="ExecutionModel"/> default).</param>
    public MarketMakingExecutionModel(MarketMakingExecutionSettings settings, bool asynchronous = true)
        : base(asynchronous)
    {
        Settings = settings ?? throw Guard.Invalid(nameof(settings), "must not be null");
    }

    /// <summary>The model's settings.</summary>
    public MarketMakingExecutionSettings Settings { get; }

    /// <inheritdoc />
    public override void Execute(QCAlgorithm algorithm, IPortfolioTarget[] targets)
    {
        var router = _router ??= CreateOrderRouter(algorithm);
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
                // no quote this step: a bad book pulls the working quotes at once, a good one keeps them until they go stale
                var market = GetMarket(state.Security);
                if (!PulledOnBadBook(algorithm, router, state, market) && market.LocalTime - state.LastQuoteTime > Settings.StaleQuoteTimeout)
                {
                    CancelQuotes(router, state, "stale quote");
                    Report(algorithm, symbol, "stale", $"no quote target since {state.LastQuoteTime:O}; quotes cancelled");
                }
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
                CancelQuotes(_router, state, "security removed");
                state.Flatten = Cancel(_router, state, state.Flatten, "security removed");
                foreach (var order in state.Cancelling)
                {
                    _router.Release(order.OrderId);
                }
            }

            _issues.Remove(security.Symbol);
        }

        foreach (var security in changes.AddedSecurities)
        {
            if (!_symbols.ContainsKey(security.Symbol))
            {
                _symbols[security.Symbol] = new SymbolQuotes(security);
            }
        }
    }

    /// <summary>Creates the order router used for every order; the default routes through the algorithm's order tickets.</summary>
    protected virtual IQuoteOrderRouter CreateOrderRouter(QCAlgorithm algorithm) =>
        new AlgorithmOrderRouter(algorithm, Asynchronous, Settings.QuoteOrderProperties);

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

    private void WorkQuote(QCAlgorithm algorithm, IQuoteOrderRouter router, SymbolQuotes state, IQuoteTarget quote)
    {
        var market = GetMarket(state.Security);
        if (PulledOnBadBook(algorithm, router, state, market))
        {
            return;
        }

        if (IsClosing(state, market.LocalTime))
        {
            CancelQuotes(router, state, "market closing");
            Report(algorithm, quote.Symbol, "closing", $"next close {state.NextClose:O}; quotes pulled until the open");
            return;
        }

        _issues.Clear(quote.Symbol);
        state.LastQuoteTime = market.LocalTime;
        var tick = market.TickSize;
        var lot = market.LotSize;
        var bid = QuotePricing.PassiveBid(quote.BidPrice, market.Ask, tick);
        var ask = QuotePricing.PassiveAsk(quote.AskPrice, market.Bid, tick);
        var bidSize = bid > 0 ? QuotePricing.RoundLotDown(quote.BidSize, lot) : 0m;
        var askSize = QuotePricing.RoundLotDown(quote.AskSize, lot);
        // Our own bid and ask must never cross, not even between two requests: after a jump up the new bid can reach
        // the working ask, so the ask moves first (and a jump down moves the bid first); each side is also kept a
        // tick inside the other side's working price in case that side's request did not go through.
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
            // below every sell of ours that may still fill: the working ask and asks whose cancel is not yet confirmed
            var price = state.MostAggressive(-1) is { } sell ? Math.Min(bid, sell - tick) : bid;
            state.Bid = WorkSide(router, state, state.Bid, 1, price, price > 0 ? bidSize : 0m, tick, lot, BidTag);
        }

        void WorkAsk()
        {
            var price = state.MostAggressive(1) is { } buy ? Math.Max(ask, buy + tick) : ask;
            state.Ask = WorkSide(router, state, state.Ask, -1, price, askSize, tick, lot, AskTag);
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

        var needed = state.FlattenTarget!.Value - GetHoldings(state.Security);
        var size = QuotePricing.RoundLotDown(System.Math.Abs(needed), market.LotSize);
        if (size == 0)
        {
            state.Flatten = Cancel(router, state, state.Flatten, "flattened");
            state.FlattenTarget = null;
            return;
        }

        var sign = needed > 0 ? 1 : -1;
        if (state.Flatten is not null && state.Flatten.Sign != sign)
        {
            state.Flatten = Cancel(router, state, state.Flatten, "flatten direction changed");
        }

        var price = QuotePricing.MarketablePrice(sign, market.Bid, market.Ask, market.TickSize);
        state.Flatten = WorkSide(router, state, state.Flatten, sign, price, size, market.TickSize, market.LotSize, FlattenTag, marketable: true);
    }

    private WorkingOrder? WorkSide(IQuoteOrderRouter router, SymbolQuotes state, WorkingOrder? working, int sign,
        decimal price, decimal size, decimal tick, decimal lot, string tag, bool marketable = false)
    {
        var symbol = state.Security.Symbol;
        switch (QuoteDecision.Decide(working, price, size, tick, lot, Settings.MinRepriceTicks))
        {
            case QuoteAction.Place when state.IsCancelling(sign):
                // the previous order on this side may still fill: place the new one once its cancel is confirmed
                return null;
            case QuoteAction.Place:
                var id = marketable ? router.SubmitMarketable(symbol, sign * size, price, tag) : router.Submit(symbol, sign * size, price, tag);
                return id is { } orderId ? new WorkingOrder(orderId, sign * size, price) : null;
            case QuoteAction.Update:
                var total = working!.Filled + sign * size;
                if (router.Update(working.OrderId, total, price, tag))
                {
                    working.Quantity = total;
                    working.LimitPrice = price;
                }

                return working;
            case QuoteAction.Cancel:
                return Cancel(router, state, working, tag);
            default:
                return working;
        }
    }

    /// <summary>If the book is bad (<see cref="MarketDataIssue"/>), pulls the working quotes and logs the issue once per episode.</summary>
    /// <returns>Whether the book was bad.</returns>
    private bool PulledOnBadBook(QCAlgorithm algorithm, IQuoteOrderRouter router, SymbolQuotes state, in QuoteMarket market)
    {
        var issue = market.Validate(Settings.MaxBookAge);
        if (issue == MarketDataIssue.None)
        {
            return false;
        }

        CancelQuotes(router, state, "bad market data");
        Report(algorithm, state.Security.Symbol, issue.ToString(), $"book {market.Bid} x {market.Ask}; quotes pulled, nothing placed");
        return true;
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

    private static void CancelQuotes(IQuoteOrderRouter router, SymbolQuotes state, string why)
    {
        state.Bid = Cancel(router, state, state.Bid, why);
        state.Ask = Cancel(router, state, state.Ask, why);
    }

    /// <summary>
    /// Requests the cancel and keeps the order among <see cref="SymbolQuotes.Cancelling"/> until an order event closes
    /// it (a live cancel can be refused or overtaken by a fill); a refused request means the order is already closed.
    /// </summary>
    private static WorkingOrder? Cancel(IQuoteOrderRouter router, SymbolQuotes state, WorkingOrder? working, string why)
    {
        if (working is not null)
        {
            if (router.Cancel(working.OrderId, why))
            {
                state.Cancelling.Add(working);
            }
            else
            {
                router.Release(working.OrderId);
            }
        }

        return null;
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
