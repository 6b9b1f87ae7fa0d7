namespace Lean.MarketMaking.Models.Estimation.Jumps;

/// <summary>The unit in which a <see cref="JumpSummary"/> measures jump sizes.</summary>
public enum JumpSizeUnit
{
    /// <summary>Absolute log-return |ln(Pᵢ₊₁/Pᵢ)| (dimensionless, ≈ relative price change).</summary>
    LogReturn,

    /// <summary>Absolute price change |Pᵢ₊₁ − Pᵢ| in price units (the Cartea–Jaimungal mid-price jump convention).</summary>
    Price,
}
