using System;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Microstructure;

namespace Lean.MarketMaking.Algorithms.Fills;

/// <summary>
/// Settings of <see cref="PassiveQuoteFillModel"/> shared by its fill rules: order entry latency (constant or drawn per
/// order and per re-price from a <see cref="LatencyModel"/>), the market-impact model
/// that prices a marketable order beyond the displayed size, and how long the state of an order LEAN stopped showing is
/// kept. Immutable and validated.
/// </summary>
public sealed class PassiveFillSettings
{
    /// <summary>Default number of the symbol's scans after which an order's unseen state is forgotten.</summary>
    public const int DefaultStateRetentionScans = 10_000;

    /// <summary>Creates validated settings.</summary>
    /// <param name="entryLatency">
    /// Time from sending an order (or a new limit price) to its arrival at the exchange (≥ 0; default 0): the order cannot
    /// fill before its submission time + latency, and after a re-price the old price stays fillable until the change time
    /// + latency, when the new price becomes active.
    /// </param>
    /// <param name="impact">
    /// Square-root impact paid by a marketable order beyond the displayed size at the touch; null (default): nothing fills
    /// beyond the displayed size on that evaluation (the rest waits for fresh liquidity).
    /// </param>
    /// <param name="latency">
    /// Entry and re-price latency drawn per request (<see cref="LatencyModel.Draw"/> keyed by the order id and the UTC
    /// time the order or its new price was sent); null: the constant <paramref name="entryLatency"/>. Give one or the other.
    /// </param>
    /// <param name="stateRetentionScans">
    /// Scans of its symbol (evaluations at distinct times) after which the state of an order LEAN no longer passes in is
    /// dropped (&gt; 0). LEAN never passes a cancelled order to a fill model, so this bounds the memory of cancelled
    /// orders; an order merely skipped by a scan keeps its state (queue position, quantity already filled).
    /// </param>
    public PassiveFillSettings(TimeSpan? entryLatency = null, SquareRootImpactModel? impact = null, int stateRetentionScans = DefaultStateRetentionScans,
        LatencyModel? latency = null)
    {
        if (entryLatency < TimeSpan.Zero)
        {
            throw Guard.Invalid(nameof(entryLatency), $"must be >= 0, got {entryLatency}");
        }

        if (latency is not null && entryLatency is not null)
        {
            throw Guard.Invalid(nameof(latency), $"give either {nameof(entryLatency)} or {nameof(latency)}, not both");
        }

        Latency = latency ?? LatencyModel.Constant(entryLatency ?? TimeSpan.Zero);

        Impact = impact;
        StateRetentionScans = Guard.Positive(stateRetentionScans, nameof(stateRetentionScans));
    }

    /// <summary>Settings with no latency, no impact model and the default retention.</summary>
    public static PassiveFillSettings Default { get; } = new();

    /// <summary>Order entry and re-price latency: its median (the latency itself when constant).</summary>
    public TimeSpan EntryLatency => Latency.Median;

    /// <summary>Order entry and re-price latency, drawn once per order and per re-price.</summary>
    public LatencyModel Latency { get; }

    /// <summary>Impact model beyond the displayed size, or null.</summary>
    public SquareRootImpactModel? Impact { get; }

    /// <summary>Scans of its symbol after which an unseen order's state is dropped.</summary>
    public int StateRetentionScans { get; }
}
