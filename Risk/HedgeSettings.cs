using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Risk;

/// <summary>
/// Settings of <see cref="MinimumVarianceHedgeRiskManagementModel"/>: the band the hedge ratio may drift in before the
/// hedge is traded back to the minimum-variance hedge, and how the covariance is sampled. Immutable and validated.
/// </summary>
public sealed record HedgeSettings
{
    /// <summary>Creates validated settings.</summary>
    /// <param name="relativeBand">
    /// b ≥ 0: hedge instrument k is re-hedged when |holdingₖ − h*ₖ| &gt; max(b·|h*ₖ|, one lot), i.e. when the hedge ratio
    /// holdingₖ/h*ₖ leaves [1 − b, 1 + b] by more than a lot.
    /// </param>
    /// <param name="sampling">How the returns' covariance is sampled.</param>
    /// <exception cref="MarketMakingException">InvalidParameters naming the bad argument.</exception>
    public HedgeSettings(double relativeBand, CovarianceSampling sampling)
    {
        RelativeBand = Guard.NonNegative(relativeBand, nameof(relativeBand));
        Sampling = sampling ?? throw Guard.Invalid(nameof(sampling), "must not be null");
    }

    /// <summary>b: the relative drift of the hedge ratio tolerated before re-hedging.</summary>
    public double RelativeBand { get; }

    /// <summary>How the returns' covariance is sampled.</summary>
    public CovarianceSampling Sampling { get; }
}
