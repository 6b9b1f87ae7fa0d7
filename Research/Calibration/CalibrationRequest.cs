using System;
using System.Collections.Generic;
using System.Globalization;
using Lean.MarketMaking.Research.Commands;
using Lean.MarketMaking.Research.Data;

namespace Lean.MarketMaking.Research.Calibration;

/// <summary>The command line of <c>calibrate</c>, parsed and checked: every bad value is a <see cref="CommandLineException"/> naming the option.</summary>
internal sealed record CalibrationRequest(string DataFolder, LeanSymbol Symbol, LeanResolution Resolution, DateOnly Start, DateOnly End)
{
    /// <summary>The usage line.</summary>
    public const string Usage =
        "usage: calibrate --data <LEAN data folder> --security-type forex|equity|crypto --market <market> --symbol <ticker> "
        + "--resolution tick|second|minute --start <yyyyMMdd> --end <yyyyMMdd>";

    /// <summary>Parses <c>--name value</c> pairs.</summary>
    public static CalibrationRequest Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            var name = args[i];
            if (name is not ("--data" or "--security-type" or "--market" or "--symbol" or "--resolution" or "--start" or "--end"))
            {
                throw new CommandLineException($"unknown option '{name}'; {Usage}");
            }

            if (i + 1 >= args.Length)
            {
                throw new CommandLineException($"option {name} needs a value; {Usage}");
            }

            values[name] = args[i + 1];
        }

        var start = Date(values, "--start");
        var end = Date(values, "--end");
        if (end < start)
        {
            throw new CommandLineException($"--end {end:yyyyMMdd} is before --start {start:yyyyMMdd}");
        }

        var type = Required(values, "--security-type") switch
        {
            "equity" => LeanSecurityType.Equity,
            "forex" => LeanSecurityType.Forex,
            "crypto" => LeanSecurityType.Crypto,
            var other => throw new CommandLineException($"--security-type must be forex, equity or crypto, got '{other}'"),
        };
        var resolution = Required(values, "--resolution") switch
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

        var market = Required(values, "--market");
        var ticker = Required(values, "--symbol");
        if (string.IsNullOrWhiteSpace(market) || string.IsNullOrWhiteSpace(ticker))
        {
            throw new CommandLineException("--market and --symbol must not be empty");
        }

        return new CalibrationRequest(Required(values, "--data"), new LeanSymbol(type, market, ticker), resolution, start, end);
    }

    private static string Required(Dictionary<string, string> values, string name) =>
        values.TryGetValue(name, out var value) ? value : throw new CommandLineException($"option {name} is required; {Usage}");

    private static DateOnly Date(Dictionary<string, string> values, string name)
    {
        var text = Required(values, name);
        return DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CommandLineException($"{name} must be a date yyyyMMdd, got '{text}'");
    }
}
