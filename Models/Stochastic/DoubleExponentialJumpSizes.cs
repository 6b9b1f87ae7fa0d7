using System;
using Lean.MarketMaking.Models.Errors;
using MathNet.Numerics.Distributions;

namespace Lean.MarketMaking.Models.Stochastic;

/// <summary>
/// Asymmetric double-exponential jump sizes (Kou 2002, "A jump-diffusion model for option pricing", Management Science
/// 48(8)): Y = +Exp(η⁺) with probability p, −Exp(η⁻) otherwise — the up/down jump model of Cartea, Jaimungal &amp;
/// Penalva (2015, §10.4) and the shape <see cref="Estimation.Jumps.JumpSummary"/> estimates.
/// </summary>
public sealed class DoubleExponentialJumpSizes : IJumpSizeDistribution
{
    /// <summary>Creates the law.</summary>
    /// <param name="probabilityUp">p ∈ [0, 1].</param>
    /// <param name="upRate">η⁺ &gt; 0, per unit of size (mean up jump 1/η⁺).</param>
    /// <param name="downRate">η⁻ &gt; 0, per unit of size (mean absolute down jump 1/η⁻).</param>
    public DoubleExponentialJumpSizes(double probabilityUp, double upRate, double downRate)
    {
        ProbabilityUp = Guard.InRange(probabilityUp, 0, 1, nameof(probabilityUp));
        UpRate = Guard.Positive(upRate, nameof(upRate));
        DownRate = Guard.Positive(downRate, nameof(downRate));
    }

    /// <summary>Probability p that a jump is up.</summary>
    public double ProbabilityUp { get; }

    /// <summary>Rate η⁺ of the up sizes.</summary>
    public double UpRate { get; }

    /// <summary>Rate η⁻ of the absolute down sizes.</summary>
    public double DownRate { get; }

    /// <inheritdoc />
    public double Mean => ProbabilityUp / UpRate - (1 - ProbabilityUp) / DownRate;

    /// <inheritdoc />
    public double SecondMoment => 2 * ProbabilityUp / (UpRate * UpRate) + 2 * (1 - ProbabilityUp) / (DownRate * DownRate);

    /// <inheritdoc />
    public double Sample(Random random) => random.NextDouble() < ProbabilityUp
        ? Exponential.Sample(random, UpRate)
        : -Exponential.Sample(random, DownRate);
}
