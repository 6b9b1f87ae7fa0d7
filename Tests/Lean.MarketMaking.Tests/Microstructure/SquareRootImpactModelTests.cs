using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Microstructure;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Microstructure;

[TestFixture]
public class SquareRootImpactModelTests
{
    // Y = 0.8, σ = 2.5 price units per day, V = 1,000,000 units per day
    private readonly SquareRootImpactModel _model = new(0.8, 2.5, 1_000_000);

    [Test]
    public void TemporaryImpactIsYSigmaSquareRootOfParticipation()
    {
        // Q = 10,000 = 1 % of V: I = 0.8·2.5·√0.01 = 0.2
        Assert.That(_model.TemporaryImpact(10_000), Is.EqualTo(0.2).Within(1e-15));
        Assert.That(_model.TemporaryImpact(-10_000), Is.EqualTo(0.2).Within(1e-15), "the size, not its sign");
        Assert.That(_model.TemporaryImpact(40_000), Is.EqualTo(2 * _model.TemporaryImpact(10_000)).Within(1e-15), "4× the size, 2× the impact");
        Assert.That(_model.TemporaryImpact(0), Is.EqualTo(0));
    }

    [Test]
    public void AverageImpactIsTheMeanOfTheMarginalConcessionsTwoThirdsOfTheLast()
    {
        // (1/Q)∫₀^Q I(x) dx by the midpoint rule against the closed form (2/3)·I(Q)
        const double q = 10_000;
        const int n = 100_000;
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += _model.TemporaryImpact((i + 0.5) * q / n);
        }

        Assert.That(_model.AverageImpact(q), Is.EqualTo(sum / n).Within(1e-8));
        Assert.That(_model.AverageImpact(q), Is.EqualTo(2.0 / 3.0 * 0.2).Within(1e-15));
    }

    [Test]
    public void AveragePriceMovesAgainstTheTrader()
    {
        Assert.That(_model.AveragePrice(100, 10_000), Is.EqualTo(100 + 2.0 / 3.0 * 0.2).Within(1e-12));
        Assert.That(_model.AveragePrice(100, -10_000), Is.EqualTo(100 - 2.0 / 3.0 * 0.2).Within(1e-12));
        Assert.That(_model.AveragePrice(100, 0), Is.EqualTo(100));
    }

    [Test]
    public void PermanentImpactIsTheFractionOfTheTemporaryDefaultFairPricing()
    {
        Assert.That(_model.PermanentFraction, Is.EqualTo(2.0 / 3.0));
        Assert.That(_model.PermanentImpact(10_000), Is.EqualTo(_model.AverageImpact(10_000)).Within(1e-15), "fair pricing: permanent = average cost");
        Assert.That(new SquareRootImpactModel(0.8, 2.5, 1_000_000, 0.25).PermanentImpact(10_000), Is.EqualTo(0.05).Within(1e-15));
    }

    [Test]
    public void QuantityWithinInvertsTheTemporaryImpact()
    {
        Assert.That(_model.QuantityWithin(0.2), Is.EqualTo(10_000).Within(1e-8));
        Assert.That(_model.TemporaryImpact(_model.QuantityWithin(0.37)), Is.EqualTo(0.37).Within(1e-12));
        Assert.That(_model.QuantityWithin(0), Is.EqualTo(0));
        Assert.That(_model.QuantityWithin(-1), Is.EqualTo(0));
    }

    [TestCase(0, 2.5, 1e6, 0.5, "impactCoefficient")]
    [TestCase(0.8, double.NaN, 1e6, 0.5, "volatilityOverHorizon")]
    [TestCase(0.8, 2.5, -1, 0.5, "volumeOverHorizon")]
    [TestCase(0.8, 2.5, 1e6, 1.5, "permanentFraction")]
    public void RejectsInvalidParameters(double y, double sigma, double volume, double fraction, string name)
    {
        var error = Assert.Throws<MarketMakingException>(() => new SquareRootImpactModel(y, sigma, volume, fraction))!;
        Assert.That((error.Kind, error.ParameterName), Is.EqualTo((MarketMakingErrorKind.InvalidParameters, name)));
    }
}
