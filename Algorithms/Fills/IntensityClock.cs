namespace Lean.MarketMaking.Algorithms.Fills;

/// <summary>What the intensity rule of <see cref="IntensityFill"/> counts its exposure in.</summary>
public enum IntensityClock
{
    /// <summary>
    /// Open-market seconds in steps whose opposite flow reached the quote: λ(δ) = A·e^(−kδ) per second, A per second
    /// (the rule as Avellaneda &amp; Stoikov state it). A quote at the touch fills at rate A whatever trades there.
    /// </summary>
    MarketSeconds,

    /// <summary>
    /// Depletions of the quote's own side of the book that reach the quote: an evaluation at which the own-side best
    /// (the bid for a resting buy) has moved away from the opposite side or kept its price with less displayed size, and
    /// is at or behind the quote. λ(δ) = A·e^(−kδ) per depletion, A per depletion: the order flow that fills a resting
    /// buy is the sell flow that depletes the bid queue (Cont &amp; de Larrard), seen in quotes alone.
    /// </summary>
    Depletions,
}
