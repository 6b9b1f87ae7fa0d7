using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Risk;

/// <summary>
/// Probability weights of N scenarios ordered oldest first, for age-weighted historical simulation (Boudoukh, Richardson
/// &amp; Whitelaw 1998, "The best of both worlds", Risk 11(5), 64–67): scenario t gets wₜ = λ^(N−1−t)·(1 − λ)/(1 − λᴺ),
/// so the newest scenario weighs most, each older one λ times its successor, and the weights sum to 1. λ = 1 gives equal
/// weights 1/N (plain historical simulation).
/// </summary>
public static class ScenarioWeights
{
    /// <summary>Fills <paramref name="weights"/> (one per scenario, oldest first) with the age weights for <paramref name="decay"/>.</summary>
    /// <param name="weights">Destination, length N ≥ 1.</param>
    /// <param name="decay">λ ∈ (0, 1].</param>
    /// <exception cref="MarketMakingException">InvalidParameters for λ outside (0, 1] or an empty destination.</exception>
    public static void Fill(Span<double> weights, double decay)
    {
        CheckDecay(decay);
        if (weights.IsEmpty)
        {
            throw Guard.Invalid(nameof(weights), "must hold at least one scenario");
        }

        var n = weights.Length;
        if (decay == 1)
        {
            weights.Fill(1.0 / n);
            return;
        }

        // Newest first: w = (1 − λ)/(1 − λᴺ)·λᵏ for age k = 0, 1, …
        var w = (1 - decay) / (1 - Math.Pow(decay, n));
        for (var t = n - 1; t >= 0; t--)
        {
            weights[t] = w;
            w *= decay;
        }
    }

    /// <summary>Requires λ ∈ (0, 1].</summary>
    /// <exception cref="MarketMakingException">InvalidParameters naming <paramref name="name"/>.</exception>
    public static double CheckDecay(double decay, string name = "decay")
    {
        Guard.Finite(decay, name);
        return decay > 0 && decay <= 1 ? decay : throw Guard.Invalid(name, $"must be in (0, 1], got {decay}");
    }
}
