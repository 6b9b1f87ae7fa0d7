using System;
using System.Linq;
using Lean.MarketMaking.Models.Stochastic;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using NUnit.Framework;

namespace Lean.MarketMaking.Tests.Stochastic;

/// <summary>
/// Strong and weak orders of convergence on GBM dX = μX dt + σX dW, μ = 2, σ = 1, X₀ = 1, T = 1 — the experiment of
/// Higham (2001), "An algorithmic introduction to numerical simulation of SDEs", SIAM Review 43(3), §§5–7 — measured
/// as the slope of a least-squares fit (MathNet Fit.Line) of ln error against ln Δt.
/// </summary>
[TestFixture]
public class ConvergenceOrderTests
{
    private const double Mu = 2, Sigma = 1, X0 = 1, T = 1;
    private static readonly GeometricBrownianMotion Gbm = new(Mu, Sigma);

    // Slope tolerance: over 20 other seeds of these exact set-ups the fitted slopes were 0.516 ± 0.021 (strong EM),
    // 0.981 ± 0.006 (strong Milstein) and 0.934 ± 0.021 (weak EM; its closed-form errors give 0.954 over Δt = 1/16…1/256,
    // still short of the asymptotic 1). ±0.15 is ≥ 4 replication sd from every mean, and rejects the wrong order
    // (0.5 vs 1) by far.
    private const double SlopeTolerance = 0.15;

    [TestCase(SdeScheme.EulerMaruyama, 0.5)]
    [TestCase(SdeScheme.Milstein, 1.0)]
    public void StrongOrder(SdeScheme scheme, double order)
    {
        Assert.That(StrongSlope(scheme, seed: 100), Is.EqualTo(order).Within(SlopeTolerance));
    }

    [Test]
    public void WeakOrderOfEulerMaruyama()
    {
        var (slope, steps, signedErrors, standardErrors) = WeakErrors(seed: 200);
        Assert.That(slope, Is.EqualTo(1.0).Within(SlopeTolerance));
        for (var s = 0; s < steps.Length; s++)
        {
            // For GBM, EM is X_{k+1} = X_k(1 + μΔt + σΔW), so E[X_EM(T)] = X₀(1 + μΔt)^N exactly: the Monte Carlo weak
            // error must match that closed form within 4 standard errors.
            var closedForm = X0 * Math.Pow(1 + Mu * T / steps[s], steps[s]) - X0 * Math.Exp(Mu * T);
            Assert.That(signedErrors[s], Is.EqualTo(closedForm).Within(4 * standardErrors[s]), $"N = {steps[s]}");
        }
    }

    /// <summary>E|X_Δt(T) − X(T)| over 1000 paths for Δt = 2⁻⁹·R, R = 1, 2, 4, 8, 16, with the same Brownian paths.</summary>
    internal static double StrongSlope(SdeScheme scheme, int seed)
    {
        const int fine = 512, paths = 1000;
        int[] ratios = [1, 2, 4, 8, 16];
        var rng = new Random(seed);
        var dW = new double[fine];
        var coarse = new double[fine];
        var path = new double[fine + 1];
        var errors = new double[ratios.Length];
        for (var p = 0; p < paths; p++)
        {
            var w = 0.0;
            for (var i = 0; i < fine; i++)
            {
                dW[i] = Math.Sqrt(T / fine) * Normal.Sample(rng, 0, 1);
                w += dW[i];
            }

            var exact = Gbm.ExactSolution(X0, T, w);
            for (var r = 0; r < ratios.Length; r++)
            {
                var steps = fine / ratios[r];
                for (var j = 0; j < steps; j++)
                {
                    coarse[j] = 0;
                    for (var i = 0; i < ratios[r]; i++)
                    {
                        coarse[j] += dW[j * ratios[r] + i];
                    }
                }

                ScalarSdeSolver.Solve(Gbm, scheme, X0, 0, T / steps, coarse.AsSpan(0, steps), path.AsSpan(0, steps + 1));
                errors[r] += Math.Abs(path[steps] - exact) / paths;
            }
        }

        return Fit.Line(ratios.Select(r => Math.Log(r * T / fine)).ToArray(), errors.Select(e => Math.Log(e)).ToArray()).B;
    }

    /// <summary>
    /// E[X_Δt(T)] − e^{μT} for Δt = 1/16 … 1/256 over 20 000 paths, estimated as the mean of X_Δt(T) − X(T) on the same
    /// Brownian path (E[X(T)] = e^{μT} exactly, so this is unbiased and the exact solution acts as a control variate),
    /// with its standard error and the slope of ln |error| against ln Δt.
    /// </summary>
    internal static (double Slope, int[] Steps, double[] Errors, double[] StandardErrors) WeakErrors(int seed)
    {
        const int paths = 20_000;
        int[] stepCounts = [16, 32, 64, 128, 256];
        var rng = new Random(seed);
        var errors = new double[stepCounts.Length];
        var standardErrors = new double[stepCounts.Length];
        var dW = new double[256];
        var path = new double[257];
        for (var s = 0; s < stepCounts.Length; s++)
        {
            var n = stepCounts[s];
            double sum = 0, sumSq = 0;
            for (var p = 0; p < paths; p++)
            {
                var w = 0.0;
                for (var i = 0; i < n; i++)
                {
                    dW[i] = Math.Sqrt(T / n) * Normal.Sample(rng, 0, 1);
                    w += dW[i];
                }

                ScalarSdeSolver.Solve(Gbm, SdeScheme.EulerMaruyama, X0, 0, T / n, dW.AsSpan(0, n), path.AsSpan(0, n + 1));
                var d = path[n] - Gbm.ExactSolution(X0, T, w);
                sum += d;
                sumSq += d * d;
            }

            errors[s] = sum / paths;
            standardErrors[s] = Math.Sqrt((sumSq / paths - errors[s] * errors[s]) / (paths - 1));
        }

        var slope = Fit.Line(stepCounts.Select(n => Math.Log(T / n)).ToArray(), errors.Select(e => Math.Log(Math.Abs(e))).ToArray()).B;
        return (slope, stepCounts, errors, standardErrors);
    }
}
