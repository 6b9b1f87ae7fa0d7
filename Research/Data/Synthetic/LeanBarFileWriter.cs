using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;

namespace Lean.MarketMaking.Research.Data.Synthetic;

/// <summary>
/// Writes the minute, hour and daily trade and quote bars of <see cref="SyntheticDay"/>s, aggregated from their ticks,
/// as LEAN reads crypto bars (LEAN's <c>LeanData.GenerateZipFilePath</c>, <c>GenerateZipEntryName</c>, <c>GenerateLine</c>):
/// <c>crypto/{market}/minute/{ticker}/{yyyyMMdd}_{trade|quote}.zip</c> holding <c>{yyyyMMdd}_{ticker}_minute_{trade|quote}.csv</c>
/// with lines starting at the bar's milliseconds since midnight, and <c>crypto/{market}/{hour|daily}/{ticker}_{trade|quote}.zip</c>
/// holding <c>{ticker}.csv</c> for all days, lines starting at <c>yyyyMMdd HH:mm</c>; data time zone UTC, bar time = its start.
/// Trade lines: open, high, low, close, volume; quote lines: bid open, high, low, close, last bid size, ask open, high,
/// low, close, last ask size (a side without a quote in the period is left empty, as LEAN writes it). A period without
/// a trade has no trade bar, one without a quote no quote bar. Prices ≤ 0 (the fault days' bad prints) are left out of
/// the bars. LEAN asks for these files besides the ticks: minute bars to seed a currency's conversion rate at the
/// start (<c>QCAlgorithm.GetLastKnownPrices</c>, minute, then daily), hour trade bars for a security benchmark
/// (<c>UniverseSelection.AddPendingInternalDataFeeds</c>).
/// </summary>
public sealed class LeanBarFileWriter
{
    private const long MillisecondsPerMinute = 60_000;
    private const long MillisecondsPerHour = 3_600_000;
    private const long MillisecondsPerDay = 86_400_000;

    private readonly List<string> _hourTrades = new(), _hourQuotes = new(), _dailyTrades = new(), _dailyQuotes = new();

    /// <summary>Creates a writer into <paramref name="dataFolder"/> (created if missing).</summary>
    public LeanBarFileWriter(string dataFolder, SyntheticMarketSettings settings)
    {
        if (string.IsNullOrWhiteSpace(dataFolder))
        {
            throw new ArgumentException("must name a folder", nameof(dataFolder));
        }

        DataFolder = Path.GetFullPath(dataFolder);
        Settings = settings ?? throw new ArgumentNullException(nameof(settings));
    }

    /// <summary>The LEAN data folder written to.</summary>
    public string DataFolder { get; }

    /// <summary>The instrument.</summary>
    public SyntheticMarketSettings Settings { get; }

    private string Ticker => Settings.Ticker.ToLowerInvariant();

    private string Folder(string resolution) => Path.Combine(DataFolder, "crypto", Settings.Market, resolution);

    /// <summary>Writes the day's minute bar files and keeps its hour and daily bars for <see cref="WriteHourAndDailyBars"/>; returns the paths written.</summary>
    public IReadOnlyList<string> WriteDay(SyntheticDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        var date = day.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var minutes = Path.Combine(Folder("minute"), Ticker);
        var written = new[]
        {
            LeanZipFile.Write(Path.Combine(minutes, $"{date}_trade.zip"), $"{date}_{Ticker}_minute_trade.csv",
                TradeBars(day, MillisecondsPerMinute).Select(b => b.Start.ToString(CultureInfo.InvariantCulture) + "," + b.Fields)),
            LeanZipFile.Write(Path.Combine(minutes, $"{date}_quote.zip"), $"{date}_{Ticker}_minute_quote.csv",
                QuoteBars(day, MillisecondsPerMinute).Select(b => b.Start.ToString(CultureInfo.InvariantCulture) + "," + b.Fields)),
        };
        var midnight = day.Date.ToDateTime(TimeOnly.MinValue);
        string Stamp(long start) => midnight.AddMilliseconds(start).ToString("yyyyMMdd HH:mm", CultureInfo.InvariantCulture);
        _hourTrades.AddRange(TradeBars(day, MillisecondsPerHour).Select(b => Stamp(b.Start) + "," + b.Fields));
        _hourQuotes.AddRange(QuoteBars(day, MillisecondsPerHour).Select(b => Stamp(b.Start) + "," + b.Fields));
        _dailyTrades.AddRange(TradeBars(day, MillisecondsPerDay).Select(b => Stamp(b.Start) + "," + b.Fields));
        _dailyQuotes.AddRange(QuoteBars(day, MillisecondsPerDay).Select(b => Stamp(b.Start) + "," + b.Fields));
        return written;
    }

