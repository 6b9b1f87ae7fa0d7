namespace Lean.MarketMaking.Models.Estimation.Jumps;

/// <summary>A return flagged as a jump.</summary>
/// <param name="ReturnIndex">Index i of the return rᵢ = ln(Pᵢ₊₁/Pᵢ) between observations i and i+1 (0-based).</param>
/// <param name="TimeSeconds">Time of the observation that ends the return, in seconds.</param>
/// <param name="LogReturn">The log-return rᵢ (signed; dimensionless).</param>
/// <param name="PriceChange">The price change Pᵢ₊₁ − Pᵢ, in price units.</param>
/// <param name="Statistic">The test statistic Lᵢ = rᵢ/σ̂ᵢ (signed).</param>
public readonly record struct DetectedJump(int ReturnIndex, double TimeSeconds, double LogReturn, double PriceChange, double Statistic);
