using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Lean.MarketMaking.Models.Errors;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace Lean.MarketMaking.Models.Estimation.Hawkes;

/// <summary>
/// Maximum-likelihood estimation of an exponential-kernel Hawkes process (Ozaki 1979; multivariate as reviewed by Bacry,
/// Mastromatteo &amp; Muzy 2015, "Hawkes processes in finance"). The exact log-likelihood of <see cref="HawkesLikelihood"/> is maximised over
/// θ = (ln μ, ln α, ln β) with MathNet's BFGS and the analytic gradient (chain rule ∂/∂ln x = x·∂/∂x), which keeps every
/// parameter positive without bounds. Starting points are moment-based: for a branching ratio n₀ and empirical rates
/// rᵢ = Nᵢ/T, μ = (1 − n₀)·r and αᵢⱼ = n₀·rᵢ/(D·rⱼ) reproduce the observed rates exactly ((I − α)⁻¹μ = r) with spectral
/// radius n₀; a grid of n₀ and β (multiples of the mean rate) is screened by the likelihood of the first 50,000 events
/// and BFGS starts from the best, falling back to the next on failure.
/// </summary>
public static class HawkesEstimator
{
    private static readonly double[] BranchingGrid = { 0.25, 0.5, 0.75 };
    private static readonly double[] DecayGrid = { 0.3, 3.0, 30.0 };
    private const int MaxStarts = 3;
    private const int ScreeningEvents = 50_000;
    private const double GradientTolerance = 1e-7;

    /// <summary>Fits the process to <paramref name="events"/> by maximum likelihood.</summary>
    /// <param name="events">The observed path; every type needs at least two events.</param>
    /// <param name="requireStationary">When true (default) a maximum with spectral radius ≥ 1 is an error; when false it is returned (see <see cref="HawkesParameters.IsStationary"/>).</param>
    /// <exception cref="MarketMakingException">
    /// <see cref="MarketMakingErrorKind.HawkesEstimationFailed"/> when a type has too few events, no start converges,
    /// or the maximum is non-stationary while <paramref name="requireStationary"/> is set; the message says why.
    /// </exception>
    public static HawkesFit Fit(HawkesEvents events, bool requireStationary = true)
    {
        ArgumentNullException.ThrowIfNull(events);
        var d = events.Dimension;
        for (var i = 0; i < d; i++)
        {
            if (events.Count(i) < 2)
            {
                throw Failed($"event type {i} has {events.Count(i)} events; at least 2 are needed to estimate its baseline");
            }
        }

        // Screening only ranks the starts, so a prefix of the path is enough and keeps large fits fast.
        var screening = new NegativeLogLikelihood(events.Prefix(ScreeningEvents));
        var objective = new NegativeLogLikelihood(events);
        var starts = StartingPoints(events)
            .Select(theta => (Theta: theta, Value: screening.ValueAt(theta)))
            .Where(s => double.IsFinite(s.Value))
            .OrderBy(s => s.Value)
            .Take(MaxStarts)
            .ToList();
        var reasons = new List<string>();
        for (var s = 0; s < starts.Count; s++)
        {
            try
            {
                var minimizer = new BfgsMinimizer(GradientTolerance, 1e-12, 1e-14, 2000);
                var result = minimizer.FindMinimum(ObjectiveFunction.Gradient(objective.ValueAndGradient), Vector<double>.Build.DenseOfArray(starts[s].Theta));
                var parameters = objective.ToParameters(result.MinimizingPoint);
                if (requireStationary && !parameters.IsStationary)
                {
                    throw Failed($"the likelihood maximum is not stationary (spectral radius of alpha {parameters.SpectralRadius:G6} >= 1); the data look explosive or non-stationary over the window");
                }

                return new HawkesFit(parameters, HawkesLikelihood.LogLikelihood(parameters, events), result.Iterations, s + 1);
            }
            catch (Exception e) when (e is OptimizationException or ArgumentException
                or MarketMakingException { Kind: MarketMakingErrorKind.InvalidParameters })
            {
                reasons.Add($"start {s + 1}: {e.Message}");
            }
        }

        throw Failed(starts.Count == 0
            ? "the likelihood is not finite at any starting point"
            : "BFGS did not converge from any start: " + string.Join("; ", reasons));
    }

