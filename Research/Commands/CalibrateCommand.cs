using System;
using System.CommandLine;
using System.IO;
using System.Linq;
using Lean.MarketMaking.Research.Calibration;

namespace Lean.MarketMaking.Research.Commands;

/// <summary>
/// <c>calibrate --data … --security-type … --market … --symbol … --resolution … --start yyyyMMdd --end yyyyMMdd</c>:
/// streams LEAN data day by day and prints one JSON object with the volatility estimators, trading intensity, Hawkes
/// fit of signed market orders, jumps, Hurst exponent of log-volatility and 2-state regimes (see <see cref="CalibrationRun"/>).
/// </summary>
internal sealed class CalibrateCommand : IResearchCommand
{
    /// <inheritdoc />
    public Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var options = CalibrationRequest.Options
            .Select(o => new Option<string>(o.Name) { Description = o.Description, Required = true })
            .ToArray();
        var command = new Command(
            "calibrate",
            "Streams LEAN data day by day and prints one JSON object: volatility estimators (per second and annualised), "
            + "trading intensity A (per second) and k (per price unit) per side, Hawkes fit of signed market orders, jumps, "
            + "Hurst exponent of log-volatility and 2-state regimes. Progress per day on stderr when it is a terminal.");
        foreach (var option in options)
        {
            command.Add(option);
        }

        command.SetAction(r =>
        {
            var values = options.ToDictionary(o => o.Name, o => r.GetValue(o) ?? string.Empty, StringComparer.Ordinal);
            CalibrationRun.Run(CalibrationRequest.Parse(values), stdout, stderr);
            return 0;
        });
        return command;
    }
}
