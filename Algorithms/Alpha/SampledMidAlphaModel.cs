using System;
using System.Collections.Generic;
using System.Linq;
using Lean.MarketMaking.Algorithms.MarketData;
using Lean.MarketMaking.Indicators;
using Lean.MarketMaking.Models.Errors;
using QuantConnect;
using QuantConnect.Algorithm;
using QuantConnect.Algorithm.Framework.Alphas;
using QuantConnect.Data;
using QuantConnect.Data.UniverseSelection;
using QuantConnect.Securities;

namespace Lean.MarketMaking.Algorithms.Alpha;

/// <summary>
/// Base of the alpha models whose estimators assume regularly sampled returns (the Lee–Mykland jump test, a hidden
/// Markov model fitted on returns of one sampling step): it samples each security's mid price on a grid of
/// <see cref="SampleInterval"/> (the first slice at or after each grid point whose security has new data), whatever the
/// data resolution, and hands each sample to <see cref="OnSample"/>. The mid comes from the security's cache
/// (<see cref="QuoteMarket"/>); a missing, non-positive or crossed book is not sampled (a locked book is: its mid is a
/// price), is logged once per symbol and issue, and never throws. Each security's samples are timed on its open-market
/// clock (<see cref="OpenMarketClock"/> over the regular hours of <c>Exchange.Hours</c>; a market that never closes has
/// no closes): <see cref="OnSample"/> gets the exchange local time, the open-market seconds since the first sample and
/// whether a close lies since the previous sample, so that no return across a close is an observation. Per tick the model
/// only compares times; the work and the allocations (LEAN's indicator data points, insights) happen once per sample.
/// </summary>
public abstract class SampledMidAlphaModel : AlphaModel
{
    private readonly Dictionary<Symbol, Sampled> _securities = new();
    private readonly IssueLog _issues = new();

    /// <summary>Validates the sampling step and the insight period.</summary>
    /// <param name="sampleInterval">Sampling step Δ of the mid (&gt; 0).</param>
    /// <param name="insightPeriod">Horizon of each insight; LEAN requires at least one second.</param>
    protected SampledMidAlphaModel(TimeSpan sampleInterval, TimeSpan insightPeriod)
    {
        Guard.Positive(sampleInterval.TotalSeconds, nameof(sampleInterval));
        Guard.InRange(insightPeriod.TotalSeconds, 1, double.MaxValue, nameof(insightPeriod));
        SampleInterval = sampleInterval;
        InsightPeriod = insightPeriod;
    }

    /// <summary>Sampling step Δ of the mid.</summary>
    public TimeSpan SampleInterval { get; }

    /// <summary>Horizon of each insight.</summary>
    public TimeSpan InsightPeriod { get; }

    /// <summary>Insights emitted since construction.</summary>
    public long InsightCount { get; private set; }

    /// <inheritdoc />
    public override IEnumerable<Insight> Update(QCAlgorithm algorithm, Slice data)
    {
        List<Insight>? insights = null;
        var utcNow = data.UtcTime;
        foreach (var (symbol, sampled) in _securities)
        {
            if (utcNow < sampled.NextSampleUtc)
            {
                continue;
            }

            var market = GetMarket(sampled.Security);
            if (market.LastDataTime <= sampled.LastDataTime)
            {
                continue;
            }

            var issue = PriceIssue(market);
            if (issue != MarketDataIssue.None)
            {
                if (_issues.ShouldLog(symbol, issue.ToString()))
                {
                    Log(algorithm, $"{Name}: {symbol} not sampled: {issue} book (bid {market.Bid}, ask {market.Ask}) at {utcNow:O}");
                }

                continue;
            }

            var localTime = market.LocalTime;
            if (localTime < sampled.Timeline.LastTime)
            {
                // LEAN's local time never goes back: nothing to sample (and nothing thrown)
                continue;
            }

            _issues.Clear(symbol);
            sampled.LastDataTime = market.LastDataTime;
            sampled.NextSampleUtc = new DateTime(utcNow.Ticks - utcNow.Ticks % SampleInterval.Ticks, utcNow.Kind) + SampleInterval;
            var crossesClose = sampled.Timeline.Advance(localTime);
            if (OnSample(symbol, new MidSample(utcNow, localTime, sampled.Timeline.Seconds, crossesClose, market.Mid)) is { } insight)
            {
                InsightCount++;
                (insights ??= new List<Insight>()).Add(insight);
            }
        }

        // LEAN's QCAlgorithm.OnFrameworkData skips its ToArray copy only for this very instance
        return insights ?? Enumerable.Empty<Insight>();
    }

    /// <inheritdoc />
    public override void OnSecuritiesChanged(QCAlgorithm algorithm, SecurityChanges changes)
    {
        foreach (var security in changes.RemovedSecurities)
        {
            _securities.Remove(security.Symbol);
            _issues.Remove(security.Symbol);
            Forget(security.Symbol);
        }

        foreach (var security in changes.AddedSecurities)
        {
            if (!_securities.ContainsKey(security.Symbol))
            {
                _securities[security.Symbol] = new Sampled(security, CreateClock(security));
            }
        }
    }

    /// <summary>Absorbs a sampled mid and returns the insight to emit, if any.</summary>
    /// <param name="symbol">The security.</param>
    /// <param name="sample">The mid, its times and whether a market close lies since the previous sample.</param>
    protected abstract Insight? OnSample(Symbol symbol, in MidSample sample);

    /// <summary>The open-market clock of an added security (the one its samples are timed with).</summary>
    /// <param name="symbol">A security added and not removed.</param>
    protected OpenMarketClock ClockOf(Symbol symbol) => _securities[symbol].Clock;

    /// <summary>
    /// The open-market clock of a newly added security: its exchange's regular hours (a market that never closes, such as
    /// crypto, has no closes). Seam for tests.
    /// </summary>
    /// <param name="security">The added security.</param>
    protected virtual OpenMarketClock CreateClock(Security security) => new(security.Exchange.Hours);

    /// <summary>Drops the state of a removed security.</summary>
    protected abstract void Forget(Symbol symbol);

    /// <summary>Reads a security's top of book (seam for tests).</summary>
    protected virtual QuoteMarket GetMarket(Security security) => QuoteMarket.From(security);

    /// <summary>Writes a log line (seam for tests).</summary>
    protected virtual void Log(QCAlgorithm algorithm, string message) => algorithm.Log(message);

    /// <summary>Why the book has no usable mid: the price checks of <see cref="QuoteMarket.Validate"/>, a locked book accepted.</summary>
    private static MarketDataIssue PriceIssue(in QuoteMarket market)
    {
        // a mid needs no tick or lot size: only the prices are checked
        var result = (market with { TickSize = 1, LotSize = 1 }).Validate(TimeSpan.MaxValue);
        return result == MarketDataIssue.Locked ? MarketDataIssue.None : result;
    }

    private sealed class Sampled
    {
        /// <summary>The samples' open-market time axis (a mutable struct: a field).</summary>
        public OpenMarketTimeline Timeline;

        public Sampled(Security security, OpenMarketClock clock)
        {
            Security = security;
            Clock = clock;
            Timeline = new OpenMarketTimeline(clock);
        }

        public Security Security { get; }

        public OpenMarketClock Clock { get; }

        public DateTime NextSampleUtc { get; set; } = DateTime.MinValue;

        public DateTime LastDataTime { get; set; } = DateTime.MinValue;
    }
}
