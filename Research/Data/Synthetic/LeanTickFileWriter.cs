using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lean.MarketMaking.Research.Data.Synthetic;

/// <summary>
/// Writes <see cref="SyntheticDay"/>s as LEAN reads crypto tick data (LEAN's <c>LeanData.GenerateZipFileName</c>,
/// <c>GenerateZipEntryName</c> and <c>GenerateLine</c>; <c>Tick(SubscriptionDataConfig, string, DateTime)</c>):
/// <c>crypto/{market}/tick/{ticker}/{yyyyMMdd}_{trade|quote}.zip</c>, each holding one
/// <c>{yyyyMMdd}_{ticker}_tick_{trade|quote}.csv</c>; trade lines <c>ms,price,quantity,suspicious</c>, quote lines
/// <c>ms,bid,bid size,ask,ask size,suspicious</c>, milliseconds since midnight in the data time zone (UTC), prices
/// unscaled, decimals without trailing zeros. It also writes the two reference files LEAN needs for the instrument,
/// merged into any that already exist: the <c>market-hours/market-hours-database.json</c> entry
/// <c>Crypto-{market}-{TICKER}</c> (UTC, open around the clock), plus LEAN's <c>Equity-usa-[*]</c> sessions when the
/// database has none (LEAN's results analysis reads SPY's exchange hours after every backtest), and the
/// <c>symbol-properties/symbol-properties-database.csv</c> row (tick size, lot size 1), and a risk-free rate file
/// (<see cref="WriteInterestRates"/>). <see cref="LeanBarFileWriter"/> writes the bars LEAN reads besides the ticks.
/// </summary>
public sealed class LeanTickFileWriter
{
    private const string SymbolPropertiesHeader =
        "market,symbol,type,description,quote_currency,contract_multiplier,minimum_price_variation,lot_size,market_ticker,minimum_order_size,price_magnifier,strike_multiplier";

    private const string UsEquities = "Equity-usa-[*]";

    private static readonly string[] WeekDays = { "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday" };

    /// <summary>Creates a writer into <paramref name="dataFolder"/> (created if missing).</summary>
    public LeanTickFileWriter(string dataFolder, SyntheticMarketSettings settings)
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

    /// <summary>The folder of the instrument's tick files.</summary>
    public string TickFolder => Path.Combine(DataFolder, "crypto", Settings.Market, "tick", Settings.Ticker.ToLowerInvariant());

    /// <summary>Writes one day's quote and trade files; returns their paths.</summary>
    public (string Quotes, string Trades) WriteDay(SyntheticDay day)
    {
        ArgumentNullException.ThrowIfNull(day);
        Directory.CreateDirectory(TickFolder);
        var quotes = WriteZip(day.Date, "quote", day.Quotes.Select(q =>
            Csv(q.Milliseconds, q.Bid, q.BidSize, q.Ask, q.AskSize) + ",0"));
        var trades = WriteZip(day.Date, "trade", day.Trades.Select(t =>
            Csv(t.Milliseconds, t.Price, t.Quantity) + ",0"));
        return (quotes, trades);
    }

    /// <summary>Adds (or replaces) the instrument's market-hours entry; returns the file's path.</summary>
    public string WriteMarketHours()
    {
        var path = Path.Combine(DataFolder, "market-hours", "market-hours-database.json");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var root = File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? new JsonObject() : new JsonObject();
        if (root["entries"] is not JsonObject entries)
        {
            entries = new JsonObject();
            root["entries"] = entries;
        }

        var entry = new JsonObject
        {
            ["dataTimeZone"] = "UTC",
            ["exchangeTimeZone"] = "UTC",
        };
        foreach (var day in WeekDays)
        {
            entry[day] = new JsonArray(new JsonObject { ["start"] = "00:00:00", ["end"] = "1.00:00:00", ["state"] = "market" });
        }

        entry["holidays"] = new JsonArray();
        entries[$"Crypto-{Settings.Market}-{Settings.Ticker}"] = entry;
        if (!entries.ContainsKey(UsEquities))
        {
            entries[UsEquities] = UsEquityHours();
        }

        File.WriteAllText(path, root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    /// <summary>Adds (or replaces) the instrument's symbol-properties row; returns the file's path.</summary>
    public string WriteSymbolProperties()
    {
        var path = Path.Combine(DataFolder, "symbol-properties", "symbol-properties-database.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = $"{Settings.Market},{Settings.Ticker},crypto,";
        var lines = File.Exists(path) ? File.ReadAllLines(path).ToList() : new List<string> { SymbolPropertiesHeader, string.Empty };
        lines.RemoveAll(line => line.StartsWith(key, StringComparison.OrdinalIgnoreCase));
        var pair = $"{Settings.BaseCurrency}-{Settings.QuoteCurrency}";
        lines.Add(key + string.Join(',', $"Synthetic {pair}", Settings.QuoteCurrency, "1", Format(Settings.Dynamics.TickSize), "1", pair, "1"));
        File.WriteAllLines(path, lines);
        return path;
    }

    /// <summary>
    /// Writes LEAN's risk-free rate file <c>alternative/interest-rate/usa/interest-rate.csv</c> (LEAN's
    /// <c>InterestRateProvider</c>, the default risk-free rate model of every algorithm, read for the Sharpe and Sortino
    /// ratios at the end of a backtest) with one rate, 0 % from the first day on: the synthetic world has no risk-free
    /// return. An existing file (a real LEAN data folder's) is kept. Returns the file's path.
    /// </summary>
    public string WriteInterestRates()
    {
        var path = Path.Combine(DataFolder, "alternative", "interest-rate", "usa", "interest-rate.csv");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllLines(path, new[] { "date,interest rate", Settings.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ",0" });
        }

        return path;
    }

    // LEAN's results analysis reads the exchange hours of its default benchmark, SPY, at the end of every backtest:
    // US equities' regular session with pre- and post-market, as in LEAN's database (holidays left out).
    private static JsonObject UsEquityHours()
    {
        var entry = new JsonObject { ["dataTimeZone"] = "America/New_York", ["exchangeTimeZone"] = "America/New_York" };
        foreach (var day in WeekDays)
        {
            entry[day] = day is "saturday" or "sunday"
                ? new JsonArray()
                : new JsonArray(
                    new JsonObject { ["start"] = "04:00:00", ["end"] = "09:30:00", ["state"] = "premarket" },
                    new JsonObject { ["start"] = "09:30:00", ["end"] = "16:00:00", ["state"] = "market" },
                    new JsonObject { ["start"] = "16:00:00", ["end"] = "20:00:00", ["state"] = "postmarket" });
        }

        entry["holidays"] = new JsonArray();
        entry["earlyCloses"] = new JsonObject();
        return entry;
    }

    private string WriteZip(DateOnly date, string type, IEnumerable<string> lines)
    {
        var day = date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        return LeanZipFile.Write(Path.Combine(TickFolder, $"{day}_{type}.zip"), $"{day}_{Settings.Ticker.ToLowerInvariant()}_tick_{type}.csv", lines);
    }

    private static string Csv(long milliseconds, params decimal[] values) =>
        milliseconds.ToString(CultureInfo.InvariantCulture) + "," + string.Join(',', values.Select(Format));

    /// <summary>A decimal as LEAN writes it: invariant culture, no trailing zeros (LEAN normalises decimals).</summary>
    internal static string Format(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
