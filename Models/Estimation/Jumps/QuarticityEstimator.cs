namespace Lean.MarketMaking.Models.Estimation.Jumps;

/// <summary>Jump-robust estimator of the integrated quarticity used in the <see cref="BnsJumpTest"/> variance.</summary>
public enum QuarticityEstimator
{
    /// <summary>Realised tripower quarticity n·μ₄/₃⁻³·(n/(n−2))·Σ|rᵢ|^{4/3}|rᵢ₋₁|^{4/3}|rᵢ₋₂|^{4/3}.</summary>
    Tripower,

    /// <summary>Realised quadpower quarticity n·μ₁⁻⁴·(n/(n−3))·Σ|rᵢ||rᵢ₋₁||rᵢ₋₂||rᵢ₋₃|.</summary>
    Quadpower,
}
