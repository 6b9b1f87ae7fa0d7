using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Algorithms.MarketData;

/// <summary>
/// Validated settings of <see cref="SpikeFilter"/>: a move of the price from the last accepted one is a suspected bad
/// print when |ln(p / p_ref)| &gt; max(<see cref="MinRelativeMove"/>, <see cref="MaxMoveInSigmas"/>·σ̂·√Δt), with σ̂ the
/// security's own volatility of accepted log prices per √second (EWMA, half-life <see cref="VolatilityHalfLife"/>) and
/// Δt the seconds since the reference; it is accepted as a genuine jump once it has persisted for
/// <see cref="ConfirmationTime"/>.
/// </summary>
public sealed record SpikeFilterSettings
{
    /// <summary>
    /// k = 10 σ, floor 0.2 %, σ̂ half-life 10 minutes, confirmation 30 seconds, quotes pulled while suspect.
    /// 10 σ of the market's own recent volatility is never a diffusive move (and rare even under fat tails), while a
    /// fixed 10 % is about 20 daily σ of EURUSD; the floor keeps a quiet spell (σ̂ ≈ 0) and tick discreteness from
    /// flagging ordinary moves, and alone decides until σ̂ rests on 30 returns and a half-life of data.
    /// </summary>
    public static SpikeFilterSettings Default { get; } = new();

    /// <summary>Creates validated settings.</summary>
    /// <param name="maxMoveInSigmas">k: the largest accepted move in units of σ̂·√Δt (&gt; 0).</param>
    /// <param name="minRelativeMove">Floor of the threshold on |ln(p / p_ref)| (&gt; 0; 0.002 ≈ 0.2 %).</param>
    /// <param name="volatilityHalfLife">Half-life of the EWMA volatility of accepted prices (&gt; 0); default 10 minutes.</param>
    /// <param name="confirmationTime">How long the price must stay at the new level to be accepted (≥ 0); default 30 s.</param>
    /// <param name="keepQuotesWhileSuspect">
    /// While a move is unconfirmed, portfolio construction re-emits the last quote of the security (tagged as such)
    /// instead of no target; false (default) pulls the quotes until the move is confirmed or the price comes back.
    /// </param>
    public SpikeFilterSettings(
        double maxMoveInSigmas = 10,
        double minRelativeMove = 0.002,
        TimeSpan? volatilityHalfLife = null,
        TimeSpan? confirmationTime = null,
        bool keepQuotesWhileSuspect = false)
    {
        MaxMoveInSigmas = Guard.Positive(maxMoveInSigmas, nameof(maxMoveInSigmas));
        MinRelativeMove = Guard.Positive(minRelativeMove, nameof(minRelativeMove));
        VolatilityHalfLife = volatilityHalfLife ?? TimeSpan.FromMinutes(10);
        Guard.Positive(VolatilityHalfLife.TotalSeconds, nameof(volatilityHalfLife));
        ConfirmationTime = confirmationTime ?? TimeSpan.FromSeconds(30);
        Guard.NonNegative(ConfirmationTime.TotalSeconds, nameof(confirmationTime));
        KeepQuotesWhileSuspect = keepQuotesWhileSuspect;
    }

    /// <summary>k: the largest accepted move in units of σ̂·√Δt.</summary>
    public double MaxMoveInSigmas { get; }

    /// <summary>Floor of the threshold on |ln(p / p_ref)|.</summary>
    public double MinRelativeMove { get; }

    /// <summary>Half-life of the EWMA volatility of accepted prices.</summary>
    public TimeSpan VolatilityHalfLife { get; }

    /// <summary>How long a larger move must persist to be accepted.</summary>
    public TimeSpan ConfirmationTime { get; }

    /// <summary>Whether portfolio construction keeps the last quote of a security while its price is suspect.</summary>
    public bool KeepQuotesWhileSuspect { get; }
}
