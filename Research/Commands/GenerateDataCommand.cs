using System;
using System.Globalization;
using System.IO;
using Lean.MarketMaking.Research.Data.Synthetic;

namespace Lean.MarketMaking.Research.Commands;

/// <summary>
/// <c>generate-data --out &lt;folder&gt; [--days N] [--seed S] [--start yyyy-MM-dd]</c>: writes the synthetic
/// instrument of <see cref="SyntheticMarketSettings"/> (crypto <c>MMCUSD</c> on <c>coinbase</c>) as LEAN tick quote
/// and trade files plus its market-hours and symbol-properties entries into a LEAN data folder, so the default
/// backtest needs no downloaded data. Prints a JSON summary (symbol, dates, tick counts, files).
/// </summary>
internal sealed class GenerateDataCommand : IResearchCommand
{
    private const string Usage = "usage: generate-data --out <folder> [--days N] [--seed S] [--start yyyy-MM-dd]";

    /// <inheritdoc />
    public string Name => "generate-data";

    /// <inheritdoc />
    public string Summary => "write the synthetic MMCUSD tick data (LEAN format, zip + CSV) and its reference entries into a LEAN data folder";

    /// <inheritdoc />
    public int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        string? output = null;
        int days = 3, seed = 1;
        DateOnly? start = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new CommandLineException($"{args[i]} needs a value; {Usage}");
            switch (args[i])
            {
                case "--out":
                    output = value;
                    break;
                case "--days":
                    days = Integer(value, "--days");
                    break;
                case "--seed":
                    seed = Integer(value, "--seed");
                    break;
                case "--start":
                    start = DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                        ? date
                        : throw new CommandLineException($"--start must be yyyy-MM-dd, got '{value}'");
                    break;
                default:
                    throw new CommandLineException($"unknown option '{args[i]}'; {Usage}");
            }

            i++;
        }

        if (string.IsNullOrWhiteSpace(output))
        {
            throw new CommandLineException(Usage);
        }

        var settings = new SyntheticMarketSettings(start: start, days: days);
        var writer = new LeanTickFileWriter(output, settings);
        long quotes = 0, trades = 0;
        foreach (var day in new SyntheticTickGenerator(settings, seed).Days())
        {
            writer.WriteDay(day);
            quotes += day.Quotes.Count;
            trades += day.Trades.Count;
            stderr.WriteLine($"generate-data: {day.Date:yyyy-MM-dd}: {day.Quotes.Count} quote ticks, {day.Trades.Count} trade ticks");
        }

        var marketHours = writer.WriteMarketHours();
        var symbolProperties = writer.WriteSymbolProperties();
        JsonFields.WriteObject(stdout, w =>
        {
            w.WriteString("dataFolder", writer.DataFolder);
            w.WriteString("securityType", "Crypto");
            w.WriteString("market", settings.Market);
            w.WriteString("ticker", settings.Ticker);
            w.WriteString("start", settings.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("end", settings.Start.AddDays(settings.Days - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteNumber("seed", seed);
            w.WriteNumber("quoteTicks", quotes);
            w.WriteNumber("tradeTicks", trades);
            w.WriteString("tickFolder", writer.TickFolder);
            w.WriteString("marketHours", marketHours);
            w.WriteString("symbolProperties", symbolProperties);
        });
        return 0;
    }

    private static int Integer(string value, string option) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new CommandLineException($"{option} must be an integer, got '{value}'");
}
