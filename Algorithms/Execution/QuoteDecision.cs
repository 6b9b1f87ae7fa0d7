namespace Lean.MarketMaking.Algorithms.Execution;

/// <summary>The pure rule deciding what to do with one side of a quote.</summary>
public static class QuoteDecision
{
    /// <summary>
    /// Decides between leaving, placing, moving or cancelling one side:
    /// nothing wanted → cancel what works; nothing working → place; otherwise move the order only if its price is at
    /// least <paramref name="minRepriceTicks"/> ticks away from the desired price or its unfilled quantity differs from
    /// the desired size by at least one lot (so quotes are not churned on every small move of the model).
    /// </summary>
    /// <param name="working">The side's working order, or null.</param>
    /// <param name="desiredPrice">Desired limit price (already on the tick grid).</param>
    /// <param name="desiredSize">Desired unfilled quantity, positive (already on the lot grid; 0 for none).</param>
    /// <param name="tick">Tick size.</param>
    /// <param name="lot">Lot size.</param>
    /// <param name="minRepriceTicks">Smallest price move, in ticks, worth an update.</param>
    public static QuoteAction Decide(WorkingOrder? working, decimal desiredPrice, decimal desiredSize, decimal tick, decimal lot, int minRepriceTicks)
    {
        if (desiredSize <= 0)
        {
            return working is null ? QuoteAction.None : QuoteAction.Cancel;
        }

        if (working is null)
        {
            return QuoteAction.Place;
        }

        var moved = QuotePricing.ShouldReprice(working.LimitPrice, desiredPrice, tick, minRepriceTicks);
        var resized = System.Math.Abs(working.Remaining - desiredSize) >= lot;
        return moved || resized ? QuoteAction.Update : QuoteAction.None;
    }
}
