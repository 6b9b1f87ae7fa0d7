using System;
using Lean.MarketMaking.Models.Errors;

namespace Lean.MarketMaking.Models.Simulation;

/// <summary>
/// An endless, seeded stream of the synthetic market for replay in real time: consecutive segments of
/// <see cref="SyntheticMarketGenerator"/> (<see cref="SegmentSeconds"/> long, a book update every grid step of
/// 1 / <see cref="QuotesPerSecond"/> seconds, the mid continued from segment to segment; segment i draws from
/// <c>new Random(seed·1,000,003 + i)</c> as <c>generate-data</c>'s day i does) dequeued in time order as the caller's
/// clock passes them. The Hawkes order flow starts empty in each segment: its excitation does not carry over a segment
/// boundary. Times are seconds since the stream's start. Not thread-safe: one reader.
/// </summary>
public sealed class SyntheticMarketStream
{
    private readonly SyntheticMarketGenerator _generator;
    private readonly int _seed;
    private readonly int _stepsPerSegment;
    private readonly double _stepSeconds;
    private SyntheticMarketSegment _segment;
    private int _segmentIndex;
    private double _offset;
    private int _quote;
    private int _trade;

    /// <summary>Creates the stream and generates its first segment.</summary>
    /// <param name="generator">The market's generator.</param>
    /// <param name="seed">Seed: the same seed, generator and rates give the same stream.</param>
    /// <param name="quotesPerSecond">Book updates per second (&gt; 0): the grid step is its inverse; one update every step.</param>
    /// <param name="segmentSeconds">Length of a generated segment, seconds (&gt; 0; at least one grid step).</param>
    public SyntheticMarketStream(SyntheticMarketGenerator generator, int seed, double quotesPerSecond, double segmentSeconds = 60)
    {
        _generator = generator ?? throw Guard.Invalid(nameof(generator), "must not be null");
        QuotesPerSecond = Guard.Positive(quotesPerSecond, nameof(quotesPerSecond));
        SegmentSeconds = Guard.Positive(segmentSeconds, nameof(segmentSeconds));
        _seed = seed;
        _stepSeconds = 1 / quotesPerSecond;
        _stepsPerSegment = Math.Max(1, (int)Math.Round(segmentSeconds * quotesPerSecond));
        _segment = Generate(_generator.Dynamics.InitialMid);
    }

    /// <summary>Book updates per second.</summary>
    public double QuotesPerSecond { get; }

    /// <summary>Length of a generated segment, seconds.</summary>
    public double SegmentSeconds { get; }

    /// <summary>
    /// Takes the next event if it is due at <paramref name="elapsedSeconds"/> (its time is at or before it), quotes
    /// and trades in time order (a quote first at equal times); generates the next segment when this one is used up.
    /// </summary>
    /// <param name="elapsedSeconds">The caller's clock, seconds since the stream's start.</param>
    /// <param name="quote">The update, when <see cref="SyntheticMarketEventKind.Quote"/> is returned (time since the stream's start).</param>
    /// <param name="trade">The execution, when <see cref="SyntheticMarketEventKind.Trade"/> is returned (time since the stream's start).</param>
    /// <returns>What was taken, or <see cref="SyntheticMarketEventKind.None"/> when nothing is due.</returns>
    public SyntheticMarketEventKind TryDequeue(double elapsedSeconds, out SyntheticBookUpdate quote, out SyntheticMarketOrder trade)
    {
        quote = default;
        trade = default;
        if (_quote >= _segment.Quotes.Count && _trade >= _segment.Trades.Count)
        {
            _offset += _segment.Seconds;
            _segmentIndex++;
            _segment = Generate(_segment.EndMid);
        }

        var quoteTime = _quote < _segment.Quotes.Count ? _offset + _segment.Quotes[_quote].Seconds : double.PositiveInfinity;
        var tradeTime = _trade < _segment.Trades.Count ? _offset + _segment.Trades[_trade].Seconds : double.PositiveInfinity;
        if (quoteTime <= tradeTime && quoteTime <= elapsedSeconds)
        {
            quote = _segment.Quotes[_quote++] with { Seconds = quoteTime };
            return SyntheticMarketEventKind.Quote;
        }

        if (tradeTime < quoteTime && tradeTime <= elapsedSeconds)
        {
            trade = _segment.Trades[_trade++] with { Seconds = tradeTime };
            return SyntheticMarketEventKind.Trade;
        }

        return SyntheticMarketEventKind.None;
    }

    private SyntheticMarketSegment Generate(double startMid)
    {
        _quote = 0;
        _trade = 0;
        return _generator.Generate(startMid, _stepsPerSegment, _stepSeconds, new Random(unchecked((_seed * 1_000_003) + _segmentIndex)), quoteEveryStep: true);
    }
}
