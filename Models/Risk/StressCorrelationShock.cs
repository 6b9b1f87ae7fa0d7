namespace Lean.MarketMaking.Models.Risk;

/// <summary>How a stress scenario breaks the correlations down.</summary>
public enum StressCorrelationShock
{
    /// <summary>Correlations unchanged.</summary>
    None,

    /// <summary>Every correlation to +1: all assets move together, in the direction that loses (sign of −Σ qᵢσᵢ).</summary>
    AllToOne,

    /// <summary>
    /// Every pair to ±1 against the book, ρᵢⱼ = sign(qᵢ)·sign(qⱼ): hedges stop hedging, every asset moves against its
    /// own position (−1 between a long and a short, +1 between two longs).
    /// </summary>
    AgainstTheBook,
}
