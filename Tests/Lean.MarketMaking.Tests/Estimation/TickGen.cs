using System;
using FsCheck;
using FsCheck.Fluent;
using Lean.MarketMaking.Models.Estimation;
using MathNet.Numerics.Distributions;

namespace Lean.MarketMaking.Tests.Estimation;

/// <summary>FsCheck generators of valid irregular tick series for estimator properties.</summary>
internal static class TickGen
{
    /// <summary>A seeded irregular series: times step by multiples of 0.25 s (exact in binary), log-price a random walk.</summary>
    public static PriceObservation[] Series(int seed, int count, double volatility = 1e-3)
    {
        var rng = new Random(seed);
        var ticks = new PriceObservation[count];
        double t = 0, x = Math.Log(50 + rng.Next(100));
        for (var i = 0; i < count; i++)
        {
            ticks[i] = new PriceObservation(t, Math.Exp(x));
            t += rng.Next(1, 9) / 4.0;
            x += volatility * Normal.Sample(rng, 0, 1);
        }

        return ticks;
    }

    /// <summary>(seed, length, time shift in whole seconds, price scale).</summary>
    public static Arbitrary<(int Seed, int Count, double Shift, double Scale)> Cases(int minCount, int maxCount) =>
        (from seed in Gen.Choose(0, 1_000_000)
         from count in Gen.Choose(minCount, maxCount)
         from shift in Gen.Choose(-1_000_000, 1_000_000)
         from scale in Gen.Choose(1, 100_000)
         select (seed, count, (double)shift, scale / 1000.0)).ToArbitrary();

    /// <summary>The series with every time shifted by <paramref name="shift"/> and every price multiplied by <paramref name="scale"/>.</summary>
    public static PriceObservation[] Transform(PriceObservation[] ticks, double shift, double scale) =>
        Array.ConvertAll(ticks, o => new PriceObservation(o.TimeSeconds + shift, o.Price * scale));

    /// <summary>|a − b| ≤ tolerance·max(|a|, |b|, tiny).</summary>
    public static bool Close(double a, double b, double tolerance = 1e-9) =>
        Math.Abs(a - b) <= tolerance * Math.Max(Math.Max(Math.Abs(a), Math.Abs(b)), 1e-300);
}
