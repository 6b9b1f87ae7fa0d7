namespace Lean.MarketMaking.Models.Simulation;

/// <summary>
/// A quoting model's simulation beside that of the symmetric benchmark quoting the model's average spread around the
/// mid, on the same random numbers (Avellaneda &amp; Stoikov 2008, §3.3, tables 1–3: "inventory" vs "symmetric" rows).
/// </summary>
/// <param name="Inventory">Result of the model under test (the paper's "inventory" strategy).</param>
/// <param name="Symmetric">Result of <see cref="SymmetricQuotingModel"/> with spread <c>Inventory.AverageSpread</c>.</param>
public sealed record StrategyComparison(SimulationResult Inventory, SimulationResult Symmetric);
