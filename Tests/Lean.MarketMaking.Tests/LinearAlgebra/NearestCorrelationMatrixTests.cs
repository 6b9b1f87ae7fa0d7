using System;
using System.Linq;
using FsCheck;
using FsCheck.Fluent;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.LinearAlgebra;

[TestFixture]
public class NearestCorrelationMatrixTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(200);

    [Test]
    public void Higham2002ThreeByThreeExample()
    {
        // Higham (2002) §4: A = [1 1 0; 1 1 1; 0 1 1] (unit diagonal, eigenvalues 1 − √2, 1, 1 + √2); its nearest
        // correlation matrix (W = I) is printed to four decimals with off-diagonals 0.7607 and 0.1573.
        var a = new[,] { { 1.0, 1.0, 0.0 }, { 1.0, 1.0, 1.0 }, { 0.0, 1.0, 1.0 } };
        var x = NearestCorrelationMatrix.Compute(a);
        Assert.That(x[0, 1], Is.EqualTo(0.7607).Within(5e-5));
        Assert.That(x[1, 2], Is.EqualTo(0.7607).Within(5e-5));
        Assert.That(x[0, 2], Is.EqualTo(0.1573).Within(5e-5));
        Assert.That(x.MinimumEigenvalue, Is.EqualTo(0).Within(1e-9), "the nearest correlation matrix lies on the boundary of the PSD cone");
    }

    [Test]
    public void NagTridiagonalExample()
    {
        // A = tridiag(−1, 2, −1), n = 4 (the example of Higham's paper and of NAG's g02aa): nearest correlation matrix
        // printed to four decimals.
        var a = new[,] { { 2.0, -1.0, 0.0, 0.0 }, { -1.0, 2.0, -1.0, 0.0 }, { 0.0, -1.0, 2.0, -1.0 }, { 0.0, 0.0, -1.0, 2.0 } };
        var x = NearestCorrelationMatrix.Compute(a);
        var expected = new[,]
        {
            { 1.0, -0.8084, 0.1916, 0.1068 },
            { -0.8084, 1.0, -0.6562, 0.1916 },
            { 0.1916, -0.6562, 1.0, -0.8084 },
            { 0.1068, 0.1916, -0.8084, 1.0 },
        };
        for (var i = 0; i < 4; i++)
        {
            for (var j = 0; j < 4; j++)
            {
                Assert.That(x[i, j], Is.EqualTo(expected[i, j]).Within(5e-5), $"[{i},{j}]");
            }
        }
    }

    [Test]
    public void AgreesWithRMatrixNearPdAsRecordedByStatsmodels()
    {
        // statsmodels/stats/tests/test_corrpsd.py (TestCorrPSD1): R's Matrix::nearPD(pr, corr = TRUE, keepDiag = TRUE,
        // conv.tol = 1e-7) on this 6×6 "correlation" gives normF = 0.0743805226512533 and the matrix below; nearPD floors
        // the eigenvalues at 1e-8·λmax and runs without Dykstra's correction (doDykstra = FALSE), so its answer is a
        // feasible point near the exact nearest one, not the projection: ours is 0.0742932, 0.12 % closer, within the
        // 0.15 % statsmodels allows its own corr_nearest, and agrees entrywise to 1.5e-3 (statsmodels' decimal = 3).
        var a = Square(6, new[]
        {
            1, 0.477, 0.644, 0.478, 0.651, 0.826,
            0.477, 1, 0.516, 0.233, 0.682, 0.75,
            0.644, 0.516, 1, 0.599, 0.581, 0.742,
            0.478, 0.233, 0.599, 1, 0.741, 0.8,
            0.651, 0.682, 0.581, 0.741, 1, 0.798,
            0.826, 0.75, 0.742, 0.8, 0.798, 1,
        });
        var r = Square(6, new[]
        {
            1, 0.487968018215892, 0.642651880010906, 0.4906386709070835, 0.6440990530811909, 0.8087111845493985,
            0.487968018215892, 1, 0.5141147294352735, 0.2506688108312097, 0.672351311297074, 0.725832055882795,
            0.642651880010906, 0.5141147294352735, 1, 0.596827778712154, 0.5821917790519067, 0.7449631633814129,
            0.4906386709070835, 0.2506688108312097, 0.596827778712154, 1, 0.729882058012399, 0.772150225146826,
            0.6440990530811909, 0.672351311297074, 0.5821917790519067, 0.729882058012399, 1, 0.813191720191944,
            0.8087111845493985, 0.725832055882795, 0.7449631633814129, 0.772150225146826, 0.813191720191944, 1,
        });
        var x = NearestCorrelationMatrix.Compute(a);
        Assert.That(x.FrobeniusDistance, Is.EqualTo(0.0743805226512533).Within(0.15).Percent);
        Assert.That(x.FrobeniusDistance, Is.LessThanOrEqualTo(0.0743805226512533 + 1e-12), "the exact projection is never farther than R's feasible point");
        for (var i = 0; i < 6; i++)
        {
            for (var j = 0; j < 6; j++)
            {
                Assert.That(x[i, j], Is.EqualTo(r[i, j]).Within(1.5e-3), $"[{i},{j}]");
            }
        }
    }

    [Test]
    public void PositiveDefiniteSettingsKeepEigenvaluesAboveDelta()
    {
        var a = new[,] { { 1.0, -0.9, -0.9 }, { -0.9, 1.0, -0.9 }, { -0.9, -0.9, 1.0 } };
        var x = NearestCorrelationMatrix.Compute(a, new NearestCorrelationSettings(minimumEigenvalue: 1e-4));
        Assert.That(x.MinimumEigenvalue, Is.GreaterThanOrEqualTo(0.99e-4));
        Assert.DoesNotThrow(() => x.ToCorrelationMatrix());

        // by symmetry the answer is ρ·(11ᵀ − I) + I with the eigenvalue 1 + 2ρ on (1,1,1) equal to δ: ρ = (δ − 1)/2
        Assert.That(x[0, 1], Is.EqualTo((1e-4 - 1) / 2).Within(1e-8));
    }

    [Test]
    public void RejectsBadInputAndReportsNonConvergence()
    {
        Assert.That(Assert.Throws<MarketMakingException>(() => NearestCorrelationMatrix.Compute(new double[2, 3]))!.Kind,
            Is.EqualTo(MarketMakingErrorKind.InvalidParameters));
        Assert.That(Assert.Throws<MarketMakingException>(() => NearestCorrelationMatrix.Compute(new[,] { { 1.0, double.NaN }, { 0.0, 1.0 } }))!.ParameterName,
            Is.EqualTo("matrix[0,1]"));
        var hard = new[,] { { 1.0, 1.0, 0.0 }, { 1.0, 1.0, 1.0 }, { 0.0, 1.0, 1.0 } };
        Assert.That(Assert.Throws<MarketMakingException>(() => NearestCorrelationMatrix.Compute(hard, new NearestCorrelationSettings(maxIterations: 2)))!.Kind,
            Is.EqualTo(MarketMakingErrorKind.ModelConvergenceFailed));
    }

    [Test]
    public void AndersonAccelerationReachesThePlainAnswerInFewerIterations()
    {
        // Higham & Strabić (2016): AA(2) of the alternating projections converges to the same nearest correlation matrix
        // in several times fewer iterations. The examples above, plus the n = 50 benchmark's indefinite one-factor estimate.
        var examples = new (double[,] A, double Delta)[]
        {
            (new[,] { { 1.0, 1.0, 0.0 }, { 1.0, 1.0, 1.0 }, { 0.0, 1.0, 1.0 } }, 0.0),
            (new[,] { { 2.0, -1.0, 0.0, 0.0 }, { -1.0, 2.0, -1.0, 0.0 }, { 0.0, -1.0, 2.0, -1.0 }, { 0.0, 0.0, -1.0, 2.0 } }, 0.0),
            (new[,] { { 1.0, -0.9, -0.9 }, { -0.9, 1.0, -0.9 }, { -0.9, -0.9, 1.0 } }, 1e-4),
            (OneFactorEstimate(50, 2002), 0.0),
            (OneFactorEstimate(50, 2002), 1e-8),
        };
        foreach (var (a, delta) in examples)
        {
            var plain = NearestCorrelationMatrix.Compute(a, new NearestCorrelationSettings(minimumEigenvalue: delta, andersonHistory: 0));
            var accelerated = NearestCorrelationMatrix.Compute(a, new NearestCorrelationSettings(minimumEigenvalue: delta));
            TestContext.Out.WriteLine($"n={plain.Dimension} delta={delta}: {plain.Iterations} -> {accelerated.Iterations}, max diff {MaxDifference(plain.ToArray(), accelerated.ToArray()):E2}, distance {plain.FrobeniusDistance:R} vs {accelerated.FrobeniusDistance:R}");
            Assert.That(accelerated.Iterations, Is.LessThan(plain.Iterations), $"n = {plain.Dimension}, δ = {delta}");
            Assert.That(MaxDifference(plain.ToArray(), accelerated.ToArray()), Is.LessThan(1e-8), $"n = {plain.Dimension}, δ = {delta}");
            Assert.That(accelerated.FrobeniusDistance, Is.EqualTo(plain.FrobeniusDistance).Within(1e-9));
            Assert.That(accelerated.MinimumEigenvalue, Is.GreaterThanOrEqualTo(delta * (1 - 1e-6)).Or.EqualTo(delta).Within(1e-12));
        }
    }

    [Test]
    public void AValidCorrelationMatrixIsReturnedAsIsWithoutIterating()
    {
        var c = Normalised(5, Enumerable.Range(0, 25).Select(i => Math.Sin(i + 1.0)).ToArray());
        var x = NearestCorrelationMatrix.Compute(c);
        Assert.That(x.Iterations, Is.EqualTo(0));
        Assert.That(x.ToArray(), Is.EqualTo(c));
        Assert.That(x.MinimumEigenvalue, Is.EqualTo(MinEigenvalue(c)).Within(1e-12));

        // below the floor δ it is not valid: it iterates
        var floored = NearestCorrelationMatrix.Compute(c, new NearestCorrelationSettings(minimumEigenvalue: MinEigenvalue(c) + 0.01));
        Assert.That(floored.Iterations, Is.GreaterThan(0));
    }

    [Test]
    public void RejectsANegativeAndersonHistory() =>
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new NearestCorrelationSettings(andersonHistory: -1))!.ParameterName,
            Is.EqualTo("andersonHistory"));

    // ---- properties ----

    private static Gen<double> Uniform(double lo, double hi) => Gen.Choose(0, 10_000).Select(i => lo + ((hi - lo) * i / 10_000.0));

    /// <summary>A symmetric "estimated correlation": unit diagonal, off-diagonals uniform in [−1, 1] (often indefinite).</summary>
    private static Gen<double[,]> Pseudo() =>
        from n in Gen.Choose(2, 8)
        from v in Uniform(-1, 1).ArrayOf(n * n)
        select Symmetric(n, v, unitDiagonal: true);

    /// <summary>A valid positive definite correlation matrix: normalised L·Lᵀ + 0.05·I.</summary>
    private static Gen<double[,]> Valid(int n) => Uniform(-1, 1).ArrayOf(n * n).Select(l => Normalised(n, l));

    [Test]
    public void RepairedMatrixIsASemiDefiniteCorrelationMatrix() =>
        Prop.ForAll(Pseudo().ToArbitrary(), a =>
        {
            var x = NearestCorrelationMatrix.Compute(a);
            var n = x.Dimension;
            for (var i = 0; i < n; i++)
            {
                Assert.That(x[i, i], Is.EqualTo(1.0));
                for (var j = 0; j < n; j++)
                {
                    Assert.That(x[i, j], Is.EqualTo(x[j, i]));
                }
            }

            Assert.That(MinEigenvalue(x.ToArray()), Is.GreaterThanOrEqualTo(-1e-12));
            var pd = NearestCorrelationMatrix.Compute(a, NearestCorrelationSettings.PositiveDefinite);
            Assert.DoesNotThrow(() => pd.ToCorrelationMatrix(), "δ > 0 gives a matrix that passes the Cholesky check");
        }).Check(Runs);

    [Test]
    public void IdempotentOnValidCorrelationMatrices() =>
        Prop.ForAll(Gen.Choose(1, 8).SelectMany(Valid).ToArbitrary(), c =>
        {
            var x = NearestCorrelationMatrix.Compute(c);
            Assert.That(x.FrobeniusDistance, Is.LessThan(1e-12));
            var again = NearestCorrelationMatrix.Compute(x.ToArray());
            Assert.That(again.FrobeniusDistance, Is.LessThan(1e-9));
        }).Check(Runs);

    [Test]
    public void NoOtherCorrelationMatrixTriedIsCloser() =>
        Prop.ForAll(
            (from a in Pseudo()
             from others in Valid(a.GetLength(0)).ArrayOf(5)
             select (a, others)).ToArbitrary(),
            t =>
            {
                var (a, others) = t;
                var x = NearestCorrelationMatrix.Compute(a, new NearestCorrelationSettings(tolerance: 1e-12));
                var xs = x.ToArray();
                var candidates = others.Append(Identity(a.GetLength(0))).Append(Clipped(a)).ToArray();
                foreach (var c in candidates)
                {
                    Assert.That(x.FrobeniusDistance, Is.LessThanOrEqualTo(Frobenius(a, c) + 1e-9));

                    // the projection's variational inequality ⟨A − X, C − X⟩ ≤ 0 for every correlation matrix C
                    Assert.That(Inner(Minus(a, xs), Minus(c, xs)), Is.LessThanOrEqualTo(1e-7));
                }
            }).Check(Runs);

    // ---- helpers ----

    /// <summary>The benchmark's estimate: one-factor correlation 0.5 with seeded noise uniform in ±0.3 per pair (indefinite).</summary>
    private static double[,] OneFactorEstimate(int n, int seed)
    {
        var random = new Random(seed);
        var m = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            m[i, i] = 1.0;
            for (var j = i + 1; j < n; j++)
            {
                m[i, j] = m[j, i] = 0.5 + (0.6 * (random.NextDouble() - 0.5));
            }
        }

        return m;
    }

    private static double MaxDifference(double[,] a, double[,] b)
    {
        var max = 0.0;
        for (var i = 0; i < a.GetLength(0); i++)
        {
            for (var j = 0; j < a.GetLength(1); j++)
            {
                max = Math.Max(max, Math.Abs(a[i, j] - b[i, j]));
            }
        }

        return max;
    }

    internal static double[,] Square(int n, double[] v) => Symmetric(n, v, unitDiagonal: false);

    private static double[,] Symmetric(int n, double[] v, bool unitDiagonal)
    {
        var m = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                m[i, j] = m[j, i] = i == j && unitDiagonal ? 1.0 : v[(i * n) + j];
            }
        }

        return m;
    }

    internal static double[,] Normalised(int n, double[] l)
    {
        var s = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = i == j ? 0.05 : 0.0;
                for (var m = 0; m < n; m++)
                {
                    sum += l[(i * n) + m] * l[(j * n) + m];
                }

                s[i, j] = sum;
            }
        }

        var c = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                c[i, j] = i == j ? 1.0 : s[i, j] / Math.Sqrt(s[i, i] * s[j, j]);
            }
        }

        return c;
    }

    private static double[,] Identity(int n)
    {
        var m = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            m[i, i] = 1;
        }

        return m;
    }

    /// <summary>Eigenvalues clipped at 0, then rescaled to a unit diagonal: a correlation matrix, not the nearest.</summary>
    private static double[,] Clipped(double[,] a)
    {
        var evd = Matrix<double>.Build.DenseOfArray(a).Evd(Symmetricity.Symmetric);
        var d = Matrix<double>.Build.DiagonalOfDiagonalArray(evd.EigenValues.Select(e => Math.Max(e.Real, 1e-6)).ToArray());
        var x = evd.EigenVectors * d * evd.EigenVectors.Transpose();
        var n = a.GetLength(0);
        var c = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                c[i, j] = i == j ? 1.0 : x[i, j] / Math.Sqrt(x[i, i] * x[j, j]);
            }
        }

        return c;
    }

    internal static double MinEigenvalue(double[,] m) =>
        Matrix<double>.Build.DenseOfArray(m).Evd(Symmetricity.Symmetric).EigenValues.Min(e => e.Real);

    private static double[,] Minus(double[,] a, double[,] b)
    {
        var n = a.GetLength(0);
        var m = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                m[i, j] = a[i, j] - b[i, j];
            }
        }

        return m;
    }

    private static double Inner(double[,] a, double[,] b)
    {
        var s = 0.0;
        for (var i = 0; i < a.GetLength(0); i++)
        {
            for (var j = 0; j < a.GetLength(1); j++)
            {
                s += a[i, j] * b[i, j];
            }
        }

        return s;
    }

    private static double Frobenius(double[,] a, double[,] b) => Math.Sqrt(Inner(Minus(a, b), Minus(a, b)));
}
