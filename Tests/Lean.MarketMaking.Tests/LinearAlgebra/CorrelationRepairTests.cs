using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.LinearAlgebra;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.LinearAlgebra;

[TestFixture]
public class CorrelationRepairTests
{
    // ρ = −0.9 for every pair of three assets: eigenvalue 1 − 1.8 = −0.8 on (1, 1, 1).
    private static readonly double[,] Indefinite = { { 1.0, -0.9, -0.9 }, { -0.9, 1.0, -0.9 }, { -0.9, -0.9, 1.0 } };

    [Test]
    public void RejectPolicyThrowsCorrelationMatrixNotPositiveDefinite()
    {
        var e = Assert.Throws<MarketMakingException>(() => CorrelationRepair.Correlation(Indefinite, NonPositiveDefinitePolicy.Reject))!;
        Assert.That(e.Kind, Is.EqualTo(MarketMakingErrorKind.CorrelationMatrixNotPositiveDefinite));
    }

    [Test]
    public void RepairPolicyReturnsTheNearestPositiveDefiniteCorrelationAndTheDistanceMoved()
    {
        var r = CorrelationRepair.Correlation(Indefinite, NonPositiveDefinitePolicy.Repair);
        Assert.That(r.WasRepaired, Is.True);

        // by symmetry the nearest correlation with eigenvalues ≥ δ = 1e-8 is ρ' = (δ − 1)/2 off the diagonal, so the
        // distance is √6·|ρ' + 0.9| = √6·(0.4 + δ/2)
        var rho = (1e-8 - 1) / 2;
        Assert.That(r.Matrix[0, 1], Is.EqualTo(rho).Within(1e-9));
        Assert.That(r.FrobeniusDistance, Is.EqualTo(Math.Sqrt(6) * (0.4 + 0.5e-8)).Within(1e-9));
    }

    [Test]
    public void AValidMatrixPassesUnchangedUnderEitherPolicy()
    {
        var valid = new[,] { { 1.0, 0.3 }, { 0.3, 1.0 } };
        foreach (var policy in new[] { NonPositiveDefinitePolicy.Reject, NonPositiveDefinitePolicy.Repair })
        {
            var r = CorrelationRepair.Correlation(valid, policy);
            Assert.That(r.WasRepaired, Is.False);
            Assert.That(r.FrobeniusDistance, Is.EqualTo(0));
            Assert.That(r.Matrix[0, 1], Is.EqualTo(0.3));
        }
    }

    [Test]
    public void CovarianceRepairKeepsTheVariancesAndRepairsTheCorrelation()
    {
        var sigma = new[] { 2.0, 0.5, 3.0 };
        var covariance = new double[3, 3];
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                covariance[i, j] = sigma[i] * sigma[j] * Indefinite[i, j];
            }
        }

        Assert.That(Assert.Throws<MarketMakingException>(() => CorrelationRepair.Covariance(covariance, NonPositiveDefinitePolicy.Reject))!.ParameterName,
            Is.EqualTo("covariance"));
        var r = CorrelationRepair.Covariance(covariance, NonPositiveDefinitePolicy.Repair);
        Assert.That(r.WasRepaired, Is.True);
        var squares = 0.0;
        for (var i = 0; i < 3; i++)
        {
            Assert.That(r[i, i], Is.EqualTo(covariance[i, i]), "variances kept");
            for (var j = 0; j < 3; j++)
            {
                Assert.That(r[i, j], Is.EqualTo(sigma[i] * sigma[j] * r.Correlation.Matrix[i, j]).Within(1e-15));
                squares += Math.Pow(covariance[i, j] - r[i, j], 2);
            }
        }

        Assert.That(r.FrobeniusDistance, Is.EqualTo(Math.Sqrt(squares)).Within(1e-12));
        Assert.That(NearestCorrelationMatrixTests.MinEigenvalue(r.ToArray()), Is.GreaterThan(0));
    }

    [Test]
    public void BrokenInputsAreNeverRepaired()
    {
        Assert.That(Assert.Throws<MarketMakingException>(() => CorrelationRepair.Covariance(new[,] { { 0.0, 0.0 }, { 0.0, 1.0 } }, NonPositiveDefinitePolicy.Repair))!.Kind,
            Is.EqualTo(MarketMakingErrorKind.CorrelationMatrixNotPositiveDefinite), "a zero variance has no correlation to repair");
        Assert.That(Assert.Throws<MarketMakingException>(() => CorrelationRepair.Covariance(new[,] { { 1.0, double.NaN }, { double.NaN, 1.0 } }, NonPositiveDefinitePolicy.Repair))!.Kind,
            Is.EqualTo(MarketMakingErrorKind.InvalidParameters));
        Assert.That(Assert.Throws<MarketMakingException>(() => CorrelationRepair.Correlation(Indefinite, NonPositiveDefinitePolicy.Repair, NearestCorrelationSettings.Default))!.ParameterName,
            Is.EqualTo("settings"), "a repair with δ = 0 could be singular");
    }
}
