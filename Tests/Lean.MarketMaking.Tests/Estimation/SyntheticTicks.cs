using System;
using Lean.MarketMaking.Models.Estimation;
using MathNet.Numerics.Distributions;

namespace Lean.MarketMaking.Tests.Estimation;

/// <summary>Seeded (time, price) series with known integrated variance, noise and jumps for estimator tests.</summary>
internal static class SyntheticTicks
{
    /// <summary>
    /// Observations of P = P₀·exp(X + ε) on a regular grid: X a Brownian motion with the given variance per second
    /// (zero drift) plus the jumps <paramref name="jumps"/>[i] added to return i, and ε i.i.d. N(0, noiseStd²).
    /// </summary>
    public static PriceObservation[] Generate(
        Random rng, int returns, double dtSeconds, double variancePerSecond,
        double noiseStd = 0, double[]? jumps = null, double startSeconds = 0, double initialPrice = 100)
    {
        var result = new PriceObservation[returns + 1];
        var sd = Math.Sqrt(variancePerSecond * dtSeconds);
        var x = 0.0;
        for (var i = 0; i <= returns; i++)
        {
            if (i > 0)
            {
                x += sd * Normal.Sample(rng, 0, 1) + (jumps?[i - 1] ?? 0);
            }

            var noise = noiseStd > 0 ? noiseStd * Normal.Sample(rng, 0, 1) : 0;
            result[i] = new PriceObservation(startSeconds + i * dtSeconds, initialPrice * Math.Exp(x + noise));
        }

        return result;
    }
}
