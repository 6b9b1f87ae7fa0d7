using Lean.MarketMaking.Models.Errors;
using MathNet.Numerics.Distributions;

namespace Lean.MarketMaking.Models.Risk;

/// <summary>
/// What a value-at-risk figure is of: confidence level α ∈ (0, 1) and horizon in periods of the return history (h ≥ 1).
/// Immutable and validated.
/// </summary>
public sealed record ValueAtRiskParameters
{
    /// <summary>Creates validated parameters.</summary>
    /// <param name="confidence">α ∈ (0, 1), e.g. 0.99.</param>
    /// <param name="horizonPeriods">h ≥ 1, the P&amp;L horizon in periods of the return history.</param>
    /// <exception cref="MarketMakingException">InvalidParameters naming the bad argument.</exception>
    public ValueAtRiskParameters(double confidence, int horizonPeriods = 1)
    {
        Guard.Finite(confidence, nameof(confidence));
        if (!(confidence > 0 && confidence < 1))
        {
            throw Guard.Invalid(nameof(confidence), $"must be in (0, 1), got {confidence}");
        }

        Confidence = confidence;
        HorizonPeriods = Guard.Positive(horizonPeriods, nameof(horizonPeriods));
        NormalQuantile = Normal.InvCDF(0, 1, confidence);
    }

    /// <summary>Confidence level α.</summary>
    public double Confidence { get; }

    /// <summary>Horizon h in periods.</summary>
    public int HorizonPeriods { get; }

    /// <summary>Tail probability 1 − α.</summary>
    public double TailProbability => 1 - Confidence;

    /// <summary>z_α = Φ⁻¹(α), the standard normal α-quantile (2.3263478740 at 99 %).</summary>
    public double NormalQuantile { get; }
}