    /// <summary>
    /// Asymptotic standard errors √diag(I⁻¹) from the observed Fisher information I = −∇² log L, the Hessian taken by
    /// central differences of the analytic gradient (relative step 1e-5), in the flat layout of <see cref="HawkesParameters"/>.
    /// Meaningful at an interior maximum (all αᵢⱼ &gt; 0).
    /// </summary>
    /// <param name="parameters">Usually the fitted parameters.</param>
    /// <param name="events">The path they were fitted to.</param>
    /// <exception cref="MarketMakingException"><see cref="MarketMakingErrorKind.HawkesEstimationFailed"/> when the information matrix is not positive definite (not at a maximum).</exception>
    public static ImmutableArray<double> StandardErrors(HawkesParameters parameters, HawkesEvents events)
    {
        HawkesLikelihood.Check(parameters, events);
        var d = parameters.Dimension;
        var p = parameters.ParameterCount;
        var x = new double[p];
        parameters.Mu.CopyTo(x);
        parameters.AlphaSpan.CopyTo(x.AsSpan(d));
        x[p - 1] = parameters.Beta;
        var up = new double[p];
        var down = new double[p];
        var information = Matrix<double>.Build.Dense(p, p);
        for (var k = 0; k < p; k++)
        {
            var h = 1e-5 * Math.Max(Math.Abs(x[k]), 1e-3);
            var saved = x[k];
            x[k] = saved + h;
            HawkesLikelihood.Evaluate(events, x.AsSpan(0, d), x.AsSpan(d, d * d), x[p - 1], up);
            x[k] = saved - h;
            HawkesLikelihood.Evaluate(events, x.AsSpan(0, d), x.AsSpan(d, d * d), x[p - 1], down);
            x[k] = saved;
            for (var m = 0; m < p; m++)
            {
                information[m, k] = -(up[m] - down[m]) / (2 * h);
            }
        }

        information = 0.5 * (information + information.Transpose());
        Matrix<double> covariance;
        try
        {
            covariance = information.Cholesky().Solve(Matrix<double>.Build.DenseIdentity(p));
        }
        catch (ArgumentException)
        {
            throw Failed("the observed information matrix is not positive definite: the parameters are not at an interior likelihood maximum");
        }

        return Enumerable.Range(0, p).Select(k => Math.Sqrt(covariance[k, k])).ToImmutableArray();
    }

    private static IEnumerable<double[]> StartingPoints(HawkesEvents events)
    {
        var d = events.Dimension;
        var rates = Enumerable.Range(0, d).Select(i => events.Count(i) / events.Horizon).ToArray();
        var meanRate = rates.Average();
        foreach (var n0 in BranchingGrid)
        {
            foreach (var multiple in DecayGrid)
            {
                var theta = new double[d + (d * d) + 1];
                for (var i = 0; i < d; i++)
                {
                    theta[i] = Math.Log((1 - n0) * rates[i]);
                    for (var j = 0; j < d; j++)
                    {
                        theta[d + (i * d) + j] = Math.Log(n0 * rates[i] / (d * rates[j]));
                    }
                }

                theta[^1] = Math.Log(multiple * meanRate);
                yield return theta;
            }
        }
    }

    private static MarketMakingException Failed(string why) => new(MarketMakingErrorKind.HawkesEstimationFailed, why);

    /// <summary>−log L / N as a function of θ = (ln μ, ln α, ln β), with reusable buffers (no allocation per pass but MathNet's vectors).</summary>
    private sealed class NegativeLogLikelihood
    {
        private readonly HawkesEvents _events;
        private readonly int _d;
        private readonly double _scale;
        private readonly double[] _mu;
        private readonly double[] _alpha;
        private readonly double[] _gradient;

        public NegativeLogLikelihood(HawkesEvents events)
        {
            _events = events;
            _d = events.Dimension;
            _scale = 1.0 / Math.Max(events.TotalCount, 1);
            _mu = new double[_d];
            _alpha = new double[_d * _d];
            _gradient = new double[_d + (_d * _d) + 1];
        }

        public double ValueAt(double[] theta) => ValueAndGradient(Vector<double>.Build.DenseOfArray(theta)).Value;

        public (double Value, Vector<double> Gradient) ValueAndGradient(Vector<double> theta)
        {
            var d = _d;
            for (var i = 0; i < d; i++)
            {
                _mu[i] = Math.Exp(theta[i]);
            }

            for (var k = 0; k < d * d; k++)
            {
                _alpha[k] = Math.Exp(theta[d + k]);
            }

            var beta = Math.Exp(theta[^1]);
            var logLikelihood = HawkesLikelihood.Evaluate(_events, _mu, _alpha, beta, _gradient);
            var gradient = Vector<double>.Build.Dense(_gradient.Length);
            for (var i = 0; i < d; i++)
            {
                gradient[i] = -_scale * _mu[i] * _gradient[i];
            }

            for (var k = 0; k < d * d; k++)
            {
                gradient[d + k] = -_scale * _alpha[k] * _gradient[d + k];
            }

            gradient[^1] = -_scale * beta * _gradient[^1];
            return (-_scale * logLikelihood, gradient);
        }

        public HawkesParameters ToParameters(Vector<double> theta)
        {
            var d = _d;
            var alpha = new double[d, d];
            for (var i = 0; i < d; i++)
            {
                for (var j = 0; j < d; j++)
                {
                    alpha[i, j] = Math.Exp(theta[d + (i * d) + j]);
                }
            }

            return new HawkesParameters(Enumerable.Range(0, d).Select(i => Math.Exp(theta[i])).ToArray(), alpha, Math.Exp(theta[^1]));
        }
    }
}
