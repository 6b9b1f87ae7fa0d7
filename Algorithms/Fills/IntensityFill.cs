using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Algorithms.Fills;

/// <summary>
/// Fill probability of a resting quote under the exponential arrival intensity of Avellaneda &amp; Stoikov (2008),
/// "High-frequency trading in a limit order book", Quantitative Finance 8(3), section 2: market orders that reach a
/// quote at depth δ from the mid arrive as a Poisson process of intensity λ(δ) = A·e^(−kδ). The probability of at least
/// one arrival within Δt is 1 − exp(−λ(δ)·Δt); the paper's simulation uses its first-order form λ(δ)·Δt per step, to
/// which this reduces for λΔt ≪ 1. In <see cref="PassiveQuoteFillModel"/> the draw is made only in a step whose
/// opposite flow visibly reached the quote (a resting buy at b is hit by market sells, which show as the bid coming to
/// or through b, or trades at or below b; mirrored for a sell): the data's own price moves then carry the fills, so
/// fills concentrate in the steps where the price moved against the quote — the adverse selection that independent
/// draws lack (their fills are uncorrelated with the moves that follow when the mid has momentum). Draws come from a seeded <see cref="Random"/>, so a backtest is reproducible; give
/// each security its own instance so that draws do not interleave.
/// </summary>
public sealed class IntensityFill
{
    private readonly Random _random;

    /// <summary>Creates a validated intensity fill rule.</summary>
    /// <param name="a">A: arrival rate of market orders at the mid (δ = 0), per second (&gt; 0).</param>
    /// <param name="k">k: decay of the arrival rate with depth, per unit of price (≥ 0; 0: the same rate at every depth).</param>
    /// <param name="seed">Seed of the random draws.</param>
    public IntensityFill(double a, double k, int seed)
    {
        A = Guard.Positive(a, nameof(a));
        K = Guard.NonNegative(k, nameof(k));
        Seed = seed;
        _random = new Random(seed);
    }

    /// <summary>A, per second.</summary>
    public double A { get; }

    /// <summary>k, per unit of price.</summary>
    public double K { get; }

    /// <summary>Seed of the random draws.</summary>
    public int Seed { get; }

    /// <summary>Probability 1 − exp(−A·e^(−kδ)·Δt) that a quote at depth δ ≥ 0 fills within Δt ≥ 0 seconds.</summary>
    public static double Probability(double a, double k, double depth, double seconds)
    {
        var x = a * Math.Exp(-k * Math.Max(depth, 0)) * Math.Max(seconds, 0);
        // 1 − e^(−x); the series avoids cancellation when x is tiny (short steps, deep quotes).
        return x < 1e-5 ? x - x * x / 2 + x * x * x / 6 : 1 - Math.Exp(-x);
    }

    /// <summary>Draws whether a quote at depth δ fills within Δt seconds.</summary>
    public bool Draw(double depth, double seconds) => _random.NextDouble() < Probability(A, K, depth, seconds);
}
