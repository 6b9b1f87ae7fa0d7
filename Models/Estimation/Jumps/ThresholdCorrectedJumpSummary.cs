using System;
using System.Collections.Generic;
using Lean.MarketMaking.Models.Errors;
using MathNet.Numerics.Distributions;

namespace Lean.MarketMaking.Models.Estimation.Jumps;

/// <summary>
/// Jump rates and exponential size laws per side corrected for what a threshold test such as Lee &amp; Mykland (2008)
/// cannot see. The test flags return i when |rᵢ| &gt; cᵢ = c*·σᵢ (c* = <see cref="LeeMyklandParameters.Threshold"/>,
/// σᵢ the local volatility per return, recovered from a detected jump as |rᵢ/Lᵢ|), so the detected jumps are the
/// double-exponential jumps (Kou 2002, "A jump-diffusion model for option pricing", Management Science 48(8); the up/down
/// jumps of Cartea, Jaimungal &amp; Penalva 2015, §10.4) left-truncated at cᵢ: their count understates the rate and their
/// mean size overstates the mean jump by about cᵢ. <see cref="JumpSummary.From"/> reports the detected ones as they are.
/// </summary>
/// <remarks>
/// <para><b>Sizes.</b> On each side the absolute jump size is Exp(η). The detected return is J + σZ (the jump plus the
/// return's diffusive part). For x &gt; c ≫ σ its density is η·e^(−ηx + η²σ²/2)·Φ(x/σ − ησ) ≈ η·e^(−η(x − c))·P(detect):
/// an exponential tail convolved with a Gaussian is still exponential with the same rate, so by memorylessness the
/// exceedances xᵢ − cᵢ are Exp(η) whatever each cᵢ is. Their maximum-likelihood estimate is η̂ = N / Σ(xᵢ − cᵢ), the
/// mean jump size 1/η̂ is the mean exceedance, and its standard error is (1/η̂)/√N.</para>
/// <para><b>Rates.</b> A jump of this side is detected with probability
/// pᵢ = P(J + σᵢZ &gt; cᵢ) = e^(−ηcᵢ + η²σᵢ²/2)·Φ(c* − ησᵢ) + Φ̄(c*) (exact for J ~ Exp(η), Z ~ N(0, 1)); without the
/// diffusive part this is e^(−ηcᵢ). Weighting each detected jump by 1/pᵢ (Horvitz &amp; Thompson 1952, J. American
/// Statistical Association 47) gives λ̂ = (1/T)·Σᵢ 1/p̂ᵢ, unbiased for known η since E[Σ 1/p(tᵢ)] = ∫ λ·p(t)/p(t) dt = λT,
/// and valid when the threshold moves with the local volatility. With a constant threshold it is N·e^(ηc − η²σ²/2)/T/Φ(…),
/// whose relative standard error is √((1 + (ηc)²)/N) (Poisson count and the estimated η).</para>
/// <para><b>Approximations.</b> Sizes near c are assumed to come from jumps (pure-noise false detections, at most α per
/// n tested returns, are ignored); a return is assumed to carry at most one jump; the size unit is the log-return, or the
/// price change with the threshold mapped to price at the jump's own pre-jump price, P₀·(e^(±c) − 1), and the diffusive
/// part to P₀·σᵢ. The estimate needs the exponential law: heavier tails than exponential make the extrapolation below the
/// threshold unreliable.</para>
/// </remarks>
public static class ThresholdCorrectedJumpSummary
{
    /// <summary>Estimates the jump component from the jumps a threshold test found over <paramref name="observedSeconds"/>.</summary>
    /// <param name="jumps">Detected jumps with their statistics Lᵢ = rᵢ/σᵢ (e.g. <see cref="LeeMyklandResult.Jumps"/>).</param>
    /// <param name="observedSeconds">Length of the tested window, &gt; 0 seconds.</param>
    /// <param name="threshold">The test's threshold c* on |L| (<see cref="LeeMyklandResult.Threshold"/>), &gt; 0.</param>
    /// <param name="units">Unit of the sizes.</param>
    /// <returns>A summary whose counts are the detected ones and whose intensities, mean sizes and rates are corrected.</returns>
    public static JumpSummary From(IEnumerable<DetectedJump> jumps, double observedSeconds, double threshold, JumpSizeUnit units = JumpSizeUnit.LogReturn)
    {
        ArgumentNullException.ThrowIfNull(jumps);
        Guard.Positive(observedSeconds, nameof(observedSeconds));
        Guard.Positive(threshold, nameof(threshold));
        var list = jumps as IReadOnlyCollection<DetectedJump> ?? new List<DetectedJump>(jumps);
        return new JumpSummary(
            observedSeconds,
            units,
            Side(list, up: true, observedSeconds, threshold, units),
            Side(list, up: false, observedSeconds, threshold, units));
    }

    /// <summary>
    /// P(J + σZ &gt; c*·σ) for J ~ Exp(η) and Z ~ N(0, 1): e^(−ηc + η²σ²/2)·Φ(c* − ησ) + Φ̄(c*) with c = c*·σ.
    /// </summary>
    /// <param name="rate">η &gt; 0, per unit of size.</param>
    /// <param name="noise">σ ≥ 0, the diffusive standard deviation of the return, in units of size.</param>
    /// <param name="threshold">c* &gt; 0, the threshold in units of σ.</param>
    public static double DetectionProbability(double rate, double noise, double threshold)
    {
        var ratio = rate * noise;
        return Math.Exp(-rate * threshold * noise + 0.5 * ratio * ratio) * Normal.CDF(0, 1, threshold - ratio)
               + Normal.CDF(0, 1, -threshold);
    }

    private static JumpSideSummary Side(IReadOnlyCollection<DetectedJump> jumps, bool up, double seconds, double threshold, JumpSizeUnit units)
    {
        var count = 0;
        var exceedance = 0.0;
        foreach (var jump in jumps)
        {
            if (Measure(jump, up, threshold, units) is var (size, cut, _) && size > 0)
            {
                count++;
                exceedance += size - cut;
            }
        }

        if (count == 0)
        {
            return new JumpSideSummary(0, 0, null, null);
        }

        var mean = exceedance / count;
        var rate = 1 / mean;
        var weighted = 0.0;
        foreach (var jump in jumps)
        {
            if (Measure(jump, up, threshold, units) is var (size, _, noise) && size > 0)
            {
                weighted += 1 / DetectionProbability(rate, noise, threshold);
            }
        }

        return new JumpSideSummary(count, weighted / seconds, mean, rate);
    }

    // (absolute size on this side or 0, the threshold and the diffusive standard deviation in the same unit).
    private static (double Size, double Threshold, double Noise) Measure(DetectedJump jump, bool up, double threshold, JumpSizeUnit units)
    {
        var r = jump.LogReturn;
        if ((up ? r <= 0 : r >= 0) || jump.Statistic == 0 || !double.IsFinite(r / jump.Statistic))
        {
            return default;
        }

        var sigma = Math.Abs(r / jump.Statistic);
        var cut = threshold * sigma;
        if (units == JumpSizeUnit.LogReturn)
        {
            return (Math.Abs(r), cut, sigma);
        }

        // Price units: P₀ = ΔP/(e^r − 1); the threshold P₀(e^c − 1) up, P₀(1 − e^(−c)) down.
        var before = jump.PriceChange / double.ExpM1(r);
        return (Math.Abs(jump.PriceChange), before * Math.Abs(double.ExpM1(up ? cut : -cut)), before * sigma);
    }
}
