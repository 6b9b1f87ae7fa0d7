using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Quoting;

namespace Lean.MarketMaking.Models.Simulation;

/// <summary>
/// Seeded, reproducible Monte Carlo market-making simulator of Avellaneda &amp; Stoikov (2008, §3.3), for any
/// <see cref="IQuotingModel"/>. On each path, starting from s₀, q₀ and zero cash, for step i = 0 … N − 1 at t = i·dt:
/// <list type="number">
/// <item>the model quotes from (s, t, q);</item>
/// <item>the ask fills its size with probability min(1, A·e^(−kδᵃ)·dt) (inventory down, cash up by size·ask), and
/// independently the bid fills its size with probability min(1, A·e^(−kδᵇ)·dt) (inventory up, cash down by size·bid),
/// δ being the quote's depth from the mid at the start of the step; a side of size 0 never fills;</item>
/// <item>the mid moves by +σ√dt or −σ√dt with equal probability.</item>
/// </list>
/// The profit of a path is cash + q_T·s_T. The paper fills one share per order; here a fill trades the quoted size,
/// which is 1 for its models. Each step draws exactly three uniforms from <see cref="Random"/>(seed) in a fixed order, so
/// the same seed gives the same mid paths and fill draws to every strategy (common random numbers).
/// </summary>
public sealed class MarketMakingSimulator
{
    private readonly MarketMakingSimulationSettings settings;

    /// <summary>Creates a simulator of the given market.</summary>
    /// <param name="settings">Validated market and Monte Carlo settings.</param>
    public MarketMakingSimulator(MarketMakingSimulationSettings settings)
    {
        this.settings = settings ?? throw Guard.Invalid(nameof(settings), "must not be null");
    }

    /// <summary>Simulates <see cref="MarketMakingSimulationSettings.Paths"/> paths of <paramref name="model"/>.</summary>
    /// <param name="model">The quoting strategy.</param>
    /// <param name="seed">Seed of the random-number generator; equal seeds give identical results.</param>
    /// <returns>Per-path profits and final inventories with their statistics.</returns>
    public SimulationResult Run(IQuotingModel model, int seed)
    {
        if (model is null)
        {
            throw Guard.Invalid(nameof(model), "must not be null");
        }

        var random = new Random(seed);
        var paths = settings.Paths;
        var steps = settings.Steps;
        var dt = settings.TimeStep;
        var priceStep = settings.Volatility * Math.Sqrt(dt);
        var fillScale = settings.ArrivalIntensity * dt;
        var k = settings.IntensityDecay;
        var profits = new double[paths];
        var finalInventories = new double[paths];
        var spreadSum = 0.0;

        for (var path = 0; path < paths; path++)
        {
            var mid = settings.InitialMid;
            var inventory = settings.InitialInventory;
            var cash = 0.0;
            var pathSpreadSum = 0.0; // summed per path, then over paths, to keep the rounding of 2e5 terms at ~1e-13
            for (var step = 0; step < steps; step++)
            {
                var quote = model.Quote(new MarketSnapshot(mid, step * dt, inventory));
                pathSpreadSum += quote.BidDepth + quote.AskDepth;

                if (random.NextDouble() < fillScale * Math.Exp(-k * quote.AskDepth) && quote.AskSize > 0)
                {
                    inventory -= quote.AskSize;
                    cash += quote.AskSize * quote.Ask;
                }

                if (random.NextDouble() < fillScale * Math.Exp(-k * quote.BidDepth) && quote.BidSize > 0)
                {
                    inventory += quote.BidSize;
                    cash -= quote.BidSize * quote.Bid;
                }

                mid += random.NextDouble() < 0.5 ? priceStep : -priceStep;
            }

            spreadSum += pathSpreadSum;
            profits[path] = cash + inventory * mid;
            finalInventories[path] = inventory;
        }

        return new SimulationResult(spreadSum / ((double)paths * steps), profits, finalInventories);
    }

    /// <summary>
    /// Runs <paramref name="model"/> (the paper's "inventory" strategy), then the <see cref="SymmetricQuotingModel"/>
    /// quoting its average spread around the mid, both with <paramref name="seed"/>: one row pair of the paper's tables.
    /// </summary>
    /// <param name="model">The quoting strategy under test.</param>
    /// <param name="seed">Seed shared by both runs.</param>
    /// <param name="orderSize">Size quoted by the symmetric benchmark, units of the asset (1 in the paper).</param>
    public StrategyComparison CompareWithSymmetric(IQuotingModel model, int seed, double orderSize = 1)
    {
        var inventory = Run(model, seed);
        var symmetric = Run(new SymmetricQuotingModel(inventory.AverageSpread, orderSize), seed);
        return new StrategyComparison(inventory, symmetric);
    }
}
