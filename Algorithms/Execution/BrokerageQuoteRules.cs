using System;
using QuantConnect;
using QuantConnect.Brokerages;
using QuantConnect.Interfaces;
using QuantConnect.Orders;
using QuantConnect.Securities;

namespace Lean.MarketMaking.Algorithms.Execution;

/// <summary>
/// What the venue allows the quotes of one security, decided up front from the algorithm's LEAN brokerage model
/// (<c>QCAlgorithm.BrokerageModel</c>) and the security's <c>SymbolProperties</c>:
/// <list type="bullet">
/// <item>post-only order properties for the brokerage models whose LEAN order properties have <c>PostOnly</c>
/// (<see cref="PostOnlyProperties"/>), with the time in force of the algorithm's default order properties;</item>
/// <item>whether a quote may be re-priced by an update: the brokerage model's own <c>CanUpdateOrder</c> is asked once
/// with a limit order carrying those properties (LEAN's <c>BinanceBrokerageModel</c>, <c>KrakenBrokerageModel</c> and
/// <c>dYdXBrokerageModel</c> refuse every update, <c>BybitBrokerageModel</c> all but crypto futures',
/// <c>CoinbaseBrokerageModel</c> all but good-til-cancelled limits'); otherwise quotes are re-priced by cancel-and-replace
/// from the first re-price on;</item>
/// <item>the minimum order size, in the unit the brokerage model checks it (<see cref="MinimumIsNotional"/>);</item>
/// <item>the order-rate budgets (<see cref="DefaultRateLimits"/> unless the settings give them).</item>
/// </list>
/// </summary>
public sealed class BrokerageQuoteRules
{
    /// <summary>Creates the rules.</summary>
    /// <param name="quoteOrderProperties">Order properties of the quotes, or null for LEAN's default.</param>
    /// <param name="canUpdateQuotes">Whether a quote may be re-priced by an update (else by cancel-and-replace).</param>
    /// <param name="minimumOrderSize">Venue minimum (<c>SymbolProperties.MinimumOrderSize</c>), or null for none.</param>
    /// <param name="minimumIsNotional">Whether the minimum is a notional in the quote currency (else units of the asset).</param>
    /// <param name="rateLimits">Order-request budgets.</param>
    public BrokerageQuoteRules(IOrderProperties? quoteOrderProperties, bool canUpdateQuotes, decimal? minimumOrderSize,
        bool minimumIsNotional, OrderRateLimits rateLimits)
    {
        QuoteOrderProperties = quoteOrderProperties;
        CanUpdateQuotes = canUpdateQuotes;
        MinimumOrderSize = minimumOrderSize is > 0 ? minimumOrderSize : null;
        MinimumIsNotional = minimumIsNotional;
        RateLimits = rateLimits ?? OrderRateLimits.None;
    }

    /// <summary>Order properties of the quotes (e.g. post-only), or null for LEAN's default.</summary>
    public IOrderProperties? QuoteOrderProperties { get; }

    /// <summary>Whether a quote may be re-priced by an update; false: by cancel-and-replace.</summary>
    public bool CanUpdateQuotes { get; }

    /// <summary>Venue minimum order size, or null.</summary>
    public decimal? MinimumOrderSize { get; }

    /// <summary>
    /// Whether <see cref="MinimumOrderSize"/> is a notional in the quote currency (|quantity| × limit price must exceed
    /// it, as LEAN's <c>BinanceBrokerageModel</c> checks it: Binance's minimum-notional filter) rather than units of
    /// the asset (|quantity| ≥ it, as LEAN's Coinbase, Kraken, Bybit, Bitfinex and dYdX models check it).
    /// </summary>
    public bool MinimumIsNotional { get; }

    /// <summary>Order-request budgets.</summary>
    public OrderRateLimits RateLimits { get; }

    /// <summary>
    /// The rules for <paramref name="security"/> under <paramref name="brokerageModel"/>.
    /// </summary>
    /// <param name="brokerageModel">The algorithm's LEAN brokerage model.</param>
    /// <param name="security">The quoted security.</param>
    /// <param name="defaultOrderProperties">The algorithm's default order properties (their time in force is kept), or null.</param>
    /// <param name="settings">
    /// The execution settings: their <see cref="MarketMakingExecutionSettings.QuoteOrderProperties"/> and
    /// <see cref="MarketMakingExecutionSettings.RateLimits"/>, when given, replace the brokerage's.
    /// </param>
    /// <param name="time">Time stamp of the probe order (any time: it is never sent).</param>
    public static BrokerageQuoteRules From(IBrokerageModel brokerageModel, Security security, IOrderProperties? defaultOrderProperties,
        MarketMakingExecutionSettings settings, DateTime time)
    {
        var timeInForce = defaultOrderProperties?.TimeInForce ?? TimeInForce.GoodTilCanceled;
        var properties = settings.QuoteOrderProperties ?? PostOnlyProperties(brokerageModel, timeInForce);
        var symbolProperties = security.SymbolProperties;
        // a working quote (LEAN's constructor leaves the status None, which Coinbase's and Bybit's models refuse to update)
        var probe = new LimitOrder(security.Symbol, symbolProperties.LotSize, symbolProperties.MinimumPriceVariation, time, MarketMakingExecutionModel.BidTag, properties)
        {
            Status = OrderStatus.Submitted,
        };
        var request = new UpdateOrderRequest(time, probe.Id, new UpdateOrderFields { LimitPrice = 2 * symbolProperties.MinimumPriceVariation });
        var canUpdate = brokerageModel.CanUpdateOrder(security, probe, request, out _);
        return new BrokerageQuoteRules(properties, canUpdate, symbolProperties.MinimumOrderSize,
            IsMinimumNotional(brokerageModel, security.Symbol), settings.RateLimits ?? DefaultRateLimits(brokerageModel));
    }

