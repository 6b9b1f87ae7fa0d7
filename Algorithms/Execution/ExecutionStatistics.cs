using System;
using QuantConnect.Algorithm;

namespace Lean.MarketMaking.Algorithms.Execution;

/// <summary>
/// Counts of the order requests <see cref="MarketMakingExecutionModel"/> sent and of those the venue's rules held
/// back, and in live mode their tick-to-order latency; <see cref="Publish"/> writes them as LEAN runtime statistics.
/// </summary>
public sealed class ExecutionStatistics
{
    /// <summary>New orders submitted (quotes, replacements and flattening clips).</summary>
    public long OrdersSubmitted { get; internal set; }

    /// <summary>Re-pricings sent as an update of the working order.</summary>
    public long Updates { get; internal set; }

    /// <summary>Re-pricings done by cancel-and-replace (the cancel; its replacement counts among the submitted orders).</summary>
    public long Replacements { get; internal set; }

    /// <summary>Cancels sent (re-sends after a timeout included).</summary>
    public long Cancels { get; internal set; }

    /// <summary>
    /// Placements and re-pricings deferred because a rate budget was spent: the order stays where it rests (or the side
    /// stays empty) and the decision is taken again at the next step with the then current quote.
    /// </summary>
    public long Deferred { get; internal set; }

    /// <summary>Quote sides not placed because their size was below the venue's minimum order size.</summary>
    public long BelowMinimumSize { get; internal set; }

    /// <summary>Open orders found at the start (after a restart) and kept as this run's quotes (<see cref="MarketMakingExecutionModel.AdoptOpenOrders"/>).</summary>
    public long OrdersAdopted { get; internal set; }

    /// <summary>Open orders found at the start and cancelled: a second order on a side, or not a limit order.</summary>
    public long OrdersCancelledAtStart { get; internal set; }

    /// <summary>The tick-to-order latency of the requests sent, when measured (live mode); else null.</summary>
    public TickToOrderLatency? Latency { get; internal set; }

    /// <summary>Writes the counts as runtime statistics ("Orders submitted", "Re-pricings by update", …).</summary>
    public void Publish(QCAlgorithm algorithm)
    {
        algorithm.SetRuntimeStatistic("Orders submitted", (decimal)OrdersSubmitted);
        algorithm.SetRuntimeStatistic("Re-pricings by update", (decimal)Updates);
        algorithm.SetRuntimeStatistic("Re-pricings by replace", (decimal)Replacements);
        algorithm.SetRuntimeStatistic("Cancels sent", (decimal)Cancels);
        algorithm.SetRuntimeStatistic("Orders deferred by rate limit", (decimal)Deferred);
        algorithm.SetRuntimeStatistic("Quote sides below minimum size", (decimal)BelowMinimumSize);
        if (OrdersAdopted + OrdersCancelledAtStart > 0)
        {
            algorithm.SetRuntimeStatistic("Open orders adopted at start", (decimal)OrdersAdopted);
            algorithm.SetRuntimeStatistic("Open orders cancelled at start", (decimal)OrdersCancelledAtStart);
        }

        if (Latency is not null)
        {
            algorithm.SetRuntimeStatistic("Tick-to-order requests", (decimal)Latency.Count);
            algorithm.SetRuntimeStatistic("Tick-to-order p50 (us)", Math.Round((decimal)Latency.Quantile(0.5).TotalMicroseconds, 1));
            algorithm.SetRuntimeStatistic("Tick-to-order p99 (us)", Math.Round((decimal)Latency.Quantile(0.99).TotalMicroseconds, 1));
        }
    }
}
