using System.IO;
using QuantConnect;
using QuantConnect.Lean.Engine.Results;
using QuantConnect.Logging;

namespace Lean.MarketMaking.LeanRunner;

/// <summary>
/// LEAN's <see cref="BacktestingResultHandler"/> (the <c>result-handler</c> of <c>lean-launcher.json</c>), with LEAN's
/// results analysis turned off when the data folder lacks what it reads: after every backtest LEAN's
/// <c>ResultsAnalyzer.ReadEquityCurve</c> requests SPY's daily bars (hard-coded, whatever the algorithm's benchmark),
/// which on a data folder without <c>equity/usa/daily/spy.zip</c> and <c>equity/usa/map_files</c> (the synthetic data
/// set) logs two errors and compares the run with nothing. On a data folder that has them (LEAN's own) the analysis
/// runs as in LEAN.
/// </summary>
public class LeanRunnerResultHandler : BacktestingResultHandler
{
    /// <inheritdoc />
    public override void Initialize(ResultHandlerInitializeParameters parameters)
    {
        base.Initialize(parameters);
        var equities = Path.Combine(Globals.DataFolder, "equity", "usa");
        if (!File.Exists(Path.Combine(equities, "daily", "spy.zip")) || !Directory.Exists(Path.Combine(equities, "map_files")))
        {
            RunResultsAnalysis = false;
            Log.Trace($"LeanRunnerResultHandler: LEAN's results analysis is off: it reads SPY's daily bars and the US map files, which {Globals.DataFolder} lacks");
        }
    }
}
