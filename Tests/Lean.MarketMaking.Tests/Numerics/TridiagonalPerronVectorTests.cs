using System;
using System.Linq;
using Lean.MarketMaking.Models.Numerics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Numerics;

[TestFixture]
public class TridiagonalPerronVectorTests
{
    [TestCase(0.7, 0.7)]
    [TestCase(1.5, 0.3)]
    public void MatchesMathNetsEigenvectorOnAWellConditionedMatrix(double upper, double lower)
    {
        // 9 states, entries of the Perron vector within a factor ~1e3 of each other: MathNet's unsymmetric eigenvector
        // is then good to ~1e-13 relative in every entry, so the log-ratios agree to 1e-11.
        const int n = 9;
        var diagonal = Enumerable.Range(0, n).Select(i => -0.2 * (i - 3) * (i - 3)).ToArray();
        var g = DenseExponentialReference.Generator(diagonal, upper, lower);
        var evd = g.Evd(Symmetricity.Asymmetric);
        var k = Enumerable.Range(0, n).MaxBy(j => evd.EigenValues[j].Real);
        var f = evd.EigenVectors.Column(k);
        var peak = Enumerable.Range(0, n).MaxBy(i => Math.Abs(f[i]));
        var logs = TridiagonalPerronVector.Logs(diagonal, upper, lower, evd.EigenValues[k].Real, peak);
        for (var i = 0; i < n; i++)
        {
            Assert.That(logs[i] - logs[peak], Is.EqualTo(Math.Log(f[i] / f[peak])).Within(1e-11), $"entry {i}");
        }
    }

    [Test]
    public void ThrowsWhenTheRootIsNotThePerronRoot()
    {
        // Below the Perron root some denominator turns non-positive: the recursion refuses instead of returning garbage.
        var e = Assert.Throws<Lean.MarketMaking.Models.Errors.MarketMakingException>(
            () => TridiagonalPerronVector.Logs([-1.0, 0.0, -1.0], 1, 1, -2, 1))!;
        Assert.That(e.Kind, Is.EqualTo(Lean.MarketMaking.Models.Errors.MarketMakingErrorKind.NumericalInstability));
    }
}