    /// <summary>
    /// Post-only order properties for <paramref name="brokerageModel"/>: LEAN master's order-property classes with
    /// <c>PostOnly</c> (Binance and its US/futures models, Coinbase and its obsolete GDAX alias, Kraken, Bybit,
    /// Bitfinex, TradeStation — equities' limit orders only, per its documentation —, dYdX); null for any other model
    /// (LEAN's default properties: the quotes are then plain limit orders, kept passive by the execution model only).
    /// </summary>
    public static IOrderProperties? PostOnlyProperties(IBrokerageModel brokerageModel, TimeInForce timeInForce) => brokerageModel switch
    {
        BinanceBrokerageModel => new BinanceOrderProperties { PostOnly = true, TimeInForce = timeInForce },
        CoinbaseBrokerageModel => new CoinbaseOrderProperties { PostOnly = true, TimeInForce = timeInForce },
        KrakenBrokerageModel => new KrakenOrderProperties { PostOnly = true, TimeInForce = timeInForce },
        BybitBrokerageModel => new BybitOrderProperties { PostOnly = true, TimeInForce = timeInForce },
        BitfinexBrokerageModel => new BitfinexOrderProperties { PostOnly = true, TimeInForce = timeInForce },
        TradeStationBrokerageModel => new TradeStationOrderProperties { PostOnly = true, TimeInForce = timeInForce },
        dYdXBrokerageModel => new dYdXOrderProperties { PostOnly = true, TimeInForce = timeInForce },
        _ => null,
    };

    /// <summary>
    /// Whether <c>SymbolProperties.MinimumOrderSize</c> is a notional in the quote currency: under LEAN's Binance
    /// models (which check |quantity| × price &gt; minimum), and, under a brokerage model that does not check it at all
    /// (LEAN's default, in backtests), for the binance and binanceus markets, whose rows in LEAN's symbol-properties
    /// database hold Binance's minimum notional (e.g. BTCUSDT: 5 USDT) where the other crypto markets hold units of
    /// the asset (coinbase BTCUSD 0.00000001 BTC, kraken 0.00005, bitfinex 0.00004, bybit 0.000011).
    /// </summary>
    public static bool IsMinimumNotional(IBrokerageModel brokerageModel, Symbol symbol) => brokerageModel switch
    {
        BinanceBrokerageModel => true,
        CoinbaseBrokerageModel or KrakenBrokerageModel or BybitBrokerageModel or BitfinexBrokerageModel or dYdXBrokerageModel => false,
        _ => symbol.ID.Market is Market.Binance or Market.BinanceUS,
    };

    /// <summary>
    /// Default order-request budgets of a brokerage model, from the venues' published limits (every request counts
    /// one token here, a cancel included, which is stricter than venues that count only new orders):
    /// <list type="bullet">
    /// <item>Binance spot: per account 50 orders per 10 s and 160,000 per 24 h (the ORDERS limits of
    /// <c>/api/v3/exchangeInfo</c>; developers.binance.com, "Spot API limits", and Binance's API FAQ) → 1.85 requests/s,
    /// burst 50;</item>
    /// <item>Coinbase Advanced Trade: 30 private REST requests per second per user (Coinbase's "REST API rate limits")
    /// → per account 30/s, burst 30;</item>
    /// <item>Bybit v5: 20 spot order creates and 20 cancels per second per UID (bybit-exchange.github.io, "Rate
    /// Limit"; LEAN's <c>BybitBrokerageModel</c> amends only crypto futures, whose amend limit is 10/s: set a lower
    /// budget for them) → per account 20/s, burst 20;</item>
    /// <item>Kraken spot: a per-pair counter, threshold 60 and decay 1/s at the Starter tier, +1 per order and up to +8
    /// for cancelling an order younger than 5 s (docs.kraken.com, "Spot Trading Limits") → per symbol, pessimistically
    /// 4.5 counts per request (a quote placed and cancelled young): 0.22 requests/s, burst 13;</item>
    /// <item>any other model (Bitfinex, TradeStation, dYdX: no published order rate found; LEAN's default): none.</item>
    /// </list>
    /// </summary>
    public static OrderRateLimits DefaultRateLimits(IBrokerageModel brokerageModel) => brokerageModel switch
    {
        BinanceBrokerageModel => new OrderRateLimits(null, new OrderRateLimit(160_000.0 / 86_400.0, 50)),
        CoinbaseBrokerageModel => new OrderRateLimits(null, new OrderRateLimit(30, 30)),
        BybitBrokerageModel => new OrderRateLimits(null, new OrderRateLimit(20, 20)),
        KrakenBrokerageModel => new OrderRateLimits(new OrderRateLimit(1.0 / 4.5, 13), null),
        _ => OrderRateLimits.None,
    };

    /// <summary>
    /// Smallest quantity on the lot grid the venue accepts at <paramref name="price"/>: 0 without a minimum; units:
    /// the lot multiple at or above the minimum; notional: the smallest lot multiple whose value at the price exceeds it.
    /// </summary>
    public decimal MinimumQuantity(decimal price, decimal lot)
    {
        if (MinimumOrderSize is not { } minimum)
        {
            return 0m;
        }

        if (!MinimumIsNotional)
        {
            return Math.Ceiling(minimum / lot) * lot;
        }

        return price > 0 ? (Math.Floor(minimum / (price * lot)) + 1) * lot : decimal.MaxValue;
    }
}
