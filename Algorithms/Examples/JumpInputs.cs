using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Jumps;

namespace Lean.MarketMaking.Algorithms.Examples;

/// <summary>
/// The exogenous-jump inputs of <c>MidPriceJumpParameters</c> (Cartea, Jaimungal &amp; Penalva 2015, §10.4) from a
/// <see cref="JumpSummary"/>: λ_J = jumps per second, p = λ⁺/λ_J, and the exponential rates η± of the jump sizes per
/// unit of price. Pass a summary corrected for the detection threshold (<see cref="ThresholdCorrectedJumpSummary"/>,
/// e.g. <c>JumpIndicator.ThresholdCorrectedSummary</c>): the detected jumps alone are only those above the test's
/// threshold, so their rate is too low and their mean size too high. A summary in log-return units is converted at the current mid
/// (a log-jump r moves the price by ≈ mid·r, so a rate η per unit of log-return is η/mid per unit of price). A side
/// without jumps keeps the fallback rate; without any jump p = ½.
/// </summary>
internal static class JumpInputs
{
    /// <summary>(λ_J per second, p, η⁺ per price unit, η⁻ per price unit).</summary>
    /// <param name="summary">Jump summary, corrected for the detection threshold.</param>
    /// <param name="mid">Current mid price (&gt; 0), for log-return summaries.</param>
    /// <param name="fallbackRate">η for a side with no jump, per price unit (&gt; 0).</param>
    public static (double Intensity, double ProbabilityUp, double UpRate, double DownRate) From(JumpSummary summary, double mid, double fallbackRate)
    {
        Guard.Positive(mid, nameof(mid));
        Guard.Positive(fallbackRate, nameof(fallbackRate));
        var scale = summary.Units == JumpSizeUnit.LogReturn ? 1 / mid : 1;
        return (
            summary.IntensityPerSecond,
            summary.ProbabilityUp ?? 0.5,
            summary.Up.ExponentialRate is { } up ? up * scale : fallbackRate,
            summary.Down.ExponentialRate is { } down ? down * scale : fallbackRate);
    }

    /// <summary>
    /// The same jump risk without the jump drift, for a model whose drift view comes from an alpha (e.g.
    /// <c>JumpAlphaModel</c>), so the drift is not counted twice: p = ½ and one rate η for both sides with
    /// 1/η² = p/η⁺² + (1 − p)/η⁻², which keeps λ_J·E[Y²] = λ_J(2p/η⁺² + 2(1−p)/η⁻²) (the jump variance the model charges
    /// through its jump risk aversion) and zeroes λ_J(p/η⁺ − (1−p)/η⁻).
    /// </summary>
    /// <param name="inputs">(λ_J, p, η⁺, η⁻) as from <see cref="From"/>.</param>
    public static (double Intensity, double ProbabilityUp, double UpRate, double DownRate) WithoutDrift(
        (double Intensity, double ProbabilityUp, double UpRate, double DownRate) inputs)
    {
        var (intensity, p, up, down) = inputs;
        var rate = 1 / Math.Sqrt(p / (up * up) + (1 - p) / (down * down));
        return (intensity, 0.5, rate, rate);
    }
}
