using System;
using Lean.MarketMaking.Models.Errors;
using QuantConnect.Interfaces;

namespace Lean.MarketMaking.Algorithms.Execution;

/// <summary>Validated settings of <see cref="MarketMakingExecutionModel"/>.</summary>
public sealed class MarketMakingExecutionSettings
{
    /// <summary>Creates validated settings.</summary>
    /// <param name="minRepriceTicks">Smallest price move, in ticks (≥ 1), for which a working quote is moved.</param>
    /// <param name="maxBookAge">Oldest acceptable last data point of the book; with an older book no order is placed or moved and quotes are pulled.</param>
    /// <param name="staleQuoteTimeout">Quotes of a security that received no quote target for this long are cancelled.</param>
    /// <param name="quoteOrderProperties">
    /// Order properties for quotes, e.g. <c>new BinanceOrderProperties { PostOnly = true }</c> (LEAN master has
    /// PostOnly on Binance, Bitfinex, Bybit, Coinbase (GDAX is its obsolete alias), Kraken, TradeStation and dYdX
    /// order properties); null for the brokerage default. Flattening orders never use them (post-only would reject a
    /// marketable order).
    /// </param>
    /// <param name="pullBeforeClose">
    /// How long before the exchange's next regular-hours close the quotes are pulled, none being placed again until it
    /// reopens (no quotes left working into a close or overnight); null (the default) quotes up to the close. Markets
    /// that never close are not affected.
    /// </param>
    public MarketMakingExecutionSettings(int minRepriceTicks, TimeSpan maxBookAge, TimeSpan staleQuoteTimeout, IOrderProperties? quoteOrderProperties = null,
        TimeSpan? pullBeforeClose = null)
    {
        MinRepriceTicks = Guard.Positive(minRepriceTicks, nameof(minRepriceTicks));
        Guard.Positive(maxBookAge.TotalSeconds, nameof(maxBookAge));
        Guard.Positive(staleQuoteTimeout.TotalSeconds, nameof(staleQuoteTimeout));
        MaxBookAge = maxBookAge;
        StaleQuoteTimeout = staleQuoteTimeout;
        QuoteOrderProperties = quoteOrderProperties;
        if (pullBeforeClose is { } lead)
        {
            Guard.Positive(lead.TotalSeconds, nameof(pullBeforeClose));
        }

        PullBeforeClose = pullBeforeClose;
    }

    /// <summary>Smallest price move, in ticks, for which a working quote is moved.</summary>
    public int MinRepriceTicks { get; }

    /// <summary>Oldest acceptable last data point of the book.</summary>
    public TimeSpan MaxBookAge { get; }

    /// <summary>Quotes without a fresh target for this long are cancelled.</summary>
    public TimeSpan StaleQuoteTimeout { get; }

    /// <summary>Order properties for quotes (e.g. post-only), or null.</summary>
    public IOrderProperties? QuoteOrderProperties { get; }

    /// <summary>How long before the next regular-hours close quotes are pulled; null: not before the close.</summary>
    public TimeSpan? PullBeforeClose { get; }
}
