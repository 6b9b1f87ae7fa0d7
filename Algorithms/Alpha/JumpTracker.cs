using System;
using Lean.MarketMaking.Indicators;
using Lean.MarketMaking.Models.Estimation.Jumps;

namespace Lean.MarketMaking.Algorithms.Alpha;

/// <summary>
/// One symbol's jump state for the alpha models: a <see cref="JumpIndicator"/> (online Lee–Mykland test) on the sampled
/// mids, on the security's open-market clock, whose tested time and jumps feed a <see cref="WeightedJumpActivity"/>: the
/// return across a market close is not tested, and the jump weights age in tested open-market seconds only.
/// </summary>
internal sealed class JumpTracker
{
    /// <param name="settings">Jump test and memory.</param>
    /// <param name="clock">The security's open-market clock.</param>
    public JumpTracker(JumpDetectionSettings settings, OpenMarketClock clock)
    {
        // the summary of remembered jumps is not used: keep one
        Indicator = new JumpIndicator("jumps", settings.Detector, settings.TestsPerPeriod, jumpMemory: 1) { Clock = clock };
        Activity = new WeightedJumpActivity(settings.MemoryHalfLife.TotalSeconds);
    }

    /// <summary>The Lee–Mykland test.</summary>
    public JumpIndicator Indicator { get; }

    /// <summary>Exponentially weighted jump rates, sizes and variance.</summary>
    public WeightedJumpActivity Activity { get; }

    /// <summary>Whether the latest price's return was tested (the price was accepted and the window was full).</summary>
    public bool IsTested { get; private set; }

    /// <summary>Whether the latest price's return was flagged as a jump.</summary>
    public bool IsJump => IsTested && Indicator.IsJump;

    /// <summary>Feeds a sampled price at an exchange local time; a price the indicator rejects changes nothing.</summary>
    public void Update(DateTime localTime, decimal price)
    {
        var samples = Indicator.Samples;
        var skipped = Indicator.SkippedCount;
        var tested = Indicator.TestedSeconds;
        var jumps = Indicator.JumpCount;
        Indicator.Update(localTime, price);
        // LEAN's base ignores an input older than the previous one (Samples unchanged); ours skips unusable prices
        IsTested = Indicator.Samples != samples && Indicator.SkippedCount == skipped && Indicator.IsTested;
        Activity.Elapse(Indicator.TestedSeconds - tested);
        if (Indicator.JumpCount != jumps && Indicator.LastJump is { } jump)
        {
            Activity.AddJump(jump.LogReturn);
        }
    }
}
