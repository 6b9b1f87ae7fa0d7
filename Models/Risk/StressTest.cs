using System;
using Lean.MarketMaking.Models.Quoting;

namespace Lean.MarketMaking.Models.Risk;

/// <summary>
/// Runs stress scenarios on a book (<see cref="StressMarket"/>) with the active quoting model: each scenario's P&amp;L
/// (<see cref="StressResult"/>) and the quotes of the model rebuilt by the caller's factory from the shocked market —
/// one <see cref="IQuotingModel"/> per asset (quoted at the shocked mid, the inventory held and the market's time), or
/// one <see cref="IMultiAssetQuotingModel"/> for the book.
/// </summary>
public static class StressTest
{
    /// <summary>Runs <paramref name="scenario"/> with a single-asset model per asset, built by <paramref name="model"/>(shocked market, asset).</summary>
    public static StressResult Run(StressMarket market, StressScenario scenario, Func<StressMarket, int, IQuotingModel> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (shocked, moves) = Shock(market, scenario);
        var quotes = new TwoSidedQuote[shocked.AssetCount];
        for (var i = 0; i < quotes.Length; i++)
        {
            quotes[i] = model(shocked, i).Quote(new MarketSnapshot(shocked.Mids[i], shocked.Time, shocked.Inventory[i]));
        }

        return Result(market, scenario, shocked, moves, quotes);
    }

    /// <summary>Runs <paramref name="scenario"/> with one multi-asset model for the book, built by <paramref name="model"/>(shocked market).</summary>
    public static StressResult Run(StressMarket market, StressScenario scenario, Func<StressMarket, IMultiAssetQuotingModel> model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (shocked, moves) = Shock(market, scenario);
        var quotes = new TwoSidedQuote[shocked.AssetCount];
        model(shocked).Quote(shocked.Mids, shocked.Inventory, shocked.Time, quotes);
        return Result(market, scenario, shocked, moves, quotes);
    }

    private static (StressMarket Shocked, double[] Moves) Shock(StressMarket market, StressScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.Apply(market);
    }

    private static StressResult Result(StressMarket market, StressScenario scenario, StressMarket shocked, double[] moves, TwoSidedQuote[] quotes)
    {
        var pnl = 0.0;
        for (var i = 0; i < moves.Length; i++)
        {
            pnl += market.Inventory[i] * moves[i];
        }

        return new StressResult(scenario.Name, pnl, shocked.LiquidationCost() - market.LiquidationCost(), shocked, quotes);
    }
}
