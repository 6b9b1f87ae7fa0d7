namespace Lean.MarketMaking.Models.Simulation;

/// <summary>What <see cref="SyntheticMarketStream.TryDequeue"/> returned.</summary>
public enum SyntheticMarketEventKind
{
    /// <summary>Nothing is due yet.</summary>
    None,

    /// <summary>A top-of-book update.</summary>
    Quote,

    /// <summary>A market order's execution.</summary>
    Trade,
}
