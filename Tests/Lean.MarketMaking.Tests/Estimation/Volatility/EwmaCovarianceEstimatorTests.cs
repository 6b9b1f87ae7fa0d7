using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Volatility;
using Lean.MarketMaking.Models.LinearAlgebra;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Estimation.Volatility;

[TestFixture]
public class EwmaCovarianceEstimatorTests
{
    // Σ per second of three log prices: σ = (1e-4, 2e-4, 5e-5) per √s, ρ₁₂ = 0.6, ρ₁₃ = −0.3, ρ₂₃ = 0.1.
    private static readonly double[] Sigmas = { 1e-4, 2e-4, 5e-5 };
    private static readonly double[,] Rho = { { 1, 0.6, -0.3 }, { 0.6, 1, 0.1 }, { -0.3, 0.1, 1 } };

    private static double TrueCovariance(int i, int j) => Rho[i, j] * Sigmas[i] * Sigmas[j];

    /// <summary>
    /// Feeds <paramref name="estimator"/> a seeded path of P = 100·exp(X), X a 3-D Brownian motion with covariance Σ per
    /// second sampled at the times 0, Δt₁, Δt₁ + Δt₂, ... (<paramref name="step"/> draws each Δt).
    /// </summary>
    private static double[] Simulate(EwmaCovarianceEstimator estimator, int returns, int seed, Func<Random, double> step)
    {
        var rng = new Random(seed);
        var cholesky = Matrix<double>.Build.Dense(3, 3, TrueCovariance).Cholesky().Factor;
        var x = new double[3];
        var prices = new double[3];
        var steps = new double[returns];
        var z = Vector<double>.Build.Dense(3);
        var t = 0.0;
        for (var m = 0; m <= returns; m++)
        {
            if (m > 0)
            {
                var dt = steps[m - 1] = step(rng);
                t += dt;
                for (var i = 0; i < 3; i++)
                {
                    z[i] = Normal.Sample(rng, 0, 1) * Math.Sqrt(dt);
                }

                var dx = cholesky * z;
                for (var i = 0; i < 3; i++)
                {
                    x[i] += dx[i];
                }
            }

            for (var i = 0; i < 3; i++)
            {
                prices[i] = 100 * Math.Exp(x[i]);
            }

            estimator.Update(t, prices);
        }

        return steps;
    }

