using System;
using QuantConnect.Securities;

namespace Lean.MarketMaking.Algorithms.MarketData;

/// <summary>
/// The top of book of one security as the framework modules see it: best bid/ask and their sizes (units of the
/// asset), the local time of the security's last data point, the local time now, and the tick and lot sizes.
/// Read from <see cref="SecurityCache"/> directly: LEAN's <c>Security.BidPrice</c> falls back to the last trade price
/// when no quote has arrived, which would make a missing quote look like a valid, locked book.
/// </summary>
/// <param name="Bid">Best bid price.</param>
/// <param name="Ask">Best ask price.</param>
/// <param name="BidSize">Displayed size at the best bid.</param>
/// <param name="AskSize">Displayed size at the best ask.</param>
/// <param name="LastDataTime">Exchange-local end time of the security's last data point.</param>
/// <param name="LocalTime">Exchange-local time now.</param>
/// <param name="TickSize">Minimum price variation.</param>
/// <param name="LotSize">Minimum quantity increment.</param>
/// <param name="LastPrice">Price of the security's last data point (what LEAN values it and converts its currencies at).</param>
public readonly record struct QuoteMarket(
    decimal Bid,
    decimal Ask,
    decimal BidSize,
    decimal AskSize,
    DateTime LastDataTime,
    DateTime LocalTime,
    decimal TickSize,
    decimal LotSize,
    decimal LastPrice)
{
    /// <summary>Mid price (Bid + Ask) / 2.</summary>
    public decimal Mid => (Bid + Ask) / 2m;

    /// <summary>Reads the top of book of <paramref name="security"/> from its cache.</summary>
    public static QuoteMarket From(Security security)
    {
        var cache = security.Cache;
        var last = security.GetLastData();
        var properties = security.SymbolProperties;
        return new QuoteMarket(
            cache.BidPrice,
            cache.AskPrice,
            cache.BidSize,
            cache.AskSize,
            last?.EndTime ?? DateTime.MinValue,
            security.LocalTime,
            properties?.MinimumPriceVariation ?? 0m,
            properties?.LotSize ?? 0m,
            last?.Price ?? 0m);
    }

    /// <summary>
    /// Checks the book: missing or negative prices, crossed/locked book, a last data point LEAN cannot value orders at,
    /// stale data, unusable tick/lot size.
    /// </summary>
    /// <param name="maxAge">Largest allowed age of the last data point; <see cref="TimeSpan.MaxValue"/> disables the check.</param>
    /// <param name="acceptLockedOrCrossed">Pass a locked or crossed book that has no other issue (it is quoted passively against both touches).</param>
    public MarketDataIssue Validate(TimeSpan maxAge, bool acceptLockedOrCrossed = false)
    {
        if (TickSize <= 0 || LotSize <= 0)
        {
            return MarketDataIssue.InvalidSymbolProperties;
        }

        if (Bid < 0 || Ask < 0 || BidSize < 0 || AskSize < 0)
        {
            return MarketDataIssue.NonPositive;
        }

        if (Bid == 0 || Ask == 0)
        {
            return MarketDataIssue.Missing;
        }

        if (LastPrice <= 0)
        {
            return MarketDataIssue.NonPositiveLastPrice;
        }

        if (Bid > Ask && !acceptLockedOrCrossed)
        {
            return MarketDataIssue.Crossed;
        }

        if (Bid == Ask && !acceptLockedOrCrossed)
        {
            return MarketDataIssue.Locked;
        }

        return IsStale(maxAge) ? MarketDataIssue.Stale : MarketDataIssue.None;
    }

    /// <summary>"book bid x ask, last data time": the book as the issue logs describe it.</summary>
    public string Describe() => $"book {Bid} x {Ask}, last data {LastDataTime:O}";

    /// <summary>True if the last data point is older than <paramref name="maxAge"/> (<see cref="TimeSpan.MaxValue"/>: never).</summary>
    public bool IsStale(TimeSpan maxAge) => maxAge != TimeSpan.MaxValue && LocalTime - LastDataTime > maxAge;
}
