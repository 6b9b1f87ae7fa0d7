using System;
using Lean.MarketMaking.Models.Errors;
using MathNet.Numerics.Distributions;

namespace Lean.MarketMaking.Models.Stochastic;

/// <summary>Gaussian jump sizes Y ~ N(m, s²) (Merton 1976, "Option pricing when underlying stock returns are discontinuous").</summary>
public sealed class NormalJumpSizes : IJumpSizeDistribution
{
    /// <summary>Creates the law.</summary>
    /// <param name="mean">m, in the units of the jumping quantity.</param>
    /// <param name="standardDeviation">s ≥ 0.</param>
    public NormalJumpSizes(double mean, double standardDeviation)
    {
        Mean = Guard.Finite(mean, nameof(mean));
        StandardDeviation = Guard.NonNegative(standardDeviation, nameof(standardDeviation));
    }

    /// <inheritdoc />
    public double Mean { get; }

    /// <summary>Standard deviation s.</summary>
    public double StandardDeviation { get; }

    /// <inheritdoc />
    public double SecondMoment => Mean * Mean + StandardDeviation * StandardDeviation;

    /// <inheritdoc />
    public double Sample(Random random) => Normal.Sample(random, Mean, StandardDeviation);
}
