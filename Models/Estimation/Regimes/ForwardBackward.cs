using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Estimation.Regimes;

/// <summary>
/// The scaled forward–backward recursions of Rabiner (1989, "A tutorial on hidden Markov models", Proc. IEEE 77,
/// §III.A, eqs. 18–27, with the scaling of §V.A), written over a matrix of emission log-likelihoods
/// ℓₜⱼ = ln p(xₜ | sₜ = j) so that any emission law (Gaussian, discrete) can use it. Each row is shifted by its
/// maximum mₜ before exponentiation, bₜⱼ = exp(ℓₜⱼ − mₜ), and the forward variables are normalised by
/// cₜ = Σⱼ α̃ₜⱼ, so ln p(x₁..x_N) = Σₜ (ln cₜ + mₜ) never under- or overflows.
/// Buffers are allocated once for a capacity; <see cref="Run"/> allocates nothing and costs O(N·K²).
/// </summary>
internal sealed class ForwardBackward
{
    private const double SmallScale = 1e-50;
    private const double FoldThreshold = 1e-250;

    private readonly int _states;
    private readonly double[] _filtered;
    private readonly double[] _scaledLikelihoods;
    private readonly double[] _posteriors;
    private readonly double[] _scales;
    private readonly double[] _backward;
    private readonly double[] _backwardNext;
    private readonly double[] _weights;
    private readonly double[] _expectedTransitions;

    /// <summary>Allocates buffers for up to <paramref name="capacity"/> observations and <paramref name="states"/> states.</summary>
    public ForwardBackward(int capacity, int states)
    {
        Guard.Positive(capacity, nameof(capacity));
        _states = Guard.Positive(states, nameof(states));
        _filtered = new double[capacity * states];
        _scaledLikelihoods = new double[capacity * states];
        _posteriors = new double[capacity * states];
        _scales = new double[capacity];
        _backward = new double[states];
        _backwardNext = new double[states];
        _weights = new double[states];
        _expectedTransitions = new double[states * states];
    }

    /// <summary>Observations processed by the last <see cref="Run"/>.</summary>
    public int Length { get; private set; }

    /// <summary>Filtered probabilities P(sₜ = j | x₁..xₜ), row-major N×K.</summary>
    public ReadOnlySpan<double> Filtered => _filtered.AsSpan(0, Length * _states);

    /// <summary>Smoothed probabilities γₜⱼ = P(sₜ = j | x₁..x_N), row-major N×K.</summary>
    public ReadOnlySpan<double> Posteriors => _posteriors.AsSpan(0, Length * _states);

    /// <summary>Σₜ ξₜ(i, j) = Σₜ P(sₜ = i, sₜ₊₁ = j | x₁..x_N), row-major K×K (Rabiner eq. 37).</summary>
    public ReadOnlySpan<double> ExpectedTransitions => _expectedTransitions;

    /// <summary>
    /// Runs the forward and backward passes over the first <paramref name="length"/> rows of
    /// <paramref name="logLikelihoods"/> (row-major N×K) and returns the log-likelihood ln p(x₁..x_N).
    /// </summary>
    /// <exception cref="MarketMakingException">
    /// <see cref="MarketMakingErrorKind.NumericalInstability"/> when an observation has zero probability under every state.
    /// </exception>
    public double Run(ReadOnlySpan<double> initial, ReadOnlySpan<double> transition, ReadOnlySpan<double> logLikelihoods, int length)
    {
        var k = _states;
        if (length <= 0 || length * k > _filtered.Length || logLikelihoods.Length < length * k)
        {
            throw Guard.Invalid(nameof(length), $"must be in [1, {_filtered.Length / k}] and match the log-likelihood rows, got {length}");
        }

        Length = length;
        var logLikelihood = 0.0;
        var product = 1.0;
        for (var t = 0; t < length; t++)
        {
            var row = t * k;
            var current = _filtered.AsSpan(row, k);
            if (t == 0)
            {
                initial.CopyTo(current);
            }
            else
            {
                Predict(_filtered.AsSpan(row - k, k), transition, current);
            }

            var scale = Correct(current, logLikelihoods.Slice(row, k), _scaledLikelihoods.AsSpan(row, k), out var shift);
            _scales[t] = scale;
            logLikelihood += shift;

            // Σ ln cₜ with one logarithm per many steps: cₜ ≤ 1 (bⱼ ≤ 1, predictions sum to 1), so the running product
            // only shrinks; it is folded into the sum before it can underflow, and a tiny cₜ is logged on its own.
            if (scale < SmallScale)
            {
                logLikelihood += Math.Log(scale);
            }
            else
            {
                product *= scale;
                if (product < FoldThreshold)
                {
                    logLikelihood += Math.Log(product);
                    product = 1.0;
                }
            }
        }

        logLikelihood += Math.Log(product);

        // Backward pass: β̂ₜ(i) = Σⱼ Aᵢⱼ bₜ₊₁(j) β̂ₜ₊₁(j) / cₜ₊₁, accumulating ξ on the way.
        Array.Clear(_expectedTransitions);
        var beta = _backward.AsSpan();
        var betaNext = _backwardNext.AsSpan();
        betaNext.Fill(1.0);
        StorePosterior(length - 1, betaNext);
        for (var t = length - 2; t >= 0; t--)
        {
            var next = (t + 1) * k;
            var inverseScale = 1.0 / _scales[t + 1];
            for (var j = 0; j < k; j++)
            {
                _weights[j] = _scaledLikelihoods[next + j] * betaNext[j] * inverseScale;
            }

            var row = t * k;
            for (var i = 0; i < k; i++)
            {
                var sum = 0.0;
                var alpha = _filtered[row + i];
                var transitionRow = i * k;
                for (var j = 0; j < k; j++)
                {
                    var term = transition[transitionRow + j] * _weights[j];
                    sum += term;
                    _expectedTransitions[transitionRow + j] += alpha * term;
                }

                beta[i] = sum;
            }

            StorePosterior(t, beta);
            var swap = beta;
            beta = betaNext;
            betaNext = swap;
        }

        return logLikelihood;
    }