    /// <summary>Writes the hour and daily bar files of every day given to <see cref="WriteDay"/> (in the order given); returns their paths.</summary>
    public IReadOnlyList<string> WriteHourAndDailyBars() => new[]
    {
        LeanZipFile.Write(Path.Combine(Folder("hour"), $"{Ticker}_trade.zip"), $"{Ticker}.csv", _hourTrades),
        LeanZipFile.Write(Path.Combine(Folder("hour"), $"{Ticker}_quote.zip"), $"{Ticker}.csv", _hourQuotes),
        LeanZipFile.Write(Path.Combine(Folder("daily"), $"{Ticker}_trade.zip"), $"{Ticker}.csv", _dailyTrades),
        LeanZipFile.Write(Path.Combine(Folder("daily"), $"{Ticker}_quote.zip"), $"{Ticker}.csv", _dailyQuotes),
    };

    /// <summary>Trade bars of <paramref name="day"/> over periods of <paramref name="periodMilliseconds"/>: (start in ms since midnight, CSV fields).</summary>
    internal static IEnumerable<(long Start, string Fields)> TradeBars(SyntheticDay day, long periodMilliseconds)
    {
        var bars = new SortedDictionary<long, (Ohlc Price, decimal Volume)>();
        foreach (var trade in day.Trades.Where(t => t.Price > 0))
        {
            var start = trade.Milliseconds / periodMilliseconds * periodMilliseconds;
            bars.TryGetValue(start, out var bar);
            bars[start] = (bar.Price.Add(trade.Price), bar.Volume + trade.Quantity);
        }

        return bars.Select(b => (b.Key, b.Value.Price.Csv() + "," + LeanTickFileWriter.Format(b.Value.Volume)));
    }

    /// <summary>Quote bars of <paramref name="day"/> over periods of <paramref name="periodMilliseconds"/>: (start in ms since midnight, CSV fields).</summary>
    internal static IEnumerable<(long Start, string Fields)> QuoteBars(SyntheticDay day, long periodMilliseconds)
    {
        var bars = new SortedDictionary<long, (Ohlc Bid, decimal BidSize, Ohlc Ask, decimal AskSize)>();
        foreach (var quote in day.Quotes.Where(q => q.Bid > 0 || q.Ask > 0))
        {
            var start = quote.Milliseconds / periodMilliseconds * periodMilliseconds;
            bars.TryGetValue(start, out var bar);
            if (quote.Bid > 0)
            {
                (bar.Bid, bar.BidSize) = (bar.Bid.Add(quote.Bid), quote.BidSize);
            }

            if (quote.Ask > 0)
            {
                (bar.Ask, bar.AskSize) = (bar.Ask.Add(quote.Ask), quote.AskSize);
            }

            bars[start] = bar;
        }

        return bars.Select(b => (b.Key, string.Join(',',
            b.Value.Bid.Csv(), LeanTickFileWriter.Format(b.Value.BidSize), b.Value.Ask.Csv(), LeanTickFileWriter.Format(b.Value.AskSize))));
    }

    /// <summary>Open, high, low and close of the prices added so far (empty until the first).</summary>
    private readonly record struct Ohlc(bool Any, decimal Open, decimal High, decimal Low, decimal Close)
    {
        public Ohlc Add(decimal price) => Any
            ? this with { High = Math.Max(High, price), Low = Math.Min(Low, price), Close = price }
            : new Ohlc(true, price, price, price, price);

        public string Csv() => Any
            ? string.Join(',', LeanTickFileWriter.Format(Open), LeanTickFileWriter.Format(High), LeanTickFileWriter.Format(Low), LeanTickFileWriter.Format(Close))
            : ",,,";
    }
}
