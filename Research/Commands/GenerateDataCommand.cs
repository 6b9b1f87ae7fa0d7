using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.Linq;
using System.IO;
using Lean.MarketMaking.Models.Simulation;
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
/// like an aggregated forex feed. With <c>--two-legs</c> it writes instead the two related contracts of the anchor
/// selection (<see cref="TwoLegTickGenerator"/>: <c>LEGAUSD</c> steady and deep, <c>LEGBUSD</c> bursty and thin, tick
/// 0.05, the first <c>--leg-seconds</c> seconds of each UTC day) with their bars and reference entries. Prints a JSON
/// summary (symbol, dates, tick counts, injected faults, files).
/// </summary>
internal sealed class GenerateDataCommand : IResearchCommand
{
    private const string Usage = "usage: generate-data --out <folder> [--days N] [--seed S] [--start yyyy-MM-dd] [--faults] [--locked-fraction F] [--two-legs [--leg-seconds N]]";

    /// <summary>The two legs' tickers written by <c>--two-legs</c>: leg 0 steady and deep, leg 1 bursty and thin.</summary>
    internal static readonly string[] LegTickers = { "LEGAUSD", "LEGBUSD" };

    /// <inheritdoc />
    public Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var output = new Option<string?>("--out") { Description = "LEAN data folder to write into (created if missing); required" };
        var days = NumberOptions.Integer("--days", "Number of calendar days of data", 3);
        var seed = NumberOptions.Integer("--seed", "Seed of the generator's random numbers", 1);
        var start = new Option<string?>("--start") { Description = "First day, yyyy-MM-dd (UTC); default: the generator's fixed start" };
        var faults = new Option<bool>("--faults") { Description = "Make every day the robustness bad day (crossed, locked, zero, spiking, duplicated, out-of-order quotes, a one-hour gap)" };
        var lockedFraction = NumberOptions.OptionalNumber("--locked-fraction", "Fraction in [0, 0.4] of quote ticks made brief (200 ms) locked or crossed books");
        var twoLegs = new Option<bool>("--two-legs") { Description = "Write the two related contracts of the anchor selection (LEGAUSD, LEGBUSD) instead of MMCUSD" };
        var legSeconds = NumberOptions.Number("--leg-seconds", "With --two-legs: simulated seconds each day, from midnight UTC", 600);
        var command = new Command(
            "generate-data",
            "Writes the synthetic MMCUSD (coinbase) tick quote and trade data, minute/hour/daily bars and their reference entries "
            + "(market hours, symbol properties, a 0 % risk-free rate) into a LEAN data folder; prints a JSON summary")
        {
            output,
            days,
            seed,
            start,
            faults,
            lockedFraction,
            twoLegs,
            legSeconds,
        };
        command.SetAction(r => r.GetValue(twoLegs)
            ? RunTwoLegs(r.GetValue(output), r.GetValue(days), r.GetValue(seed), r.GetValue(start), r.GetValue(faults) || r.GetValue(lockedFraction) is not null, r.GetValue(legSeconds), stdout, stderr)
            : Run(r.GetValue(output), r.GetValue(days), r.GetValue(seed), r.GetValue(start), r.GetValue(faults), r.GetValue(lockedFraction), stdout, stderr));
        return command;
    }

    private static DateOnly? Start(string? startText) => startText is null
        ? null
        : DateOnly.TryParseExact(startText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CommandLineException($"--start must be yyyy-MM-dd, got '{startText}'");

    private static int RunTwoLegs(string? output, int days, int seed, string? startText, bool faults, double seconds, TextWriter stdout, TextWriter stderr)
    {
        if (string.IsNullOrWhiteSpace(output))
        {
            throw new CommandLineException(Usage);
        }

        if (faults)
        {
            throw new CommandLineException("--two-legs takes neither --faults nor --locked-fraction");
        }

        if (!(seconds is > 0 and < 86_400))
        {
            throw new CommandLineException($"--leg-seconds must be a number in (0, 86400), got '{seconds.ToString(CultureInfo.InvariantCulture)}'");
        }

        var start = Start(startText);
        var legs = Array.ConvertAll(LegTickers, t => new SyntheticMarketSettings(t, start: start, days: days, dynamics: new SyntheticMarketDynamics(initialMid: 22_000, tickSize: 0.05m)));
        var ticks = Array.ConvertAll(legs, l => new LeanTickFileWriter(output, l));
        var bars = Array.ConvertAll(legs, l => new LeanBarFileWriter(output, l));
        var quotes = new long[2];
        var trades = new long[2];
        foreach (var (leg0, leg1) in new TwoLegTickGenerator(legs, seconds, seed).Days())
        {
            var pair = new[] { leg0, leg1 };
            for (var k = 0; k < 2; k++)
            {
                ticks[k].WriteDay(pair[k]);
                bars[k].WriteDay(pair[k]);
                quotes[k] += pair[k].Quotes.Count;
                trades[k] += pair[k].Trades.Count;
                stderr.WriteLine($"generate-data: {pair[k].Date:yyyy-MM-dd} {legs[k].Ticker}: {pair[k].Quotes.Count} quote ticks, {pair[k].Trades.Count} trade ticks");
            }
        }

        string marketHours = "", symbolProperties = "", interestRates = "";
        for (var k = 0; k < 2; k++)
        {
            marketHours = ticks[k].WriteMarketHours();
            symbolProperties = ticks[k].WriteSymbolProperties();
            interestRates = ticks[k].WriteInterestRates();
            bars[k].WriteHourAndDailyBars();
        }

        JsonFields.WriteObject(stdout, w =>
        {
            w.WriteString("dataFolder", ticks[0].DataFolder);
            w.WriteString("securityType", "Crypto");
            w.WriteString("market", legs[0].Market);
            w.WriteString("start", legs[0].Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("end", legs[0].Start.AddDays(days - 1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteNumber("seed", seed);
            w.WriteNumber("secondsPerDay", seconds);
            w.WritePropertyName("legs");
            w.WriteStartArray();
            for (var k = 0; k < 2; k++)
            {
                w.WriteStartObject();
                w.WriteString("ticker", legs[k].Ticker);
                w.WriteString("profile", k == 0 ? "steady, deep" : "bursty, thin");
                w.WriteNumber("quoteTicks", quotes[k]);
                w.WriteNumber("tradeTicks", trades[k]);
                w.WriteString("tickFolder", ticks[k].TickFolder);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("marketHours", marketHours);
            w.WriteString("symbolProperties", symbolProperties);
            w.WriteString("interestRates", interestRates);
        });
        return 0;
    }

    private static int Run(string? output, int days, int seed, string? startText, bool faults, double? lockedFraction, TextWriter stdout, TextWriter stderr)
    {
        if (string.IsNullOrWhiteSpace(output))
        {
            throw new CommandLineException(Usage);
        }

        if (lockedFraction is { } l && !(l is >= 0 and <= 0.4))
        {
            throw new CommandLineException($"--locked-fraction must be a number in [0, 0.4], got '{l.ToString(CultureInfo.InvariantCulture)}'");
        }

        var settings = new SyntheticMarketSettings(start: Start(startText), days: days);
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
}
