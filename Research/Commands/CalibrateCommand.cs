using System.IO;
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
    public string Name => "calibrate";

    /// <inheritdoc />
    public string Summary => "calibrate every estimator on LEAN data: " + CalibrationRequest.Usage;

    /// <inheritdoc />
    public int Run(string[] args, TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        CalibrationRun.Run(CalibrationRequest.Parse(args), stdout, stderr);
        return 0;
    }
}
