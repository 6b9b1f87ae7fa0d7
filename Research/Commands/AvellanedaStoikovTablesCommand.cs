using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using Lean.MarketMaking.Models.Quoting.AvellanedaStoikov;
using Lean.MarketMaking.Models.Simulation;

namespace Lean.MarketMaking.Research.Commands;

/// <summary>
/// <c>as-tables [--seed N] [--paths N]</c>: re-runs the Monte Carlo experiment of Avellaneda &amp; Stoikov (2008), §3.3,
/// tables 1–3 (γ = 0.1, 0.01, 1; inventory vs symmetric strategy) and prints one CSV row per strategy beside the
/// published figures.
/// </summary>
internal sealed class AvellanedaStoikovTablesCommand : IResearchCommand
{
    // γ, then per strategy (inventory, symmetric): average spread, profit, std profit, final q, std final q, as published.
    private static readonly (double Gamma, double[] Inventory, double[] Symmetric)[] Published =
    {
        (0.1, new[] { 1.49, 65.0, 6.6, 0.08, 2.9 }, new[] { 1.49, 68.4, 12.7, 0.26, 8.4 }),
        (0.01, new[] { 1.35, 68.6, 8.7, 0.12, 5.1 }, new[] { 1.35, 68.8, 12.8, 0.09, 8.7 }),
        (1, new[] { 3.02, 31.4, 5.0, 0.02, 1.7 }, new[] { 3.02, 44.0, 11.0, 0.00, 5.1 }),
    };

    /// <inheritdoc />
    public Command Create(TextReader stdin, TextWriter stdout, TextWriter stderr)
    {
        var seed = NumberOptions.Integer("--seed", "Seed of the Monte Carlo paths' random numbers", 2008);
        var paths = NumberOptions.Integer("--paths", "Number of simulated paths per strategy (at least 2)", 1000);
        var command = new Command(
            "as-tables",
            "Avellaneda & Stoikov (2008) tables 1-3 by Monte Carlo (s = 100, T = 1, sigma = 2, dt = 0.005, A = 140 per time unit, "
            + "k = 1.5 per price unit; gamma = 0.1, 0.01, 1): one CSV row per strategy beside the published figures")
        {
            seed,
            paths,
        };
        command.SetAction(r => Run(r.GetValue(seed), r.GetValue(paths), stdout));
        return command;
    }

    private static int Run(int seed, int paths, TextWriter stdout)
    {
        var paper = MarketMakingSimulationSettings.AvellanedaStoikov2008;
        var simulator = new MarketMakingSimulator(new MarketMakingSimulationSettings(
            paper.InitialMid, paper.Horizon, paper.Volatility, paper.TimeStep, paper.ArrivalIntensity, paper.IntensityDecay, paths));
        stdout.WriteLine("gamma,strategy,average_spread,profit,std_profit,final_q,std_final_q,"
            + "paper_average_spread,paper_profit,paper_std_profit,paper_final_q,paper_std_final_q");
        foreach (var (gamma, inventory, symmetric) in Published)
        {
            var model = new AvellanedaStoikovModel(new AvellanedaStoikovParameters(gamma, paper.Volatility, paper.IntensityDecay, paper.Horizon));
            var comparison = simulator.CompareWithSymmetric(model, seed);
            Write(stdout, gamma, "inventory", comparison.Inventory, inventory);
            Write(stdout, gamma, "symmetric", comparison.Symmetric, symmetric);
        }

        return 0;
    }

    private static void Write(TextWriter stdout, double gamma, string strategy, SimulationResult r, double[] published) =>
        stdout.WriteLine(string.Join(
            ",",
            gamma.ToString(CultureInfo.InvariantCulture),
            strategy,
            r.AverageSpread.ToString("F4", CultureInfo.InvariantCulture),
            r.MeanProfit.ToString("F2", CultureInfo.InvariantCulture),
            r.ProfitStandardDeviation.ToString("F2", CultureInfo.InvariantCulture),
            r.MeanFinalInventory.ToString("F3", CultureInfo.InvariantCulture),
            r.FinalInventoryStandardDeviation.ToString("F2", CultureInfo.InvariantCulture),
            string.Join(",", Array.ConvertAll(published, p => p.ToString(CultureInfo.InvariantCulture)))));
}
