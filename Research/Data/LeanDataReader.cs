using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.IO.Compression;
using System.Linq;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Research.Data;

/// <summary>
/// Streams LEAN's on-disk market data (one zip per security, resolution, type and day:
/// <c>{equity|forex|crypto}/{market}/{tick|second|minute}/{ticker}/{yyyyMMdd}_{trade|quote}.zip</c>, one CSV inside)
/// straight from the zip files, a day at a time, as <see cref="LeanTick"/> or <see cref="LeanBar"/> records with UTC
/// times. Formats follow LEAN's readers (<c>Tick</c>, <c>TradeBar</c>, <c>QuoteBar</c>): times are milliseconds since
/// midnight in the market's data time zone (<see cref="LeanDataTimeZones"/>); equity prices are integers × 10,000.
/// Supported: equity and crypto trade and quote ticks, forex quote ticks, and second/minute trade and quote bars of equities,
/// forex and crypto. Bad lines, unsorted times and missing files raise <see cref="MarketMakingException"/> of kind
/// <see cref="MarketMakingErrorKind.InvalidMarketData"/> naming the file (and line).
/// </summary>
public sealed class LeanDataReader
{
    private const string DateFormat = "yyyyMMdd";
    private const int MaxFields = 12;
    private const double EquityScale = 10_000.0;

    /// <summary>Opens a LEAN data folder (the one holding <c>market-hours/</c>, <c>equity/</c>, …).</summary>
    /// <exception cref="MarketMakingException"><see cref="MarketMakingErrorKind.InvalidMarketData"/> when the folder or its market-hours database is missing.</exception>
    public LeanDataReader(string dataFolder)
    {
        if (string.IsNullOrWhiteSpace(dataFolder) || !Directory.Exists(dataFolder))
        {
            throw new MarketMakingException(MarketMakingErrorKind.InvalidMarketData, $"LEAN data folder '{dataFolder}' does not exist", dataFolder);
        }

        DataFolder = Path.GetFullPath(dataFolder);
        TimeZones = new LeanDataTimeZones(Path.Combine(DataFolder, "market-hours", "market-hours-database.json"));
    }

    /// <summary>The data folder, as an absolute path.</summary>
    public string DataFolder { get; }

    /// <summary>The data time zones of the folder's market-hours database.</summary>
    public LeanDataTimeZones TimeZones { get; }

    /// <summary>The zip file holding one day of data (whether or not it exists).</summary>
    public string PathOf(LeanSymbol symbol, LeanResolution resolution, LeanDataType type, DateOnly date) =>
        Path.Combine(FolderOf(symbol, resolution), $"{date.ToString(DateFormat, CultureInfo.InvariantCulture)}_{Lower(type)}.zip");

