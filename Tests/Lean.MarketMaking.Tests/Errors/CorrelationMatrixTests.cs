using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.LinearAlgebra;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Errors;

[TestFixture]
public class CorrelationMatrixTests
{
    [Test]
    public void AcceptsAValidCorrelation()
    {
        var c = new CorrelationMatrix(new[,] { { 1.0, 0.5 }, { 0.5, 1.0 } });
        Assert.That(c.Dimension, Is.EqualTo(2));
        Assert.That(c[0, 1], Is.EqualTo(0.5));
    }

    [Test]
    public void RejectsAnIndefiniteMatrix()
    {
        // Pairwise-valid correlations that no three random variables can have: ρ = −0.9 for every pair gives the
        // eigenvalue 1 + 2·(−0.9) = −0.8 on the eigenvector (1, 1, 1).
        var m = new[,] { { 1.0, -0.9, -0.9 }, { -0.9, 1.0, -0.9 }, { -0.9, -0.9, 1.0 } };
        var e = Assert.Throws<MarketMakingException>(() => _ = new CorrelationMatrix(m))!;
        Assert.That(e.Kind, Is.EqualTo(MarketMakingErrorKind.CorrelationMatrixNotPositiveDefinite));
        Assert.That(e.ParameterName, Is.EqualTo("values"), "the constructor's parameter, as for a NaN entry");
    }

    [Test]
    public void RejectsAsymmetryAndNaN()
    {
        Assert.That(
            Assert.Throws<MarketMakingException>(() => _ = new CorrelationMatrix(new[,] { { 1.0, 0.2 }, { 0.3, 1.0 } }))!.Kind,
            Is.EqualTo(MarketMakingErrorKind.CorrelationMatrixNotPositiveDefinite));
        var nan = Assert.Throws<MarketMakingException>(() => _ = new CorrelationMatrix(new[,] { { 1.0, double.NaN }, { double.NaN, 1.0 } }))!;
        Assert.That(nan.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidParameters));
        Assert.That(nan.ParameterName, Is.EqualTo("values[0,1]"));
    }

    [Test]
    public void OutOfRangeIndexIsANamedErrorNotIndexOutOfRange()
    {
        var c = CorrelationMatrix.Identity(2);
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = c[2, 0])!.ParameterName, Is.EqualTo("i"));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = c[0, -1])!.ParameterName, Is.EqualTo("j"));
    }

    [Test]
    public void CopiesItsInput()
    {
        var m = new[,] { { 1.0, 0.1 }, { 0.1, 1.0 } };
        var c = new CorrelationMatrix(m);
        m[0, 1] = 0.9;
        Assert.That(c[0, 1], Is.EqualTo(0.1));
    }
}
