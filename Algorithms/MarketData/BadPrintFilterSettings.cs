using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Algorithms.MarketData;

/// <summary>Validated settings of <see cref="BadPrintDataFilter"/>.</summary>
public sealed record BadPrintFilterSettings
{
    /// <summary>
    /// The default spike rule (<see cref="SpikeFilterSettings.Default"/>), quotes crossed by more than 0.1 % of the ask
    /// dropped, a data point stamped up to one minute before the last accepted one dropped (further back: a new stream,
    /// e.g. a history request), one log line per kind per 15 minutes.
    /// </summary>
    public static BadPrintFilterSettings Default { get; } = new();

    /// <summary>Creates validated settings.</summary>
    /// <param name="spikeFilter">The jump rule in σ units and its confirmation; default <see cref="SpikeFilterSettings.Default"/>.</param>
    /// <param name="crossedTolerance">
    /// Largest accepted (bid − ask) / ask of a quote tick (≥ 0; default 0.001): a feed crossed by a tick or two is left to
    /// portfolio construction's locked/crossed persistence rule, a quote crossed by more is a bad print.
    /// </param>
    /// <param name="outOfOrderWindow">
    /// A data point stamped before the last accepted one by at most this much is dropped as out of order (&gt; 0;
    /// default 1 minute); further back the stream is taken to start again (LEAN runs history requests through the same
    /// filter) and the filter's state for it is reset.
    /// </param>
    /// <param name="logInterval">Shortest time between two log lines of one kind of dropped data (&gt; 0; default 15 minutes).</param>
    public BadPrintFilterSettings(
        SpikeFilterSettings? spikeFilter = null,
        double crossedTolerance = 0.001,
        TimeSpan? outOfOrderWindow = null,
        TimeSpan? logInterval = null)
    {
        SpikeFilter = spikeFilter ?? SpikeFilterSettings.Default;
        CrossedTolerance = Guard.NonNegative(crossedTolerance, nameof(crossedTolerance));
        OutOfOrderWindow = outOfOrderWindow ?? TimeSpan.FromMinutes(1);
        Guard.Positive(OutOfOrderWindow.TotalSeconds, nameof(outOfOrderWindow));
        LogInterval = logInterval ?? TimeSpan.FromMinutes(15);
        Guard.Positive(LogInterval.TotalSeconds, nameof(logInterval));
    }

    /// <summary>The jump rule in σ units and its confirmation.</summary>
    public SpikeFilterSettings SpikeFilter { get; }

    /// <summary>Largest accepted (bid − ask) / ask of a quote tick.</summary>
    public double CrossedTolerance { get; }

    /// <summary>How far back a data point is dropped as out of order rather than taken as a new stream.</summary>
    public TimeSpan OutOfOrderWindow { get; }

    /// <summary>Shortest time between two log lines of one kind of dropped data.</summary>
    public TimeSpan LogInterval { get; }
}