    /// <summary>The days (in the data time zone) that have a file, ascending.</summary>
    public IReadOnlyList<DateOnly> AvailableDates(LeanSymbol symbol, LeanResolution resolution, LeanDataType type)
    {
        var folder = FolderOf(symbol, resolution);
        var dates = new List<DateOnly>();
        if (Directory.Exists(folder))
        {
            var suffix = $"_{Lower(type)}.zip";
            foreach (var file in Directory.EnumerateFiles(folder, "*" + suffix))
            {
                var name = Path.GetFileName(file);
                if (name.Length == DateFormat.Length + suffix.Length
                    && DateOnly.TryParseExact(name.AsSpan(0, DateFormat.Length), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    dates.Add(date);
                }
            }
        }

        dates.Sort();
        return dates;
    }

    /// <summary>Streams the ticks of one day.</summary>
    /// <exception cref="MarketMakingException"><see cref="MarketMakingErrorKind.InvalidMarketData"/> when the file is missing (thrown at once) or bad (while enumerating).</exception>
    public IEnumerable<LeanTick> ReadTicks(LeanSymbol symbol, LeanDataType type, DateOnly date)
    {
        var parser = TickParser(symbol, type);
        return ReadDays(symbol, LeanResolution.Tick, type, new[] { RequireFile(symbol, LeanResolution.Tick, type, date) }, parser, TickTime);
    }

    /// <summary>Streams the ticks of every day in [<paramref name="first"/>, <paramref name="last"/>] that has a file (days without one, e.g. weekends, are skipped).</summary>
    /// <exception cref="MarketMakingException"><see cref="MarketMakingErrorKind.InvalidMarketData"/> when no day in the range has a file.</exception>
    public IEnumerable<LeanTick> ReadTicks(LeanSymbol symbol, LeanDataType type, DateOnly first, DateOnly last)
    {
        var parser = TickParser(symbol, type);
        return ReadDays(symbol, LeanResolution.Tick, type, DatesIn(symbol, LeanResolution.Tick, type, first, last), parser, TickTime);
    }

    /// <summary>Streams the bars of one day.</summary>
    /// <exception cref="MarketMakingException"><see cref="MarketMakingErrorKind.InvalidMarketData"/> when the file is missing (thrown at once) or bad (while enumerating).</exception>
    public IEnumerable<LeanBar> ReadBars(LeanSymbol symbol, LeanResolution resolution, LeanDataType type, DateOnly date)
    {
        var parser = BarParser(symbol, resolution, type);
        return ReadDays(symbol, resolution, type, new[] { RequireFile(symbol, resolution, type, date) }, parser, BarTime);
    }

    /// <summary>Streams the bars of every day in [<paramref name="first"/>, <paramref name="last"/>] that has a file.</summary>
    /// <exception cref="MarketMakingException"><see cref="MarketMakingErrorKind.InvalidMarketData"/> when no day in the range has a file.</exception>
    public IEnumerable<LeanBar> ReadBars(LeanSymbol symbol, LeanResolution resolution, LeanDataType type, DateOnly first, DateOnly last)
    {
        var parser = BarParser(symbol, resolution, type);
        return ReadDays(symbol, resolution, type, DatesIn(symbol, resolution, type, first, last), parser, BarTime);
    }

    private static readonly Func<LeanTick, DateTime> TickTime = tick => tick.TimeUtc;
    private static readonly Func<LeanBar, DateTime> BarTime = bar => bar.StartUtc;

    private delegate T LineParser<out T>(ReadOnlySpan<char> line, ReadOnlySpan<Range> fields, int count, LeanDayClock clock);

    private IEnumerable<T> ReadDays<T>(LeanSymbol symbol, LeanResolution resolution, LeanDataType type, IReadOnlyList<DateOnly> dates, LineParser<T> parser, Func<T, DateTime> timeOf)
    {
        // Resolved before enumeration starts, so an unknown market fails at the call.
        var zone = TimeZones.For(symbol);
        return dates.SelectMany(date => ReadFile(PathOf(symbol, resolution, type, date), new LeanDayClock(date, zone), parser, timeOf));
    }

    private static IEnumerable<T> ReadFile<T>(string path, LeanDayClock clock, LineParser<T> parser, Func<T, DateTime> timeOf)
    {
        ZipArchive archive;
        try
        {
            archive = ZipFile.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException)
        {
            throw Bad(path, $"cannot be opened as a zip file: {e.Message}", e);
        }

        using (archive)
        {
            if (archive.Entries.Count == 0)
            {
                throw Bad(path, "holds no CSV file");
            }

            using var reader = new StreamReader(archive.Entries[0].Open());
            var lineNumber = 0;
            var previous = DateTime.MinValue;
            var fields = new Range[MaxFields];
            while (true)
            {
                string? line;
                try
                {
                    line = reader.ReadLine();
                }
                catch (InvalidDataException e)
                {
                    throw Bad(path, $"is corrupt: {e.Message}", e);
                }

                if (line is null)
                {
                    yield break;
                }

                lineNumber++;
                if (line.Length == 0)
                {
                    continue;
                }

                T record;
                DateTime time;
                try
                {
                    var count = line.AsSpan().Split(fields, ',');
                    record = parser(line, fields, count, clock);
                    time = timeOf(record);
                }
                catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
                {
                    throw Bad(path, $"line {lineNumber} '{line}': {e.Message}", e);
                }

                if (time < previous)
                {
                    throw Bad(path, $"line {lineNumber} '{line}': time {time:O} is before the previous record's {previous:O}");
                }

                previous = time;
                yield return record;
            }
        }
    }

    private static LineParser<LeanTick> TickParser(LeanSymbol symbol, LeanDataType type)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        return (symbol.SecurityType, type) switch
        {
            (LeanSecurityType.Equity, LeanDataType.Trade) => EquityTradeTick,
            (LeanSecurityType.Equity, LeanDataType.Quote) => EquityQuoteTick,
            (LeanSecurityType.Forex, LeanDataType.Quote) => ForexQuoteTick,
            (LeanSecurityType.Crypto, LeanDataType.Trade) => CryptoTradeTick,
            (LeanSecurityType.Crypto, LeanDataType.Quote) => CryptoQuoteTick,
            _ => throw Guard.Invalid(nameof(type), $"{type} ticks of {symbol.SecurityType} are not supported (equity and crypto trade/quote and forex quote ticks are)"),
        };
    }

