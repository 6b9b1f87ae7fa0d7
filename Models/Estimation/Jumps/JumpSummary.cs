using System;
using System.Collections.Generic;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Estimation.Jumps;

/// <summary>
/// Up and down jumps detected over an observation window, summarised as an asymmetric compound Poisson process:
/// arrivals at <see cref="IntensityPerSecond"/>, a jump is up with probability <see cref="ProbabilityUp"/>, and each
/// side's absolute sizes are exponential with rate <see cref="JumpSideSummary.ExponentialRate"/> (the double-exponential
/// law of Kou 2002, and the up/down jump parameters of Cartea, Jaimungal &amp; Penalva 2015, §10.4).
/// </summary>
/// <param name="ObservedSeconds">Length of the observation window, in seconds.</param>
/// <param name="Units">Unit of the jump sizes.</param>
/// <param name="Up">Upward jumps.</param>
/// <param name="Down">Downward jumps (sizes as absolute values).</param>
public sealed record JumpSummary(double ObservedSeconds, JumpSizeUnit Units, JumpSideSummary Up, JumpSideSummary Down)
{
    /// <summary>Total jump arrival rate, per second.</summary>
    public double IntensityPerSecond => Up.IntensityPerSecond + Down.IntensityPerSecond;

    /// <summary>Probability that a jump is up, λ⁺/(λ⁺ + λ⁻) (the share of up jumps when the rates are plain counts per
    /// second); null without jumps.</summary>
    public double? ProbabilityUp => Up.Count + Down.Count == 0 ? null : Up.IntensityPerSecond / IntensityPerSecond;

    /// <summary>Summarises <paramref name="jumps"/> observed over <paramref name="observedSeconds"/> as detected: rates are
    /// counts per second and sizes are those of the detected returns (for the jump law itself, correct for the detection
    /// threshold with <see cref="ThresholdCorrectedJumpSummary.From"/>).</summary>
    /// <param name="jumps">Detected jumps (e.g. <see cref="LeeMyklandResult.Jumps"/>); a zero move counts as neither side.</param>
    /// <param name="observedSeconds">Length of the window the jumps were searched in, &gt; 0 seconds.</param>
    /// <param name="units">Unit of the sizes.</param>
    public static JumpSummary From(IEnumerable<DetectedJump> jumps, double observedSeconds, JumpSizeUnit units = JumpSizeUnit.LogReturn)
    {
        ArgumentNullException.ThrowIfNull(jumps);
        Guard.Positive(observedSeconds, nameof(observedSeconds));
        int up = 0, down = 0;
        double upSum = 0, downSum = 0;
        foreach (var j in jumps)
        {
            var size = units == JumpSizeUnit.LogReturn ? j.LogReturn : j.PriceChange;
            if (size > 0)
            {
                up++;
                upSum += size;
            }
            else if (size < 0)
            {
                down++;
                downSum -= size;
            }
        }

        return new JumpSummary(observedSeconds, units, Side(up, upSum, observedSeconds), Side(down, downSum, observedSeconds));
    }

    private static JumpSideSummary Side(int count, double sizeSum, double seconds)
    {
        if (count == 0)
        {
            return new JumpSideSummary(0, 0, null, null);
        }

        var mean = sizeSum / count;
        return new JumpSideSummary(count, count / seconds, mean, 1 / mean);
    }
}
