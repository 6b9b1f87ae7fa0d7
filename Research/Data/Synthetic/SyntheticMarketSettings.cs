using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Simulation;

namespace Lean.MarketMaking.Research.Data.Synthetic;

/// <summary>
/// Parameters of the synthetic instrument written by <see cref="SyntheticTickGenerator"/> (its dynamics: <see cref="SyntheticMarketDynamics"/>): a crypto-like pair
/// (default <c>MMCUSD</c> on LEAN's <c>coinbase</c> market, UTC, trading around the clock) priced like a currency pair.
/// Time unit: seconds; price unit: the quote currency.
/// </summary>
public sealed class SyntheticMarketSettings
{
    /// <summary>Creates validated settings; every argument has the documented default.</summary>
    /// <param name="ticker">Ticker (upper-case letters and digits, ending in the quote currency <c>USD</c>).</param>
    /// <param name="market">LEAN market (folder) name.</param>
    /// <param name="start">First day written.</param>
    /// <param name="days">Number of consecutive days (≥ 1).</param>
    /// <param name="dynamics">The market's dynamics; default: <see cref="SyntheticMarketDynamics"/>'s documented defaults.</param>
    public SyntheticMarketSettings(
        string ticker = "MMCUSD",
        string market = "coinbase",
        DateOnly? start = null,
        int days = 3,
        SyntheticMarketDynamics? dynamics = null)
    {
        if (string.IsNullOrWhiteSpace(ticker) || !ticker.EndsWith("USD", StringComparison.Ordinal) || ticker.Length < 6)
        {
            throw Guard.Invalid(nameof(ticker), $"must be an upper-case pair ending in USD, got '{ticker}'");
        }

        if (string.IsNullOrWhiteSpace(market))
        {
            throw Guard.Invalid(nameof(market), "must not be empty");
        }

        Ticker = ticker;
        Market = market.ToLowerInvariant();
        Start = start ?? new DateOnly(2024, 1, 1);
        Days = Guard.Positive(days, nameof(days));
        Dynamics = dynamics ?? new SyntheticMarketDynamics();
    }

    /// <summary>Ticker, upper-case.</summary>
    public string Ticker { get; }

    /// <summary>LEAN market name, lower-case.</summary>
    public string Market { get; }

    /// <summary>First day written.</summary>
    public DateOnly Start { get; }

    /// <summary>Number of days.</summary>
    public int Days { get; }

    /// <summary>The market's dynamics (validated there), the <see cref="SyntheticMarketGenerator"/>'s input.</summary>
    public SyntheticMarketDynamics Dynamics { get; }

    /// <summary>The quote currency (the ticker's last three letters).</summary>
    public string QuoteCurrency => Ticker[^3..];

    /// <summary>The base currency (the ticker without its quote currency).</summary>
    public string BaseCurrency => Ticker[..^3];
}
