using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Risk;

namespace Lean.MarketMaking.Risk;

/// <summary>
/// Settings of <see cref="ValueAtRiskLimitRiskManagementModel"/>: a soft, a hard and a reduce limit on the parametric
/// value at risk of the inventory (account currency, soft &lt; hard ≤ reduce), the VaR's confidence and horizon (in
/// sampling intervals) and how the covariance is sampled. Immutable and validated.
/// </summary>
public sealed record ValueAtRiskLimits
{
    /// <summary>Creates validated limits.</summary>
    /// <param name="softLimit">VaR above which the risk-increasing quote sizes shrink, currency (&gt; 0).</param>
    /// <param name="hardLimit">VaR at which only risk-reducing sides are quoted, currency (&gt; softLimit).</param>
    /// <param name="reduceLimit">VaR beyond which the positions are cut back to the hard limit, currency (≥ hardLimit).</param>
    /// <param name="valueAtRisk">Confidence and horizon (in sampling intervals).</param>
    /// <param name="sampling">How the returns' covariance is sampled.</param>
    /// <exception cref="MarketMakingException">InvalidParameters naming the bad argument.</exception>
    public ValueAtRiskLimits(double softLimit, double hardLimit, double reduceLimit, ValueAtRiskParameters valueAtRisk, CovarianceSampling sampling)
    {
        Guard.Positive(softLimit, nameof(softLimit));
        Guard.Finite(hardLimit, nameof(hardLimit));
        Guard.Finite(reduceLimit, nameof(reduceLimit));
        if (!(hardLimit > softLimit))
        {
            throw Guard.Invalid(nameof(hardLimit), $"must be > softLimit ({softLimit}), got {hardLimit}");
        }

        if (!(reduceLimit >= hardLimit))
        {
            throw Guard.Invalid(nameof(reduceLimit), $"must be >= hardLimit ({hardLimit}), got {reduceLimit}");
        }

        if (!(valueAtRisk?.Confidence > 0.5))
        {
            throw Guard.Invalid(nameof(valueAtRisk), "must be given, with a confidence above 0.5");
        }

        SoftLimit = softLimit;
        HardLimit = hardLimit;
        ReduceLimit = reduceLimit;
        ValueAtRisk = valueAtRisk;
        Sampling = sampling ?? throw Guard.Invalid(nameof(sampling), "must not be null");
    }

    /// <summary>VaR above which the risk-increasing quote sizes shrink linearly, reaching 0 at <see cref="HardLimit"/>; currency.</summary>
    public double SoftLimit { get; }

    /// <summary>The VaR limit: at and above it only risk-reducing sides are quoted; utilisation is VaR / HardLimit; currency.</summary>
    public double HardLimit { get; }

    /// <summary>VaR beyond which every position is scaled back to VaR = <see cref="HardLimit"/>; currency.</summary>
    public double ReduceLimit { get; }

    /// <summary>Confidence and horizon of the VaR (the horizon in sampling intervals).</summary>
    public ValueAtRiskParameters ValueAtRisk { get; }

    /// <summary>How the returns' covariance is sampled.</summary>
    public CovarianceSampling Sampling { get; }

    /// <summary>
    /// The factor of a risk-increasing quote size at <paramref name="valueAtRisk"/>: 1 up to the soft limit, falling
    /// linearly to 0 at the hard limit, 0 beyond.
    /// </summary>
    /// <param name="valueAtRisk">Current VaR, currency.</param>
    public double SizeFactor(double valueAtRisk) =>
        valueAtRisk <= SoftLimit ? 1.0
        : valueAtRisk >= HardLimit ? 0.0
        : (HardLimit - valueAtRisk) / (HardLimit - SoftLimit);
}
