using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Simulation;
using QuantConnect.Configuration;

namespace Lean.MarketMaking.Live;

/// <summary>
/// Settings of <see cref="SyntheticDataQueueHandler"/>: the market's dynamics (those of <c>generate-data</c> unless
/// set), the seed, the book updates per second of each symbol and the generated segment's length. From LEAN's Launcher
/// configuration with <see cref="FromConfig"/>: <c>synthetic-market-seed</c> (default 1),
/// <c>synthetic-market-quotes-per-second</c> (default 10), <c>synthetic-market-trades-per-second</c> (the Hawkes base
/// rate μ of each side, default 0.02), <c>synthetic-market-initial-mid</c> (default 1.10),
/// <c>synthetic-market-tick-size</c> (default 0.00001).
/// </summary>
public sealed class SyntheticDataQueueSettings
{
    /// <summary>Creates validated settings.</summary>
    /// <param name="dynamics">The market's dynamics.</param>
    /// <param name="seed">Seed; each symbol's stream is seeded with it and its ticker.</param>
    /// <param name="quotesPerSecond">Book updates per second of each symbol (&gt; 0).</param>
    /// <param name="segmentSeconds">Length of a generated segment, seconds (&gt; 0): the Hawkes flow restarts at each.</param>
    public SyntheticDataQueueSettings(SyntheticMarketDynamics dynamics, int seed = 1, double quotesPerSecond = 10, double segmentSeconds = 60)
    {
        Dynamics = dynamics ?? throw Guard.Invalid(nameof(dynamics), "must not be null");
        Seed = seed;
        QuotesPerSecond = Guard.Positive(quotesPerSecond, nameof(quotesPerSecond));
        SegmentSeconds = Guard.Positive(segmentSeconds, nameof(segmentSeconds));
    }

    /// <summary>The market's dynamics.</summary>
    public SyntheticMarketDynamics Dynamics { get; }

    /// <summary>Seed.</summary>
    public int Seed { get; }

    /// <summary>Book updates per second of each symbol.</summary>
    public double QuotesPerSecond { get; }

    /// <summary>Length of a generated segment, seconds.</summary>
    public double SegmentSeconds { get; }

    /// <summary>Reads the settings from LEAN's configuration (keys in the class summary).</summary>
    public static SyntheticDataQueueSettings FromConfig()
    {
        var defaults = new SyntheticMarketDynamics();
        var dynamics = new SyntheticMarketDynamics(
            initialMid: Config.GetDouble("synthetic-market-initial-mid", defaults.InitialMid),
            tickSize: (decimal)Config.GetDouble("synthetic-market-tick-size", (double)defaults.TickSize),
            baseTradeRate: Config.GetDouble("synthetic-market-trades-per-second", defaults.BaseTradeRate));
        return new SyntheticDataQueueSettings(dynamics,
            Config.GetInt("synthetic-market-seed", 1),
            Config.GetDouble("synthetic-market-quotes-per-second", 10));
    }
}
