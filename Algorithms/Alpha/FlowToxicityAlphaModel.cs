using System;
using System.Collections.Generic;
using System.Linq;
using Lean.MarketMaking.Indicators;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.Hawkes;
using Lean.MarketMaking.Models.Estimation.OrderFlow;
using QuantConnect;
using QuantConnect.Algorithm;
using QuantConnect.Algorithm.Framework.Alphas;
using QuantConnect.Data;
using QuantConnect.Data.Market;
using QuantConnect.Data.UniverseSelection;
using QuantConnect.Securities;

namespace Lean.MarketMaking.Algorithms.Alpha;

/// <summary>
/// Alpha model measuring order-flow toxicity (<see cref="FlowToxicityEstimator"/>: VPIN over volume buckets, Hawkes
/// buy/sell imbalance and excited fraction, trade-sign persistence, combined into a score in [0, 1]) from trade ticks
/// signed by Lee &amp; Ready (1991) (<see cref="LeeReadyTradeSigner"/>: the quote rule against the prevailing book built from
/// the quote ticks of the same stream, one-sided ticks included, the tick test at the mid or before any quote).
/// <para>It emits price insights with no magnitude (it predicts no move of its own), confidence = the score and direction =
/// the informed side (Up: buyers, Down: sellers, Flat: unknown), named <see cref="SourcePrefix"/>…; the portfolio
/// construction's <c>InsightSignals</c> hands them to the quoting model as <c>MarketSnapshot.FlowToxicity</c> and
/// <c>InformedSide</c>, which a <c>ToxicityAwareQuotingModel</c> turns into adverse selection, drift and the pull of the
/// exposed side. An insight is emitted when the score's level (⌈score·levels⌉) or the side changes, or when the period
/// has elapsed since the last one while the level is above 0, so the insight count stays bounded.</para>
/// <para><b>Market closes.</b> As <see cref="OrderFlowImbalanceAlphaModel"/>: tick times run on the security's
/// open-market clock (<see cref="OpenMarketClock"/>) and every estimator restarts at each close (buckets, persistence,
/// the Hawkes state, the book and the signer's last price). Trade ticks with a non-positive or non-finite price or size
/// are skipped (a bad print never moves the score).</para>
/// </summary>
public class FlowToxicityAlphaModel : AlphaModel
{
    /// <summary>Start of the source-model name of every insight of this model (how <c>InsightSignals</c> recognises them).</summary>
    public const string SourcePrefix = nameof(FlowToxicityAlphaModel);

    private readonly Dictionary<Symbol, SymbolFlow> _flows = new();
    private readonly Func<FlowToxicityEstimator> _newEstimator;

    /// <summary>Creates the model.</summary>
    /// <param name="bucketVolume">VPIN bucket volume, units of the asset (&gt; 0).</param>
    /// <param name="bucketCount">VPIN buckets in the window (≥ 1).</param>
    /// <param name="hawkes">Two-dimensional buy/sell Hawkes parameters per open-market second (node 0 buys).</param>
    /// <param name="persistenceHalfLifeTrades">Half-life of the sign persistence, in signed trades (&gt; 0).</param>
    /// <param name="insightPeriod">Horizon of each insight; LEAN requires at least one second.</param>
    /// <param name="levels">Resolution of the emitted score (≥ 1).</param>
    /// <param name="score">How the components combine; null for the equally weighted <see cref="WeightedFlowToxicityScore"/>.</param>
    public FlowToxicityAlphaModel(double bucketVolume, int bucketCount, HawkesParameters hawkes, double persistenceHalfLifeTrades,
        TimeSpan insightPeriod, int levels = 10, IFlowToxicityScore? score = null)
    {
        ArgumentNullException.ThrowIfNull(hawkes);
        Guard.InRange(insightPeriod.TotalSeconds, 1, double.MaxValue, nameof(insightPeriod));
        Levels = Guard.Positive(levels, nameof(levels));
        _newEstimator = () => new FlowToxicityEstimator(new VolumeBucketImbalance(bucketVolume, bucketCount), hawkes,
            new TradeSignPersistence(persistenceHalfLifeTrades), score);
        _ = _newEstimator(); // validates the settings now rather than at the first security
        InsightPeriod = insightPeriod;
        Name = $"{SourcePrefix}({bucketVolume},{bucketCount},{persistenceHalfLifeTrades},{insightPeriod.TotalSeconds}s)";
    }

    /// <summary>Horizon of each insight.</summary>
    public TimeSpan InsightPeriod { get; }

    /// <summary>Resolution of the emitted score.</summary>
    public int Levels { get; }

    /// <summary>Number of insights emitted so far.</summary>
    public long InsightCount { get; private set; }