    private static LineParser<LeanBar> BarParser(LeanSymbol symbol, LeanResolution resolution, LeanDataType type)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        var period = resolution switch
        {
            LeanResolution.Second => TimeSpan.FromSeconds(1),
            LeanResolution.Minute => TimeSpan.FromMinutes(1),
            _ => throw Guard.Invalid(nameof(resolution), $"bars come at second or minute resolution, got {resolution}"),
        };
        if (symbol.SecurityType == LeanSecurityType.Forex && type == LeanDataType.Trade)
        {
            throw Guard.Invalid(nameof(type), "LEAN forex data has quote bars only");
        }

        var scale = symbol.ScaledPrices ? EquityScale : 1.0;
        return type == LeanDataType.Trade
            ? (line, fields, count, clock) => TradeBar(line, fields, count, clock, period, scale)
            : (line, fields, count, clock) => QuoteBar(line, fields, count, clock, period, scale);
    }

    // Equity trade tick: ms, price×10⁴, quantity[, exchange, sale condition, suspicious].
    private static LeanTick EquityTradeTick(ReadOnlySpan<char> line, ReadOnlySpan<Range> f, int count, LeanDayClock clock)
    {
        RequireFields(count, 3, 6);
        var full = count == 6;
        return new LeanTick(
            Time(line[f[0]], clock), LeanDataType.Trade, Number(line[f[1]]) / EquityScale, Number(line[f[2]]), 0, 0, 0, 0,
            full ? line[f[3]].Trim().ToString() : string.Empty,
            full ? line[f[4]].ToString() : string.Empty,
            full && line[f[5]].SequenceEqual("1"));
    }

    // Equity quote tick: ms, bid×10⁴, bid size, ask×10⁴, ask size[, exchange, sale condition, suspicious]; an absent side is 0.
    private static LeanTick EquityQuoteTick(ReadOnlySpan<char> line, ReadOnlySpan<Range> f, int count, LeanDayClock clock)
    {
        RequireFields(count, 5, 8);
        var full = count == 8;
        double bid = Number(line[f[1]]) / EquityScale, ask = Number(line[f[3]]) / EquityScale;
        return new LeanTick(
            Time(line[f[0]], clock), LeanDataType.Quote, QuoteValue(bid, ask), 0, bid, Number(line[f[2]]), ask, Number(line[f[4]]),
            full ? line[f[5]].Trim().ToString() : string.Empty,
            full ? line[f[6]].ToString() : string.Empty,
            full && line[f[7]].SequenceEqual("1"));
    }

    // Forex quote tick: ms, bid, ask (no sizes).
    private static LeanTick ForexQuoteTick(ReadOnlySpan<char> line, ReadOnlySpan<Range> f, int count, LeanDayClock clock)
    {
        RequireFields(count, 3, 3);
        double bid = Number(line[f[1]]), ask = Number(line[f[2]]);
        return new LeanTick(Time(line[f[0]], clock), LeanDataType.Quote, QuoteValue(bid, ask), 0, bid, 0, ask, 0, string.Empty, string.Empty, false);
    }

    // Crypto trade tick: ms, price, quantity[, suspicious].
    private static LeanTick CryptoTradeTick(ReadOnlySpan<char> line, ReadOnlySpan<Range> f, int count, LeanDayClock clock)
    {
        RequireFields(count, 3, 4);
        return new LeanTick(Time(line[f[0]], clock), LeanDataType.Trade, Number(line[f[1]]), Number(line[f[2]]), 0, 0, 0, 0,
            string.Empty, string.Empty, count == 4 && line[f[3]].SequenceEqual("1"));
    }

    // Crypto quote tick: ms, bid, bid size, ask, ask size[, suspicious].
    private static LeanTick CryptoQuoteTick(ReadOnlySpan<char> line, ReadOnlySpan<Range> f, int count, LeanDayClock clock)
    {
        RequireFields(count, 5, 6);
        double bid = Number(line[f[1]]), ask = Number(line[f[3]]);
        return new LeanTick(Time(line[f[0]], clock), LeanDataType.Quote, QuoteValue(bid, ask), 0, bid, Number(line[f[2]]), ask, Number(line[f[4]]),
            string.Empty, string.Empty, count == 6 && line[f[5]].SequenceEqual("1"));
    }

    // Trade bar: ms, open, high, low, close[, volume].
    private static LeanBar TradeBar(ReadOnlySpan<char> line, ReadOnlySpan<Range> f, int count, LeanDayClock clock, TimeSpan period, double scale)
    {
        RequireFields(count, 5, 6);
        var trade = new LeanOhlc(Number(line[f[1]]) / scale, Number(line[f[2]]) / scale, Number(line[f[3]]) / scale, Number(line[f[4]]) / scale);
        return new LeanBar(Time(line[f[0]], clock), period, trade, count == 6 ? Number(line[f[5]]) : 0, null, 0, null, 0);
    }

    // Quote bar: ms, bid OHLC, last bid size, ask OHLC, last ask size; a side that is empty or all zero is absent.
    private static LeanBar QuoteBar(ReadOnlySpan<char> line, ReadOnlySpan<Range> f, int count, LeanDayClock clock, TimeSpan period, double scale)
    {
        RequireFields(count, 11, 11);
        var bid = Side(line, f, 1, scale);
        var ask = Side(line, f, 6, scale);
        return new LeanBar(
            Time(line[f[0]], clock), period, null, 0,
            bid, bid is null ? 0 : Number(line[f[5]]),
            ask, ask is null ? 0 : Number(line[f[10]]));
    }

    private static LeanOhlc? Side(ReadOnlySpan<char> line, ReadOnlySpan<Range> f, int first, double scale)
    {
        Span<double> values = stackalloc double[4];
        var present = false;
        for (var i = 0; i < 4; i++)
        {
            var text = line[f[first + i]];
            values[i] = text.IsEmpty ? 0 : Number(text) / scale;
            present |= values[i] != 0;
        }

        return present ? new LeanOhlc(values[0], values[1], values[2], values[3]) : null;
    }

    private static double QuoteValue(double bid, double ask) => bid > 0 && ask > 0 ? 0.5 * (bid + ask) : bid + ask;

    private static DateTime Time(ReadOnlySpan<char> milliseconds, LeanDayClock clock)
    {
        var ms = Number(milliseconds);
        if (ms < 0 || ms > TimeSpan.FromDays(1).TotalMilliseconds)
        {
            throw new FormatException($"time {ms} ms is outside the day");
        }

        return clock.ToUtc((long)Math.Round(ms * TimeSpan.TicksPerMillisecond));
    }

    private static double Number(ReadOnlySpan<char> text)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new FormatException($"'{text}' is not a number");
        }

        return value;
    }

    private static void RequireFields(int count, int minimum, int maximum)
    {
        if (count != minimum && count != maximum)
        {
            throw new FormatException(minimum == maximum ? $"expected {minimum} fields, got {count}" : $"expected {minimum} or {maximum} fields, got {count}");
        }
    }

    private string FolderOf(LeanSymbol symbol, LeanResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        return Path.Combine(DataFolder, symbol.Folder, symbol.Market, resolution.ToString().ToLowerInvariant(), symbol.Ticker);
    }

    private DateOnly RequireFile(LeanSymbol symbol, LeanResolution resolution, LeanDataType type, DateOnly date)
    {
        var path = PathOf(symbol, resolution, type, date);
        if (!File.Exists(path))
        {
            throw Bad(path, $"does not exist: no {type.ToString().ToLowerInvariant()} data for {symbol} at {resolution} resolution on {date:yyyy-MM-dd}");
        }

        return date;
    }

    private IReadOnlyList<DateOnly> DatesIn(LeanSymbol symbol, LeanResolution resolution, LeanDataType type, DateOnly first, DateOnly last)
    {
        if (last < first)
        {
            throw Guard.Invalid(nameof(first), $"must not be after last ({last:yyyy-MM-dd}), got {first:yyyy-MM-dd}");
        }

        var dates = AvailableDates(symbol, resolution, type).Where(d => d >= first && d <= last).ToList();
        if (dates.Count == 0)
        {
            throw Bad(FolderOf(symbol, resolution), $"has no *_{Lower(type)}.zip file between {first:yyyy-MM-dd} and {last:yyyy-MM-dd}");
        }

        return dates;
    }

    private static string Lower(LeanDataType type) => type == LeanDataType.Trade ? "trade" : "quote";

    private static MarketMakingException Bad(string path, string why, Exception? inner = null) =>
        new(MarketMakingErrorKind.InvalidMarketData, $"{path} {why}", path, inner);
}
