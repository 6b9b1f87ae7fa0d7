using System;
using System.Collections.Generic;
using System.Globalization;
using Lean.MarketMaking.Research.Commands;
using Lean.MarketMaking.Research.Data;

namespace Lean.MarketMaking.Research.Calibration;

/// <summary>The command line of <c>calibrate</c>, parsed and checked: every bad value is a <see cref="CommandLineException"/> naming the option.</summary>
internal sealed record CalibrationRequest(string DataFolder, LeanSymbol Symbol, LeanResolution Resolution, DateOnly Start, DateOnly End)
{
    /// <summary>The options, each required, with what it takes.</summary>
    public static readonly (string Name, string Description)[] Options =
    {
        ("--data", "LEAN data folder (the one holding equity/, forex/, crypto/, market-hours/)"),
        ("--security-type", "forex|equity|crypto"),
        ("--market", "LEAN market, e.g. oanda, usa, coinbase"),
        ("--symbol", "ticker, e.g. EURUSD"),
        ("--resolution", "tick|second|minute (crypto: second or minute)"),
        ("--start", "first day, yyyyMMdd (UTC date of LEAN's files)"),
        ("--end", "last day, yyyyMMdd, inclusive"),
    };

    /// <summary>Checks the option values (every name of <see cref="Options"/> present).</summary>
    public static CalibrationRequest Parse(IReadOnlyDictionary<string, string> values)
    {
        var start = Date(values, "--start");
        var end = Date(values, "--end");
        if (end < start)
        {
            throw new CommandLineException($"--end {end:yyyyMMdd} is before --start {start:yyyyMMdd}");
        }

        var type = values["--security-type"] switch
        {
            "equity" => LeanSecurityType.Equity,
            "forex" => LeanSecurityType.Forex,
            "crypto" => LeanSecurityType.Crypto,
            var other => throw new CommandLineException($"--security-type must be forex, equity or crypto, got '{other}'"),
        };
        var resolution = values["--resolution"] switch
        {
            "tick" => LeanResolution.Tick,
            "second" => LeanResolution.Second,
            "minute" => LeanResolution.Minute,
            var other => throw new CommandLineException($"--resolution must be tick, second or minute, got '{other}'"),
        };
        if (resolution == LeanResolution.Tick && type == LeanSecurityType.Crypto)
        {
            throw new CommandLineException("--resolution tick is not supported for crypto (LEAN crypto data here are bars); use second or minute");
        }

        var market = values["--market"];
        var ticker = values["--symbol"];
        if (string.IsNullOrWhiteSpace(market) || string.IsNullOrWhiteSpace(ticker))
        {
            throw new CommandLineException("--market and --symbol must not be empty");
        }

        return new CalibrationRequest(values["--data"], new LeanSymbol(type, market, ticker), resolution, start, end);
    }

    private static DateOnly Date(IReadOnlyDictionary<string, string> values, string name)
    {
        var text = values[name];
        return DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CommandLineException($"{name} must be a date yyyyMMdd, got '{text}'");
    }
}