    /// <summary>True when <paramref name="insight"/> was emitted by a model of this kind.</summary>
    public static bool IsToxicityInsight(Insight insight) =>
        insight.SourceModel is { } source && source.StartsWith(SourcePrefix, StringComparison.Ordinal);

    /// <summary>The latest score of <paramref name="symbol"/> and its informed side ((0, 0) if none).</summary>
    public (double Score, int InformedSide) ToxicityOf(Symbol symbol) =>
        _flows.TryGetValue(symbol, out var flow) ? (flow.Score, flow.Side) : (0, 0);

    /// <inheritdoc />
    public override IEnumerable<Insight> Update(QCAlgorithm algorithm, Slice data)
    {
        List<Insight>? insights = null;
        foreach (var (symbol, ticks) in data.Ticks)
        {
            if (!_flows.TryGetValue(symbol, out var flow))
            {
                continue;
            }

            foreach (var tick in ticks)
            {
                if (tick.EndTime < flow.Timeline.LastTime)
                {
                    continue;
                }

                if (flow.Timeline.Advance(tick.EndTime))
                {
                    flow.Estimator.Reset(flow.Timeline.Seconds);
                    flow.Book.Clear();
                    flow.Signer.Reset();
                }

                if (QuoteBook.IsQuote(tick))
                {
                    flow.Book.Apply(tick);
                }
                else if (tick.TickType == TickType.Trade)
                {
                    var price = (double)tick.Value;
                    var size = (double)tick.Quantity;
                    if (price > 0 && size > 0 && double.IsFinite(price) && double.IsFinite(size))
                    {
                        flow.Estimator.OnTrade(flow.Timeline.Seconds, size, flow.Signer.Sign(price, flow.Book.MidFor(tick)));
                        flow.Trades++;
                    }
                }
            }

            var insight = Decide(symbol, flow, data.UtcTime);
            if (insight is not null)
            {
                InsightCount++;
                (insights ??= new List<Insight>()).Add(insight);
            }
        }

        return insights ?? Enumerable.Empty<Insight>();
    }

    /// <inheritdoc />
    public override void OnSecuritiesChanged(QCAlgorithm algorithm, SecurityChanges changes)
    {
        foreach (var security in changes.RemovedSecurities)
        {
            _flows.Remove(security.Symbol);
        }

        foreach (var security in changes.AddedSecurities)
        {
            if (!_flows.ContainsKey(security.Symbol))
            {
                _flows[security.Symbol] = new SymbolFlow(_newEstimator(), CreateClock(security));
            }
        }
    }

    /// <summary>The open-market clock of a newly added security (its exchange's regular hours). Seam for tests.</summary>
    /// <param name="security">The added security.</param>
    protected virtual OpenMarketClock CreateClock(Security security) => new(security.Exchange.Hours);

    private Insight? Decide(Symbol symbol, SymbolFlow flow, DateTime utcNow)
    {
        if (flow.Trades == 0)
        {
            return null;
        }

        var reading = flow.Estimator.Read(flow.Timeline.Seconds);
        flow.Score = flow.Estimator.Score(reading);
        flow.Side = reading.InformedSide;
        var level = (int)Math.Ceiling(flow.Score * Levels);
        var changed = level != flow.EmittedLevel || flow.Side != flow.EmittedSide;
        if (!changed && (level == 0 || utcNow - flow.EmittedUtc < InsightPeriod))
        {
            return null;
        }

        flow.EmittedLevel = level;
        flow.EmittedSide = flow.Side;
        flow.EmittedUtc = utcNow;
        var direction = flow.Side > 0 ? InsightDirection.Up : flow.Side < 0 ? InsightDirection.Down : InsightDirection.Flat;
        return Insight.Price(symbol, InsightPeriod, direction, null, flow.Score, Name);
    }

    private sealed class SymbolFlow
    {
        public SymbolFlow(FlowToxicityEstimator estimator, OpenMarketClock clock)
        {
            Estimator = estimator;
            Timeline = new OpenMarketTimeline(clock);
        }

        public FlowToxicityEstimator Estimator { get; }

        /// <summary>The prevailing bid and ask (a mutable struct: a field).</summary>
        public QuoteBook Book;

        /// <summary>Lee–Ready signer (a mutable struct: a field).</summary>
        public LeeReadyTradeSigner Signer;

        /// <summary>The ticks' open-market time axis (a mutable struct: a field).</summary>
        public OpenMarketTimeline Timeline;

        public long Trades { get; set; }

        public double Score { get; set; }

        public int Side { get; set; }

        public int EmittedLevel { get; set; }

        public int EmittedSide { get; set; }

        public DateTime EmittedUtc { get; set; } = DateTime.MinValue;
    }
}
