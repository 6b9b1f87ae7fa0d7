namespace Lean.MarketMaking.Research.Data;

/// <summary>The LEAN data resolutions <see cref="LeanDataReader"/> reads (all stored as one zip file per day).</summary>
public enum LeanResolution
{
    /// <summary>Individual trades or quotes.</summary>
    Tick,

    /// <summary>One-second bars.</summary>
    Second,

    /// <summary>One-minute bars.</summary>
    Minute,
}
