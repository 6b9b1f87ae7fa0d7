namespace Lean.MarketMaking.Algorithms.Fills;

/// <summary>How <see cref="PassiveQuoteFillModel"/> decides that a resting limit order fills.</summary>
public enum PassiveFillMode
{
    /// <summary>
    /// Queue position: the order joins the back of the displayed queue at its price; each trade at or through that
    /// price first consumes the queue ahead, then fills the order with at most the rest of the trade's size (partial
    /// fills). See <see cref="QueuePosition"/>.
    /// </summary>
    QueuePosition,

    /// <summary>
    /// Intensity with adverse selection: market orders reaching depth δ from the mid arrive as a Poisson process of rate
    /// A·e^(−kδ) on the rule's clock (<see cref="IntensityClock"/>), so the order fills completely within an exposure x
    /// with probability 1 − exp(−A·e^(−kδ)·x); in seconds only in a step whose opposite flow visibly reached the quote
    /// (for a buy: the bid at or below the limit at some point of the step, or a trade at or below it), in depletions
    /// only when the own side of the book depleted at or behind the quote. See <see cref="IntensityFill"/>.
    /// </summary>
    Intensity,
}
