using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.IO;
using Lean.MarketMaking.Research.Data.Synthetic;

namespace Lean.MarketMaking.Research.Commands;

/// <summary>
/// <c>generate-data --out &lt;folder&gt; [--days N] [--seed S] [--start yyyy-MM-dd] [--faults] [--locked-fraction F]</c>: writes the synthetic
/// instrument of <see cref="SyntheticMarketSettings"/> (crypto <c>MMCUSD</c> on <c>coinbase</c>) as LEAN tick quote
/// and trade files, the minute, hour and daily bars aggregated from them (<see cref="LeanBarFileWriter"/>), its
/// market-hours and symbol-properties entries and a risk-free rate file into a LEAN data folder, so the default
/// backtest needs no downloaded data and LEAN finds every file it asks for. With <c>--faults</c> every day is the bad day of
/// <see cref="MarketDataFaults"/> (crossed, locked, zero, negative and spiking quotes (×1.5, ×10, ×0.1), duplicated and
/// out-of-order timestamps, a one-hour gap), for the end-to-end robustness backtest; with <c>--locked-fraction F</c> a
/// fraction F of the quote ticks are brief (200 ms) locked or crossed books (<see cref="MarketDataFaults.LockAndCross"/>),
/// like an aggregated forex feed. Prints a JSON summary (symbol, dates, tick counts, injected faults, files).
/// </summary>
internal sealed class GenerateDataCommand : IResearchCommand
{
    private const string Usage = "usage: generate-data --out <folder> [--days N] [--seed S] [--start yyyy-MM-dd] [--faults] [--locked-fraction F]";

    /// <inheritdoc />
    public string Name => "generate-data";

    /// <inheritdoc />
    public string Summary => "write the synthetic MMCUSD tick data and bars (LEAN format, zip + CSV) and its reference entries into a LEAN data folder";

    /// <inheritdoc />
    public int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        string? output = null;
        int days = 3, seed = 1;
        DateOnly? start = null;
        var faults = false;
        double? lockedFraction = null;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--faults")
            {
                faults = true;
                continue;
            }

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
                case "--locked-fraction":
                    lockedFraction = double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var fraction) && fraction is >= 0 and <= 0.4
                        ? fraction
                        : throw new CommandLineException($"--locked-fraction must be a number in [0, 0.4], got '{value}'");
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
        var bars = new LeanBarFileWriter(output, settings);
        long quotes = 0, trades = 0;
        var injected = new List<MarketDataFaults.Injected>();
        long lockedOrCrossed = 0;
        foreach (var clean in new SyntheticTickGenerator(settings, seed).Days())
        {
            var day = clean;
            if (lockedFraction is { } f)
            {
                (day, var locks) = MarketDataFaults.LockAndCross(day, f, seed + day.Date.DayNumber);
                lockedOrCrossed += locks;
            }

            if (faults)
            {
                (day, var faultsOfDay) = MarketDataFaults.Inject(day);
                injected.Add(faultsOfDay);
            }

            writer.WriteDay(day);
            bars.WriteDay(day);
            quotes += day.Quotes.Count;
            trades += day.Trades.Count;
            stderr.WriteLine($"generate-data: {day.Date:yyyy-MM-dd}: {day.Quotes.Count} quote ticks, {day.Trades.Count} trade ticks");
        }

        var marketHours = writer.WriteMarketHours();
        var symbolProperties = writer.WriteSymbolProperties();
        var interestRates = writer.WriteInterestRates();
        bars.WriteHourAndDailyBars();
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
            if (faults)
            {
                w.WriteStartObject("faults");
                w.WriteNumber("crossed", injected.Sum(f => f.Crossed));
                w.WriteNumber("locked", injected.Sum(f => f.Locked));
                w.WriteNumber("zeroOrNegative", injected.Sum(f => f.ZeroOrNegative));
                w.WriteNumber("spikes", injected.Sum(f => f.Spikes));
                w.WriteNumber("largeSpikes", injected.Sum(f => f.LargeSpikes));
                w.WriteNumber("duplicated", injected.Sum(f => f.Duplicated));
                w.WriteNumber("outOfOrder", injected.Sum(f => f.OutOfOrder));
                w.WriteNumber("oneHourGaps", injected.Count);
                w.WriteEndObject();
            }

            if (lockedFraction is not null)
            {
                w.WriteNumber("lockedOrCrossedQuoteTicks", lockedOrCrossed);
            }

            w.WriteString("tickFolder", writer.TickFolder);
            w.WriteString("marketHours", marketHours);
            w.WriteString("symbolProperties", symbolProperties);
            w.WriteString("interestRates", interestRates);
        });
        return 0;
    }

    private static int Integer(string value, string option) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new CommandLineException($"{option} must be an integer, got '{value}'");
}
