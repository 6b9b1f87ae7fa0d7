using System;
using System.Collections.Generic;
using MathNet.Numerics.Statistics;

namespace Lean.MarketMaking.Models.Simulation;

/// <summary>
/// Outcome of one Monte Carlo run of a quoting strategy: per-path terminal profit and inventory, and the statistics of
/// the columns of Avellaneda &amp; Stoikov (2008), tables 1–3. Standard deviations are sample standard deviations (n − 1).
/// </summary>
public sealed class SimulationResult
{
    internal SimulationResult(double averageSpread, double[] profits, double[] finalInventories)
    {
        AverageSpread = averageSpread;
        Profits = Array.AsReadOnly(profits);
        FinalInventories = Array.AsReadOnly(finalInventories);
        (MeanProfit, ProfitStandardDeviation) = ArrayStatistics.MeanStandardDeviation(profits);
        (MeanFinalInventory, FinalInventoryStandardDeviation) = ArrayStatistics.MeanStandardDeviation(finalInventories);
    }

    /// <summary>Quoted spread δᵇ + δᵃ (= ask − bid) averaged over every quote of every path, price units.</summary>
    public double AverageSpread { get; }

    /// <summary>Mean over paths of the terminal profit cash + q_T·s_T, price units.</summary>
    public double MeanProfit { get; }

    /// <summary>Sample standard deviation over paths of the terminal profit, price units.</summary>
    public double ProfitStandardDeviation { get; }

    /// <summary>Mean over paths of the terminal inventory q_T, units of the asset.</summary>
    public double MeanFinalInventory { get; }

    /// <summary>Sample standard deviation over paths of the terminal inventory, units of the asset.</summary>
    public double FinalInventoryStandardDeviation { get; }

    /// <summary>Number of simulated paths.</summary>
    public int Paths => Profits.Count;

    /// <summary>Terminal profit of each path, price units.</summary>
    public IReadOnlyList<double> Profits { get; }

    /// <summary>Terminal inventory of each path, units of the asset.</summary>
    public IReadOnlyList<double> FinalInventories { get; }
}
