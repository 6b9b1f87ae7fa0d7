using System;
using System.Collections.Generic;
using Lean.MarketMaking.Models.Numerics;
using MathNet.Numerics;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Numerics;

[TestFixture]
public class Log1PTests
{
    /// <summary>Magnitudes 1e-300 … 1e3, log-uniform; half of them negated and capped at −0.999.</summary>
    private static IEnumerable<double> Arguments(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 100_000; i++)
        {
            var magnitude = Math.Pow(10, -300 + 303 * random.NextDouble());
            yield return random.NextDouble() < 0.5 ? -0.999 * Math.Min(magnitude, 1) : magnitude;
        }
    }

    [Test]
    public void AgreesWithMathNetToAFewUlpsFromTinyToLargeArguments()
    {
        // Magnitudes 1e-300 … 1e3 (negative ones down to −0.999): Goldberg's bound is a few ulps; allow 4e-15 relative.
        foreach (var x in Arguments(seed: 1))
        {
            var expected = SpecialFunctions.Log1p(x);
            Assert.That(Log1P.Of(x), Is.EqualTo(expected).Within(4e-15 * Math.Abs(expected)), $"x = {x:R}");
        }
    }

    [Test]
    public void IsExactAtZeroAndKnownPoints()
    {
        Assert.That(Log1P.Of(0), Is.EqualTo(0));
        Assert.That(Log1P.Of(1), Is.EqualTo(Math.Log(2)).Within(1e-16));
        Assert.That(Log1P.Of(1e-20), Is.EqualTo(1e-20));
    }

    [Test]
    public void OverXAgreesWithMathNetToAFewUlpsAndTendsToOne()
    {
        // Same arguments and bound as Of (4e-15 relative): ln(1 + x)/x loses nothing to the division by x.
        foreach (var x in Arguments(seed: 2))
        {
            var expected = SpecialFunctions.Log1p(x) / x;
            Assert.That(Log1P.OverX(x), Is.EqualTo(expected).Within(4e-15 * Math.Abs(expected)), $"x = {x:R}");
        }

        Assert.That(Log1P.OverX(0), Is.EqualTo(1));
        Assert.That(Log1P.OverX(1), Is.EqualTo(Math.Log(2)).Within(1e-16));
    }
}
