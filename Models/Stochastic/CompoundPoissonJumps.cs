using System;
using Lean.MarketMaking.Models.Errors;
using MathNet.Numerics.Distributions;

namespace Lean.MarketMaking.Models.Stochastic;

/// <summary>
/// A compensated compound Poisson process J̃_t = Σ_{k ≤ N_t} Y_k − λE[Y]t with arrival rate λ and jump sizes Y: a
/// martingale with variance λE[Y²]t (Cont &amp; Tankov 2004, "Financial modelling with jump processes", §2.5–2.6).
/// </summary>
public sealed class CompoundPoissonJumps
{
    /// <summary>Creates the process.</summary>
    /// <param name="intensity">λ ≥ 0, jumps per time unit.</param>
    /// <param name="sizes">Law of the jump sizes.</param>
    public CompoundPoissonJumps(double intensity, IJumpSizeDistribution sizes)
    {
        Intensity = Guard.NonNegative(intensity, nameof(intensity));
        Sizes = sizes ?? throw new ArgumentNullException(nameof(sizes));
    }

    /// <summary>Arrival rate λ per time unit.</summary>
    public double Intensity { get; }

    /// <summary>Law of the jump sizes.</summary>
    public IJumpSizeDistribution Sizes { get; }

    /// <summary>Draws the compensated increment Σ_{k ≤ ΔN} Y_k − λE[Y]dt over a step dt.</summary>
    /// <param name="random">Source of randomness.</param>
    /// <param name="dt">Step length &gt; 0, time units.</param>
    public double SampleCompensatedIncrement(Random random, double dt)
    {
        ArgumentNullException.ThrowIfNull(random);
        Guard.Positive(dt, nameof(dt));
        var count = Intensity > 0 ? Poisson.Sample(random, Intensity * dt) : 0;
        var sum = 0.0;
        for (var k = 0; k < count; k++)
        {
            sum += Sizes.Sample(random);
        }

        return sum - Intensity * Sizes.Mean * dt;
    }
}