    /// <summary>One-step prediction P(sₜ₊₁ = j | x₁..xₜ) = Σᵢ pᵢ Aᵢⱼ (Rabiner eq. 20, bracket).</summary>
    internal static void Predict(ReadOnlySpan<double> filtered, ReadOnlySpan<double> transition, Span<double> predicted)
    {
        var k = filtered.Length;
        predicted.Clear();
        for (var i = 0; i < k; i++)
        {
            var p = filtered[i];
            var row = i * k;
            for (var j = 0; j < k; j++)
            {
                predicted[j] += p * transition[row + j];
            }
        }
    }

    /// <summary>
    /// Bayes correction: turns the prediction in <paramref name="state"/> into the filtered distribution in place,
    /// writes bⱼ = exp(ℓⱼ − m) to <paramref name="scaledLikelihoods"/>, and returns the normaliser c with
    /// m in <paramref name="shift"/>, so that ln p(xₜ | x₁..xₜ₋₁) = ln c + m.
    /// </summary>
    internal static double Correct(Span<double> state, ReadOnlySpan<double> logLikelihoods, Span<double> scaledLikelihoods, out double shift)
    {
        var k = state.Length;
        shift = double.NegativeInfinity;
        for (var j = 0; j < k; j++)
        {
            if (double.IsNaN(logLikelihoods[j]))
            {
                throw new MarketMakingException(MarketMakingErrorKind.NumericalInstability, $"emission log-likelihood of state {j} is NaN", "logLikelihoods");
            }

            shift = Math.Max(shift, logLikelihoods[j]);
        }

        var scale = 0.0;
        if (double.IsFinite(shift))
        {
            for (var j = 0; j < k; j++)
            {
                var exponent = logLikelihoods[j] - shift;
                var b = exponent == 0 ? 1.0 : Math.Exp(exponent);
                scaledLikelihoods[j] = b;
                scale += state[j] * b;
            }
        }

        if (!(scale > 0) || !double.IsFinite(scale))
        {
            throw new MarketMakingException(MarketMakingErrorKind.NumericalInstability, "an observation has zero probability under every reachable state", "logLikelihoods");
        }

        var inverse = 1.0 / scale;
        for (var j = 0; j < k; j++)
        {
            state[j] *= scaledLikelihoods[j] * inverse;
        }

        return scale;
    }

    private void StorePosterior(int t, ReadOnlySpan<double> beta)
    {
        var k = _states;
        var row = t * k;
        var sum = 0.0;
        for (var i = 0; i < k; i++)
        {
            var g = _filtered[row + i] * beta[i];
            _posteriors[row + i] = g;
            sum += g;
        }

        // γ sums to 1 analytically; renormalising removes the rounding of the scaled recursions.
        var inverse = 1.0 / sum;
        for (var i = 0; i < k; i++)
        {
            _posteriors[row + i] *= inverse;
        }
    }
}
