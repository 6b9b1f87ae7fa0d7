using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Risk;

/// <summary>
/// Portfolio risk figures at one instant, in the account currency: value at risk and expected shortfall of the
/// mark-to-market P&amp;L over a horizon at a confidence level, and the gross and net exposure they were computed on.
/// Immutable and validated; the risk layer produces it and <see cref="State.MarketMakingState"/> carries it.
/// </summary>
public sealed record RiskMetrics
{
    /// <summary>Creates validated risk metrics.</summary>
    /// <param name="valueAtRisk">Loss not exceeded with probability <paramref name="confidenceLevel"/> (≥ 0, currency).</param>
    /// <param name="expectedShortfall">Mean loss beyond the VaR (≥ VaR, currency).</param>
    /// <param name="confidenceLevel">Confidence level in (0, 1), e.g. 0.99.</param>
    /// <param name="horizonSeconds">P&amp;L horizon in seconds (&gt; 0).</param>
    /// <param name="grossExposure">Σ|position value| (≥ 0, currency).</param>
    /// <param name="netExposure">Σ position value (currency, signed).</param>
    public RiskMetrics(double valueAtRisk, double expectedShortfall, double confidenceLevel, double horizonSeconds, double grossExposure, double netExposure)
    {
        ValueAtRisk = Guard.NonNegative(valueAtRisk, nameof(valueAtRisk));
        ExpectedShortfall = Guard.NonNegative(expectedShortfall, nameof(expectedShortfall));
        if (expectedShortfall < valueAtRisk)
        {
            throw Guard.Invalid(nameof(expectedShortfall), $"must be >= valueAtRisk ({valueAtRisk}), got {expectedShortfall}");
        }

        ConfidenceLevel = Guard.Finite(confidenceLevel, nameof(confidenceLevel));
        if (!(confidenceLevel > 0 && confidenceLevel < 1))
        {
            throw Guard.Invalid(nameof(confidenceLevel), $"must be in (0, 1), got {confidenceLevel}");
        }

        HorizonSeconds = Guard.Positive(horizonSeconds, nameof(horizonSeconds));
        GrossExposure = Guard.NonNegative(grossExposure, nameof(grossExposure));
        NetExposure = Guard.Finite(netExposure, nameof(netExposure));
        if (System.Math.Abs(netExposure) > grossExposure * (1 + 1e-12))
        {
            throw Guard.Invalid(nameof(netExposure), $"|net| must be <= gross exposure ({grossExposure}), got {netExposure}");
        }
    }

    /// <summary>Value at risk, currency.</summary>
    public double ValueAtRisk { get; }

    /// <summary>Expected shortfall (conditional VaR), currency.</summary>
    public double ExpectedShortfall { get; }

    /// <summary>Confidence level in (0, 1).</summary>
    public double ConfidenceLevel { get; }

    /// <summary>P&amp;L horizon in seconds.</summary>
    public double HorizonSeconds { get; }

    /// <summary>Σ|position value|, currency.</summary>
    public double GrossExposure { get; }

    /// <summary>Σ position value, currency.</summary>
    public double NetExposure { get; }
}
