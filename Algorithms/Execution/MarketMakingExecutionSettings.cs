using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Microstructure;
using QuantConnect.Interfaces;

namespace Lean.MarketMaking.Algorithms.Execution;

/// <summary>Validated settings of <see cref="MarketMakingExecutionModel"/>.</summary>
public sealed class MarketMakingExecutionSettings
{
    /// <summary>Cancel confirmation timeout used when none is given: 5 s of algorithm time.</summary>
    public static readonly TimeSpan DefaultCancelTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Creates validated settings.</summary>
    /// <param name="minRepriceTicks">Smallest price move, in ticks (≥ 1), for which a working quote is moved.</param>
    /// <param name="maxBookAge">Oldest acceptable last data point of the book; with an older book no order is placed or moved and quotes are pulled.</param>
    /// <param name="quoteOrderProperties">
    /// Order properties for quotes, replacing the post-only properties picked from the algorithm's brokerage model
    /// (<see cref="BrokerageQuoteRules.PostOnlyProperties"/>); null (the default) to use those. Flattening orders never
    /// use them (post-only would reject a marketable order).
    /// </param>
    /// <param name="pullBeforeClose">
    /// How long before the exchange's next regular-hours close the quotes are pulled, none being placed again until it
    /// reopens (no quotes left working into a close or overnight); null (the default) quotes up to the close. Markets
    /// that never close are not affected.
    /// </param>
    /// <param name="maxFlattenSlippage">
    /// Worst price of a flatten (or reduction) episode, as a fraction of the mid at which the episode started, in
    /// (0, 1): no clip buys above mid·(1 + this) or sells below mid·(1 − this). Default 0.01 (1 %).
    /// </param>
    /// <param name="cancelTimeout">
    /// How long a cancel may stay unconfirmed (algorithm time) before the order's status is re-read from LEAN; null:
    /// <see cref="DefaultCancelTimeout"/>.
    /// </param>
    /// <param name="orderLatency">
    /// Delay between deciding a cancel and sending it to LEAN (≥ 0; default zero): the order stays fillable meanwhile.
    /// Models the venue round trip of a cancel, which LEAN's backtest applies at once and which a fill model cannot see
    /// (LEAN stops passing a cancelled order to it). Updates are sent at once: the delay before a new price is live at
    /// the venue is the fill model's (<c>PassiveFillSettings</c>), as is the entry latency of a new order.
    /// </param>
    /// <param name="latency">
    /// The cancel latency drawn per request (<see cref="LatencyModel.Draw"/> keyed by the order id and the local time of
    /// the decision); null: the constant <paramref name="orderLatency"/>. Give one or the other.
    /// </param>
    /// <param name="rateLimits">
    /// Order-request budgets per symbol and per account, replacing the brokerage model's defaults
    /// (<see cref="BrokerageQuoteRules.DefaultRateLimits"/>); null (the default) to use those,
    /// <see cref="OrderRateLimits.None"/> for no limit.
    /// </param>
    public MarketMakingExecutionSettings(int minRepriceTicks, TimeSpan maxBookAge, IOrderProperties? quoteOrderProperties = null,
        TimeSpan? pullBeforeClose = null, decimal maxFlattenSlippage = 0.01m, TimeSpan? cancelTimeout = null, TimeSpan orderLatency = default,
        LatencyModel? latency = null, OrderRateLimits? rateLimits = null)
    {
        MinRepriceTicks = Guard.Positive(minRepriceTicks, nameof(minRepriceTicks));
        Guard.Positive(maxBookAge.TotalSeconds, nameof(maxBookAge));
        MaxBookAge = maxBookAge;
        QuoteOrderProperties = quoteOrderProperties;
        if (pullBeforeClose is { } lead)
        {
            Guard.Positive(lead.TotalSeconds, nameof(pullBeforeClose));
        }

        PullBeforeClose = pullBeforeClose;
        if (maxFlattenSlippage <= 0m || maxFlattenSlippage >= 1m)
        {
            throw Guard.Invalid(nameof(maxFlattenSlippage), "must be in (0, 1)");
        }

        MaxFlattenSlippage = maxFlattenSlippage;
        CancelTimeout = cancelTimeout ?? DefaultCancelTimeout;
        Guard.Positive(CancelTimeout.TotalSeconds, nameof(cancelTimeout));
        if (orderLatency < TimeSpan.Zero)
        {
            throw Guard.Invalid(nameof(orderLatency), "must not be negative");
        }

        if (latency is not null && orderLatency != TimeSpan.Zero)
        {
            throw Guard.Invalid(nameof(latency), $"give either {nameof(orderLatency)} or {nameof(latency)}, not both");
        }

        Latency = latency ?? LatencyModel.Constant(orderLatency);
        RateLimits = rateLimits;
    }

    /// <summary>Smallest price move, in ticks, for which a working quote is moved.</summary>
    public int MinRepriceTicks { get; }

    /// <summary>Oldest acceptable last data point of the book.</summary>
    public TimeSpan MaxBookAge { get; }

    /// <summary>Order properties for quotes replacing the brokerage model's post-only ones, or null.</summary>
    public IOrderProperties? QuoteOrderProperties { get; }

    /// <summary>How long before the next regular-hours close quotes are pulled; null: not before the close.</summary>
    public TimeSpan? PullBeforeClose { get; }

    /// <summary>Worst price of a flatten episode, as a fraction of the mid at which it started.</summary>
    public decimal MaxFlattenSlippage { get; }

    /// <summary>How long a cancel may stay unconfirmed before the order's status is re-read from LEAN.</summary>
    public TimeSpan CancelTimeout { get; }

    /// <summary>Delay between deciding a cancel and sending it to LEAN: its median (the delay itself when constant).</summary>
    public TimeSpan OrderLatency => Latency.Median;

    /// <summary>Delay between deciding a cancel and sending it to LEAN, drawn once per request.</summary>
    public LatencyModel Latency { get; }

    /// <summary>Order-request budgets replacing the brokerage model's defaults, or null.</summary>
    public OrderRateLimits? RateLimits { get; }
}
