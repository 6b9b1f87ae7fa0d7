namespace Lean.MarketMaking.Algorithms.Fills;

/// <summary>How <see cref="PassiveQuoteFillModel"/> decides that a resting limit order fills.</summary>
public enum PassiveFillMode
{
    /// <summary>
    /// Queue position: the order joins the back of the displayed queue at its price; trades at that price first
    /// consume the queue ahead, then fill the order (partially if they are smaller than it); a trade through the price
    /// fills the rest. See <see cref="QueuePosition"/>.
    /// </summary>
    QueuePosition,

    /// <summary>
    /// Intensity: market orders reaching depth δ from the mid arrive as a Poisson process of rate A·e^(−kδ), so the
    /// order fills completely within Δt with probability 1 − exp(−A·e^(−kδ)·Δt). See <see cref="IntensityFill"/>.
    /// </summary>
    Intensity,
}
