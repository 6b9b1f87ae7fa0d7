using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Estimation.Regimes;

/// <summary>
/// The Viterbi algorithm in log space (Rabiner 1989, "A tutorial on hidden Markov models", Proc. IEEE 77, §III.B, eqs. 30–35,
/// with logarithms in place of products): δₜ(j) = maxᵢ [δₜ₋₁(i) + ln Aᵢⱼ] + ℓₜⱼ, over a matrix of emission
/// log-likelihoods ℓₜⱼ so any emission law can use it. Ties go to the lowest state index.
/// </summary>
internal static class Viterbi
{
    /// <summary>The most likely state path and its joint log-probability ln p(x, s*).</summary>
    /// <param name="initial">π, length K.</param>
    /// <param name="transition">A, row-major K×K.</param>
    /// <param name="logLikelihoods">ℓ, row-major N×K.</param>
    /// <param name="states">K.</param>
    public static (int[] Path, double LogProbability) Decode(ReadOnlySpan<double> initial, ReadOnlySpan<double> transition, ReadOnlySpan<double> logLikelihoods, int states)
    {
        var k = Guard.Positive(states, nameof(states));
        if (logLikelihoods.Length == 0 || logLikelihoods.Length % k != 0)
        {
            throw Guard.Invalid(nameof(logLikelihoods), $"must hold a positive multiple of {k} values, got {logLikelihoods.Length}");
        }

        var n = logLikelihoods.Length / k;
        var logTransition = new double[k * k];
        for (var i = 0; i < logTransition.Length; i++)
        {
            logTransition[i] = Math.Log(transition[i]);
        }

        var backPointers = new int[n * k];
        var delta = new double[k];
        var next = new double[k];
        for (var j = 0; j < k; j++)
        {
            delta[j] = Math.Log(initial[j]) + logLikelihoods[j];
        }

        for (var t = 1; t < n; t++)
        {
            var row = t * k;
            for (var j = 0; j < k; j++)
            {
                var best = double.NegativeInfinity;
                var argBest = 0;
                for (var i = 0; i < k; i++)
                {
                    var candidate = delta[i] + logTransition[i * k + j];
                    if (candidate > best)
                    {
                        best = candidate;
                        argBest = i;
                    }
                }

                next[j] = best + logLikelihoods[row + j];
                backPointers[row + j] = argBest;
            }

            (delta, next) = (next, delta);
        }

        var last = 0;
        for (var j = 1; j < k; j++)
        {
            if (delta[j] > delta[last])
            {
                last = j;
            }
        }

        if (!double.IsFinite(delta[last]))
        {
            throw new MarketMakingException(MarketMakingErrorKind.NumericalInstability, "no state path has positive probability", nameof(logLikelihoods));
        }

        var path = new int[n];
        path[n - 1] = last;
        for (var t = n - 1; t > 0; t--)
        {
            path[t - 1] = backPointers[t * k + path[t]];
        }

        return (path, delta[last]);
    }
}
