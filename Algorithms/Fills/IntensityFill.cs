using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Algorithms.Fills;

/// <summary>
/// Fill probability of a resting quote under the exponential arrival intensity of Avellaneda &amp; Stoikov (2008),
/// "High-frequency trading in a limit order book", Quantitative Finance 8(3), section 2 (market orders that reach a
/// quote at depth δ from the mid arrive as a Poisson process of intensity λ(δ) = A·e^(−kδ)). The probability
/// of at least one arrival within an exposure x is 1 − exp(−λ(δ)·x); the paper's simulation uses its first-order form
/// λ(δ)·x per step, to which this reduces for λx ≪ 1. The exposure is counted on <see cref="Clock"/>:
/// <list type="bullet">
/// <item><see cref="IntensityClock.MarketSeconds"/>: x = open-market seconds of the steps whose opposite flow visibly reached
/// the quote (a resting buy at b is hit by market sells, which show as the bid coming to or through b, or trades at or
/// below b; mirrored for a sell).</item>
/// <item><see cref="IntensityClock.Depletions"/>: x = 1 at each evaluation at which the quote's own side of the book was
/// depleted while at or behind the quote, 0 otherwise. Derivation: in the queueing model of Cont &amp; de Larrard (2013),
/// "Price dynamics in a Markovian limit order book market", SIAM J. Financial Math. 4(1), section 2, the bid queue
/// changes only at order-book events, and the events that deplete it (market sells and cancellations) are what fill a
/// resting buy: the sell flow shows in the quotes as the bid's displayed size falling at an unchanged price, or the bid
/// price falling (the level cleared). With trades unseen, each depletion that reaches the quote (bid ≤ b) is taken to
/// fill the order with a constant probability 1 − e^(−A·e^(−kδ)) — the event-time (Clark 1973; Ané &amp; Geman 2000)
/// form of the intensity, which follows the market's activity where a per-second rate does not, and fills only on the
/// moves against the quote (hftbacktest's risk-averse and probabilistic queue models advance a queue position on the
/// same decreases of the displayed size; here the position, unknowable without sizes, is replaced by the calibrated
/// probability). A is then per depletion. Calibrate it on data with trades,
/// against the queue rule (<see cref="RestingExposureFillModel"/>).</item>
/// </list>
/// Draws come from a seeded <see cref="Random"/>, so a backtest is reproducible; give each security its own instance so
/// that draws do not interleave.
/// </summary>
public sealed class IntensityFill
{
    private readonly Random _random;

    /// <summary>Creates a validated intensity fill rule.</summary>
    /// <param name="a">A: arrival rate of market orders at the mid (δ = 0), per unit of <paramref name="clock"/> (&gt; 0).</param>
    /// <param name="k">k: decay of the arrival rate with depth, per unit of price (≥ 0; 0: the same rate at every depth).</param>
    /// <param name="seed">Seed of the random draws.</param>
    /// <param name="clock">What the exposure counts (A's unit): open-market seconds (default) or own-side depletions.</param>
    public IntensityFill(double a, double k, int seed, IntensityClock clock = IntensityClock.MarketSeconds)
    {
        if (!Enum.IsDefined(clock))
        {
            throw Guard.Invalid(nameof(clock), $"is not an {nameof(IntensityClock)}: {clock}");
        }

        Clock = clock;
        A = Guard.Positive(a, nameof(a));
        K = Guard.NonNegative(k, nameof(k));
        Seed = seed;
        _random = new Random(seed);
    }

    /// <summary>A, per unit of <see cref="Clock"/> (second or depletion).</summary>
    public double A { get; }

    /// <summary>k, per unit of price.</summary>
    public double K { get; }

    /// <summary>Seed of the random draws.</summary>
    public int Seed { get; }

    /// <summary>What the exposure counts: open-market seconds or own-side depletions.</summary>
    public IntensityClock Clock { get; }

    /// <summary>Probability 1 − exp(−A·e^(−kδ)·x) that a quote at depth δ ≥ 0 fills within an exposure x ≥ 0 (seconds or depletions).</summary>
    public static double Probability(double a, double k, double depth, double exposure)
    {
        var x = a * Math.Exp(-k * Math.Max(depth, 0)) * Math.Max(exposure, 0);
        // 1 − e^(−x); the series avoids cancellation when x is tiny (short steps, deep quotes).
        return x < 1e-5 ? x - x * x / 2 + x * x * x / 6 : 1 - Math.Exp(-x);
    }

    /// <summary>Draws whether a quote at depth δ fills within an exposure x (seconds or depletions, as <see cref="Clock"/>).</summary>
    public bool Draw(double depth, double exposure) => _random.NextDouble() < Probability(A, K, depth, exposure);
}
