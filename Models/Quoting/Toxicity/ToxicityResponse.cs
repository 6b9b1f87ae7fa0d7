using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Quoting.Toxicity;

/// <summary>
/// The one mapping from order-flow toxicity (score T ∈ [0, 1], informed side d ∈ {−1, 0, +1}) to a quoting model's
/// adverse-selection and drift inputs, shared by every model through <see cref="ToxicityAwareQuotingModel"/>:
/// <list type="bullet">
/// <item>adverse selection per fill ξ(T) = ξ_max·T̂, price units: GLFT's ξ (Guéant, Lehalle &amp; Fernandez-Tapia 2013
/// §5.2, the mid's jump against the market maker after each fill) and Cartea–Jaimungal's ε± on both sides (Cartea,
/// Jaimungal &amp; Penalva 2015 §10.4, the mid's move after a market order) — both widen the quotes as ξ grows;</item>
/// <item>a drift view μ(T) = d·μ_max·T̂ towards the informed side, price per time unit, decaying with time constant h
/// (<see cref="MarketSnapshot.DriftDecayTime"/>) — the quotes skew away from the informed flow;</item>
/// <item>past the threshold, T̂ ≥ T*, the exposed side (the ask when buyers are informed, the bid when sellers are) is
/// pulled (size 0).</item>
/// </list>
/// T̂ = ⌈x·L⌉/L is the excess score x = max(0, (T − T₀)/(1 − T₀)) above the neutral score T₀ (the score of ordinary
/// flow, e.g. its median on the instrument, to which the quotes do not respond) rounded up to one of L levels
/// (pessimistic: never less protection than the score asks for),
/// so a wrapped model whose inputs are construction parameters is built at most L + 1 times. Every output is
/// non-decreasing in T. Immutable and validated.
/// </summary>
public sealed class ToxicityResponse
{
    /// <summary>Creates the mapping.</summary>
    /// <param name="maxAdverseSelectionPerFill">ξ_max ≥ 0, price units: ξ at T = 1.</param>
    /// <param name="maxDrift">μ_max ≥ 0, price per model time unit: the drift view at T = 1.</param>
    /// <param name="driftDecayTime">h &gt; 0, model time units: how long a toxicity drift view lasts.</param>
    /// <param name="pullThreshold">T* &gt; 0: from this rounded excess score T̂ on the exposed side is pulled; above 1 never.</param>
    /// <param name="levels">L ≥ 1: the score's resolution.</param>
    /// <param name="neutralScore">T₀ ∈ [0, 1): scores up to T₀ get no response.</param>
    public ToxicityResponse(double maxAdverseSelectionPerFill, double maxDrift, double driftDecayTime, double pullThreshold, int levels = 20, double neutralScore = 0)
    {
        NeutralScore = Guard.InRange(neutralScore, 0, 1, nameof(neutralScore)) < 1 ? neutralScore : throw Guard.Invalid(nameof(neutralScore), "must be < 1");
        MaxAdverseSelectionPerFill = Guard.NonNegative(maxAdverseSelectionPerFill, nameof(maxAdverseSelectionPerFill));
        MaxDrift = Guard.NonNegative(maxDrift, nameof(maxDrift));
        DriftDecayTime = Guard.Positive(driftDecayTime, nameof(driftDecayTime));
        PullThreshold = pullThreshold > 0 ? pullThreshold : throw Guard.Invalid(nameof(pullThreshold), $"must be > 0, got {pullThreshold}");
        Levels = Guard.Positive(levels, nameof(levels));
    }

    /// <summary>ξ_max, price units.</summary>
    public double MaxAdverseSelectionPerFill { get; }

    /// <summary>μ_max, price per model time unit.</summary>
    public double MaxDrift { get; }

    /// <summary>h, model time units.</summary>
    public double DriftDecayTime { get; }

    /// <summary>T*: the rounded score from which the exposed side is pulled.</summary>
    public double PullThreshold { get; }

    /// <summary>L, the number of score levels.</summary>
    public int Levels { get; }

    /// <summary>T₀, the score that gets no response.</summary>
    public double NeutralScore { get; }

    /// <summary>The level ⌈x·L⌉ ∈ [0, L] of a score T (x = (T − T₀)/(1 − T₀) clamped to [0, 1]; NaN counts as 1).</summary>
    public int Level(double score) =>
        double.IsNaN(score) ? Levels : (int)Math.Ceiling(Math.Clamp((score - NeutralScore) / (1 - NeutralScore), 0, 1) * Levels);

    /// <summary>ξ at a level, price units: ξ_max·level/L.</summary>
    public double AdverseSelectionPerFill(int level) => MaxAdverseSelectionPerFill * level / Levels;

    /// <summary>The drift view at a level for informed side d, price per model time unit: d·μ_max·level/L.</summary>
    public double Drift(int level, int informedSide) => Math.Sign(informedSide) * MaxDrift * level / Levels;

    /// <summary>True when the side exposed to informed side d (+1: the ask, −1: the bid) is pulled at this level.</summary>
    public bool PullsExposedSide(int level) => (double)level / Levels >= PullThreshold;
}
