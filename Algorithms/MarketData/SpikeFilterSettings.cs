using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Algorithms.MarketData;

/// <summary>
/// Validated settings of <see cref="SpikeFilter"/>: how far the mid may move from the last accepted mid before it is a
/// suspected bad print, and how long a move must persist to be accepted as a genuine jump.
/// </summary>
public sealed record SpikeFilterSettings
{
    /// <summary>
    /// 10 % and 30 seconds: far beyond any tick-to-tick move of a liquid market, longer than a burst of bad prints,
    /// and short enough that the second minute bar beyond the threshold confirms a genuine jump.
    /// </summary>
    public static SpikeFilterSettings Default { get; } = new(0.10, TimeSpan.FromSeconds(30));

    /// <summary>Creates validated settings.</summary>
    /// <param name="maxRelativeMove">Largest accepted |ln(mid / last accepted mid)| (&gt; 0; 0.10 ≈ a 10 % move).</param>
    /// <param name="confirmationTime">How long the book must stay beyond that distance to be accepted as a new level (≥ 0).</param>
    public SpikeFilterSettings(double maxRelativeMove, TimeSpan confirmationTime)
    {
        MaxRelativeMove = Guard.Positive(maxRelativeMove, nameof(maxRelativeMove));
        Guard.NonNegative(confirmationTime.TotalSeconds, nameof(confirmationTime));
        ConfirmationTime = confirmationTime;
    }

    /// <summary>Largest accepted |ln(mid / last accepted mid)|.</summary>
    public double MaxRelativeMove { get; }

    /// <summary>How long a larger move must persist to be accepted.</summary>
    public TimeSpan ConfirmationTime { get; }
}