    [Test]
    public void RecoversAKnownCovarianceOnARegularGrid()
    {
        // With weights λ^m, λ = 2^(−1/h) per 1 s step, the effective sample size is N = (1 + λ)/(1 − λ) ≈ 10 388 returns
        // (h = 3600 s). For zero-mean Gaussian returns Var(rⁱrʲ) = ΣᵢᵢΣⱼⱼ + Σᵢⱼ², so the standard error of Σ̂ᵢⱼ is
        // √((ΣᵢᵢΣⱼⱼ + Σᵢⱼ²)/N); every entry must be within 4 standard errors.
        const double halfLife = 3_600;
        var estimator = new EwmaCovarianceEstimator(3, halfLife);
        Simulate(estimator, 50_000, seed: 7, _ => 1.0);

        var lambda = Math.Pow(2, -1 / halfLife);
        var effectiveN = (1 + lambda) / (1 - lambda);
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                var se = Math.Sqrt(((TrueCovariance(i, i) * TrueCovariance(j, j)) + (TrueCovariance(i, j) * TrueCovariance(i, j))) / effectiveN);
                Assert.That(estimator.Covariance(i, j), Is.EqualTo(TrueCovariance(i, j)).Within(4 * se), $"[{i},{j}]");
                Assert.That(estimator.Covariance(i, j), Is.EqualTo(estimator.Covariance(j, i)));
            }
        }

        // ρ̂ has the standard error (1 − ρ²)/√N (Fisher): within 4 of them as well.
        Assert.That(estimator.Correlation(0, 1), Is.EqualTo(0.6).Within(4 * (1 - 0.36) / Math.Sqrt(effectiveN)));
        Assert.That(estimator.Count, Is.EqualTo(50_001));
    }

    [Test]
    public void RecoversAKnownCovarianceFromIrregularlySpacedObservations()
    {
        // Exponential gaps (mean 5 s) and a half-life far longer than the sample, so that every weight is 1 to 1e-6:
        // Σ̂ = Σ rrᵀ / Σ Δt with rₘ ~ N(0, ΣΔtₘ), unbiased, with variance (ΣᵢᵢΣⱼⱼ + Σᵢⱼ²)·ΣΔtₘ² / (ΣΔtₘ)².
        var estimator = new EwmaCovarianceEstimator(3, halfLifeSeconds: 1e12);
        var steps = Simulate(estimator, 20_000, seed: 11, rng => Exponential.Sample(rng, 0.2));
        double sum = 0, sumSquares = 0;
        foreach (var dt in steps)
        {
            sum += dt;
            sumSquares += dt * dt;
        }

        Assert.That(estimator.WeightedSeconds, Is.EqualTo(sum).Within(1e-6 * sum));
        for (var i = 0; i < 3; i++)
        {
            for (var j = i; j < 3; j++)
            {
                var se = Math.Sqrt(((TrueCovariance(i, i) * TrueCovariance(j, j)) + (TrueCovariance(i, j) * TrueCovariance(i, j))) * sumSquares) / sum;
                Assert.That(estimator.Covariance(i, j), Is.EqualTo(TrueCovariance(i, j)).Within(4 * se), $"[{i},{j}]");
            }
        }
    }

    [Test]
    public void EqualsTheWeightedSumItDefinesAndIsPositiveSemiDefinite()
    {
        // Batch definition Σ̂ = Σ wₘrₘrₘᵀ / Σ wₘΔtₘ, wₘ = 2^(−(t_last − tₘ)/h), on a short irregular path: the recursion
        // must agree to rounding (1e-12 relative).
        const double halfLife = 40;
        var rng = new Random(3);
        var times = new double[200];
        var prices = new double[200, 2];
        var estimator = new EwmaCovarianceEstimator(2, halfLife);
        for (var m = 0; m < times.Length; m++)
        {
            times[m] = m == 0 ? 0 : times[m - 1] + rng.NextDouble() * 3;
            prices[m, 0] = 50 * Math.Exp(0.01 * Normal.Sample(rng, 0, 1));
            prices[m, 1] = 20 * Math.Exp(0.02 * Normal.Sample(rng, 0, 1));
            estimator.Update(times[m], new[] { prices[m, 0], prices[m, 1] });
        }

        var expected = new double[2, 2];
        double seconds = 0;
        for (var m = 1; m < times.Length; m++)
        {
            var w = Math.Pow(2, -(times[^1] - times[m]) / halfLife);
            seconds += w * (times[m] - times[m - 1]);
            for (var i = 0; i < 2; i++)
            {
                for (var j = 0; j < 2; j++)
                {
                    expected[i, j] += w * Math.Log(prices[m, i] / prices[m - 1, i]) * Math.Log(prices[m, j] / prices[m - 1, j]);
                }
            }
        }

        var estimate = Matrix<double>.Build.Dense(2, 2, estimator.Covariance);
        for (var i = 0; i < 2; i++)
        {
            for (var j = 0; j < 2; j++)
            {
                Assert.That(estimate[i, j], Is.EqualTo(expected[i, j] / seconds).Within(1e-12 * Math.Abs(expected[i, i] / seconds)));
            }
        }

        Assert.That(estimate.Evd().EigenValues.Real().Minimum(), Is.GreaterThan(0));
    }

    [Test]
    public void AnInterruptionDropsTheReturnAcrossTheGapAndKeepsTheAgedEstimate()
    {
        // Two segments 0..10 s and 10..20 s (a caller's trading-time clock that skips the close) with a 10 % jump
        // between them: the estimate must be the weighted sum of the 20 returns inside the segments only,
        // wₘ = 2^(−(20 − tₘ)/h), exactly as if the jump had not happened (1e-12 relative).
        const double halfLife = 8;
        var estimator = new EwmaCovarianceEstimator(2, halfLife);
        var rng = new Random(5);
        double num = 0, den = 0;
        var previous = new[] { 100.0, 40.0 };
        for (var m = 0; m <= 21; m++)
        {
            var t = m <= 10 ? m : m - 1.0;
            var prices = new[] { previous[0] * Math.Exp(0.001 * Normal.Sample(rng, 0, 1)), previous[1] * Math.Exp(0.002 * Normal.Sample(rng, 0, 1)) };
            if (m == 11)
            {
                estimator.Interrupt();
                prices[0] *= 1.1;
            }
            else if (m > 0)
            {
                var w = Math.Pow(2, -(20 - t) / halfLife);
                num += w * Math.Log(prices[0] / previous[0]) * Math.Log(prices[1] / previous[1]);
                den += w;
            }

            estimator.Update(t, prices);
            previous = prices;
        }

        Assert.That(estimator.Covariance(0, 1), Is.EqualTo(num / den).Within(1e-12 * Math.Abs(num / den)));
        Assert.That(estimator.WeightedSeconds, Is.EqualTo(den).Within(1e-12 * den));
        Assert.That(estimator.Count, Is.EqualTo(22));
    }

    [Test]
    public void ASingularEstimateIsRejectedOrRepairedByPolicy()
    {
        // three assets, two of them in lockstep (identical log-returns): Σ̂ is semi-definite with ρ₀₁ = 1, singular
        var estimator = new EwmaCovarianceEstimator(3, 600);
        var prices = new[] { 100.0, 50.0, 20.0 };
        var random = new Random(7);
        for (var t = 0; t <= 50; t++)
        {
            var common = 0.001 * (random.NextDouble() - 0.5);
            prices[0] *= Math.Exp(common);
            prices[1] *= Math.Exp(common);
            prices[2] *= Math.Exp(0.001 * (random.NextDouble() - 0.5));
            estimator.Update(t, prices);
        }

        Assert.That(estimator.Correlation(0, 1), Is.EqualTo(1.0).Within(1e-12));
        Assert.That(Assert.Throws<MarketMakingException>(() => estimator.Estimate(NonPositiveDefinitePolicy.Reject))!.Kind,
            Is.EqualTo(MarketMakingErrorKind.CorrelationMatrixNotPositiveDefinite));
        var repaired = estimator.Estimate(NonPositiveDefinitePolicy.Repair);
        Assert.That(repaired.WasRepaired, Is.True);
        Assert.That(repaired.Correlation.Matrix[0, 1], Is.LessThan(1.0).And.GreaterThan(1 - 1e-6));
        Assert.That(repaired.FrobeniusDistance, Is.GreaterThan(0).And.LessThan(1e-6 * estimator.Covariance(0, 0)));
        Assert.That(repaired[2, 2], Is.EqualTo(estimator.Covariance(2, 2)));
    }

    [Test]
    public void RejectsBadObservationsWithoutChangingItsState()
    {
        var estimator = new EwmaCovarianceEstimator(2, 60);
        Assert.That(estimator.IsReady, Is.False);
        Assert.That(Assert.Throws<MarketMakingException>(() => estimator.Covariance(0, 0))!.Kind, Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));
        estimator.Update(10, new[] { 100.0, 50.0 });
        estimator.Update(11, new[] { 101.0, 49.0 });
        var before = (estimator.Covariance(0, 1), estimator.Count);

        Assert.That(Assert.Throws<MarketMakingException>(() => estimator.Update(12, new[] { 100.0, double.NaN }))!.Kind,
            Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));
        Assert.That(Assert.Throws<MarketMakingException>(() => estimator.Update(12, new[] { -1.0, 50.0 }))!.Kind,
            Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));
        Assert.That(Assert.Throws<MarketMakingException>(() => estimator.Update(9, new[] { 100.0, 50.0 }))!.Kind,
            Is.EqualTo(MarketMakingErrorKind.InvalidMarketData));
        Assert.That(Assert.Throws<MarketMakingException>(() => estimator.Update(12, new[] { 100.0 }))!.ParameterName, Is.EqualTo("prices"));
        Assert.That((estimator.Covariance(0, 1), estimator.Count), Is.EqualTo(before), "rejected observations change nothing");
        Assert.That(estimator.Covariance(0, 1), Is.EqualTo(Math.Log(1.01) * Math.Log(49.0 / 50.0)).Within(1e-16), "one return over one second; log differences round at 1e-18");

        Assert.That(Assert.Throws<MarketMakingException>(() => estimator.Covariance(2, 0))!.ParameterName, Is.EqualTo("i"));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new EwmaCovarianceEstimator(0, 60))!.ParameterName, Is.EqualTo("dimension"));
        Assert.That(Assert.Throws<MarketMakingException>(() => _ = new EwmaCovarianceEstimator(2, 0))!.ParameterName, Is.EqualTo("halfLifeSeconds"));

        estimator.Reset();
        Assert.That((estimator.IsReady, estimator.Count), Is.EqualTo((false, 0L)));
    }

    [Test]
    public void UpdatesDoNotAllocate()
    {
        var estimator = new EwmaCovarianceEstimator(3, 300);
        var prices = new[] { 100.0, 50.0, 20.0 };
        void Run(int from, int to)
        {
            for (var m = from; m < to; m++)
            {
                prices[m % 3] *= 1 + (((m % 7) - 3) * 1e-4);
                estimator.Update(m, prices);
            }

            _ = estimator.Covariance(0, 1) + estimator.Correlation(1, 2);
        }

        Run(0, 100); // warm-up: JIT and tiering
        var before = GC.GetAllocatedBytesForCurrentThread();
        Run(100, 5_000);
        Assert.That(GC.GetAllocatedBytesForCurrentThread() - before, Is.Zero);
    }
}
