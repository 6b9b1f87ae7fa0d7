using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Research.Data;

namespace Lean.MarketMaking.Research.Calibration;

/// <summary>
/// Streams one day at a time of in-session mids and trades from LEAN files:
/// equity ticks — the mid of <see cref="PrevailingQuote"/> (reset each day) merged in time with the trade
/// ticks (on equal timestamps trades come first, so a trade is compared with the mid prevailing before its millisecond);
/// forex ticks — the mid of each two-sided quote (locked or crossed quotes skipped);
/// bars — the close mid of each quote bar at its end time (trade-bar closes when the day has no quote file), without trades.
/// Ticks flagged suspicious and events outside the regular session (<see cref="MarketSession"/>) are dropped.
/// </summary>
internal sealed class MarketEventSource
{
    private readonly LeanDataReader _reader;
    private readonly CalibrationRequest _request;
    private readonly MarketSession _session;
    private readonly HashSet<DateOnly> _quoteDates;
    private readonly HashSet<DateOnly> _tradeDates;

    /// <summary>Finds the days of data in the requested range.</summary>
    /// <exception cref="MarketMakingException">InvalidMarketData when the symbol has no data folder or no file in the range.</exception>
    public MarketEventSource(LeanDataReader reader, CalibrationRequest request, MarketSession session)
    {
        _reader = reader;
        _request = request;
        _session = session;
        var symbol = request.Symbol;
        var folder = Path.GetDirectoryName(reader.PathOf(symbol, request.Resolution, LeanDataType.Quote, request.Start))!;
        if (!Directory.Exists(folder))
        {
            throw new MarketMakingException(
                MarketMakingErrorKind.InvalidMarketData,
                $"no {request.Resolution.ToString().ToLowerInvariant()} data for {symbol}: folder {folder} does not exist (unknown symbol or market?)",
                "symbol");
        }

        bool InRange(DateOnly d) => d >= request.Start && d <= request.End;
        _quoteDates = reader.AvailableDates(symbol, request.Resolution, LeanDataType.Quote).Where(InRange).ToHashSet();
        _tradeDates = symbol.SecurityType == LeanSecurityType.Forex
            ? new HashSet<DateOnly>()
            : reader.AvailableDates(symbol, request.Resolution, LeanDataType.Trade).Where(InRange).ToHashSet();
        Dates = request.Resolution == LeanResolution.Tick
            ? _quoteDates.OrderBy(d => d).ToList()
            : _quoteDates.Union(_tradeDates).OrderBy(d => d).ToList();
        if (Dates.Count == 0)
        {
            throw new MarketMakingException(
                MarketMakingErrorKind.InvalidMarketData,
                $"{folder} has no {(request.Resolution == LeanResolution.Tick ? "quote " : string.Empty)}file between {request.Start:yyyy-MM-dd} and {request.End:yyyy-MM-dd}",
                "start");
        }
    }

    /// <summary>The days to read, ascending.</summary>
    public IReadOnlyList<DateOnly> Dates { get; }

    /// <summary>Whether the stream carries individual trades (equity ticks).</summary>
    public bool HasTrades => _request.Resolution == LeanResolution.Tick && _request.Symbol.SecurityType == LeanSecurityType.Equity;

    /// <summary>Whether the mids are tick-by-tick (so that noise-robust estimators apply).</summary>
    public bool IsTickData => _request.Resolution == LeanResolution.Tick;

    /// <summary>The in-session events of one day, in time order.</summary>
    public IEnumerable<MarketEvent> Day(DateOnly date) =>
        _request.Resolution == LeanResolution.Tick ? Ticks(date).Where(e => _session.IsOpen(e.TimeUtc)) : Bars(date);

    private IEnumerable<MarketEvent> Ticks(DateOnly date)
    {
        var symbol = _request.Symbol;
        var book = new PrevailingQuote();
        var quotes = Mids(_reader.ReadTicks(symbol, LeanDataType.Quote, date), book);
        if (!HasTrades || !_tradeDates.Contains(date))
        {
            foreach (var e in quotes)
            {
                yield return e;
            }

            yield break;
        }

        var trades = _reader.ReadTicks(symbol, LeanDataType.Trade, date)
            .Where(t => !t.Suspicious && t.Price > 0 && t.Quantity > 0)
            .Select(t => new MarketEvent(t.TimeUtc, true, t.Price));
        using var q = quotes.GetEnumerator();
        using var t = trades.GetEnumerator();
        bool hasQuote = q.MoveNext(), hasTrade = t.MoveNext();
        while (hasQuote || hasTrade)
        {
            if (hasTrade && (!hasQuote || t.Current.TimeUtc <= q.Current.TimeUtc))
            {
                yield return t.Current;
                hasTrade = t.MoveNext();
            }
            else
            {
                yield return q.Current;
                hasQuote = q.MoveNext();
            }
        }
    }

    private static IEnumerable<MarketEvent> Mids(IEnumerable<LeanTick> quotes, PrevailingQuote book)
    {
        foreach (var quote in quotes)
        {
            if (!quote.Suspicious && book.Update(quote) is { } mid)
            {
                yield return new MarketEvent(quote.TimeUtc, false, mid);
            }
        }
    }

    private IEnumerable<MarketEvent> Bars(DateOnly date)
    {
        var useQuotes = _quoteDates.Contains(date);
        foreach (var bar in _reader.ReadBars(_request.Symbol, _request.Resolution, useQuotes ? LeanDataType.Quote : LeanDataType.Trade, date))
        {
            // The session filter applies to the bar's start; the mid is known at its end.
            if (!_session.IsOpen(bar.StartUtc))
            {
                continue;
            }

            double? mid = useQuotes
                ? bar is { Bid: { } bid, Ask: { } ask } && bid.Close > 0 && bid.Close < ask.Close ? 0.5 * (bid.Close + ask.Close) : null
                : bar.Trade?.Close;
            if (mid is > 0)
            {
                yield return new MarketEvent(bar.EndUtc, false, mid.Value);
            }
        }
    }
}
