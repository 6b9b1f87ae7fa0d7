using System;
using Lean.MarketMaking.Models.Quoting.AvellanedaStoikov;
using MathNet.Numerics;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Quoting.AvellanedaStoikov;

[TestFixture]
public class Log1PTests
{
    [Test]
    public void AgreesWithMathNetToAFewUlpsFromTinyToLargeArguments()
    {
        // Magnitudes 1e-300 … 1e3 (negative ones down to −0.999): Goldberg's bound is a few ulps; allow 4e-15 relative.
        var random = new Random(1);
        for (var i = 0; i < 100_000; i++)
        {
            var magnitude = Math.Pow(10, -300 + 303 * random.NextDouble());
            var x = random.NextDouble() < 0.5 ? -0.999 * Math.Min(magnitude, 1) : magnitude;
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
}
