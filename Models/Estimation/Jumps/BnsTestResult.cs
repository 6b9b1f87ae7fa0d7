using Lean.MarketMaking.Models.Estimation.Volatility;

namespace Lean.MarketMaking.Models.Estimation.Jumps;

/// <summary>Result of <see cref="BnsJumpTest.Run"/>.</summary>
/// <param name="RealisedVariance">RV = Σ rᵢ², which includes the squared jumps.</param>
/// <param name="BipowerVariation">BV = μ₁⁻²·(n/(n − 1))·Σ |rᵢ||rᵢ₋₁| (Huang &amp; Tauchen's finite-sample form), robust to jumps.</param>
/// <param name="IntegratedQuarticity">Jump-robust estimate of T·∫σ⁴dt (dimensionless), tripower or quadpower.</param>
/// <param name="RelativeJump">(RV − BV)/RV, the share of the quadratic variation due to jumps (may be negative by chance).</param>
/// <param name="Statistic">z = (1 − BV/RV)/√(θ/n · max(1, Q/BV²)), asymptotically N(0, 1) without jumps.</param>
/// <param name="PValue">One-sided p-value 1 − Φ(z).</param>
/// <param name="CriticalValue">Φ⁻¹(1 − α).</param>
/// <param name="IsJump">Whether z exceeds the critical value: jumps are detected at level α.</param>
public sealed record BnsTestResult(
    VarianceEstimate RealisedVariance,
    VarianceEstimate BipowerVariation,
    double IntegratedQuarticity,
    double RelativeJump,
    double Statistic,
    double PValue,
    double CriticalValue,
    bool IsJump);
