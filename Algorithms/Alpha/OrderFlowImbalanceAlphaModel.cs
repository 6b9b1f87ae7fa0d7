using System;
using System.Collections.Generic;
using System.Linq;
using Lean.MarketMaking.Indicators;
using Lean.MarketMaking.Models.Errors;
using QuantConnect;
using QuantConnect.Algorithm;
using QuantConnect.Algorithm.Framework.Alphas;
using QuantConnect.Data;
using QuantConnect.Data.Market;
using QuantConnect.Data.UniverseSelection;
using QuantConnect.Securities;

namespace Lean.MarketMaking.Algorithms.Alpha;

/// <summary>
/// Alpha model predicting short-term drift from the order-flow imbalance of trade ticks (<see cref="TradeFlowImbalance"/>,
/// quote-rule signing against the prevailing book built from the quote ticks of the same stream, one-sided ticks
/// included, see <see cref="QuoteBook"/>). The prediction is linear in the imbalance, in the
/// spirit of the linear price-impact relation ΔP = β·OFI of Cont, Kukanov &amp; Stoikov (2014), "The price impact of
/// order book events", J. Financial Econometrics 12(1) (theirs uses order-book events; this simpler estimator uses
/// signed trades only): expected fractional price change over the insight period m = β·I, with β the impact
/// coefficient (fractional price change per unit of imbalance, calibrated offline).
/// It emits price insights with direction sign(I), magnitude |β·I| and confidence |I| when |I| reaches the
/// threshold; per symbol at most one insight per period unless the direction flips, only after new signed trades,
/// and a Flat insight when a previous view fades below the threshold. A market-making portfolio construction model turns these into a drift
/// (see <c>InsightSignals</c>).
/// <para><b>Market closes.</b> Tick times are read on the security's open-market clock (<see cref="OpenMarketClock"/>,
/// regular hours of <c>Exchange.Hours</c>; a market that never closes has no closes). At each close the imbalance
/// restarts: the volumes and the prevailing book are forgotten, and the new session's trades are signed against its own
/// quotes only. A reset rather than a carry-over in open-market time (the Hawkes indicator's choice, whose parameters are
/// fitted on stitched sessions): the imbalance is a short-horizon impact signal whose β is not fitted across closes, a
/// gap at the open has already priced the previous session's flow, and the previous session's quote would sign every
/// trade of a gapped open on one side. The decay thus only ever spans open-market time. Ticks at times the clock calls
/// closed (pre- and post-market data) are each a new session, so no view is built from them. The state of a removed
/// security is dropped; ticks of a security never added are ignored.</para>
/// </summary>
public class OrderFlowImbalanceAlphaModel : AlphaModel
{
    private readonly Dictionary<Symbol, SymbolFlow> _flows = new();

    /// <summary>Creates the model.</summary>
    /// <param name="halfLife">Half-life of the imbalance weights (&gt; 0).</param>
    /// <param name="insightPeriod">Horizon of each insight; LEAN requires at least one second.</param>
    /// <param name="impactCoefficient">β: fractional price change over the period per unit of imbalance (&gt; 0).</param>
    /// <param name="threshold">Smallest |I| that produces a directional insight, in [0, 1).</param>
    public OrderFlowImbalanceAlphaModel(TimeSpan halfLife, TimeSpan insightPeriod, double impactCoefficient, double threshold = 0.2)
    {
        Guard.Positive(halfLife.TotalSeconds, nameof(halfLife));
        Guard.InRange(insightPeriod.TotalSeconds, 1, double.MaxValue, nameof(insightPeriod));
        ImpactCoefficient = Guard.Positive(impactCoefficient, nameof(impactCoefficient));
        Guard.InRange(threshold, 0, 1, nameof(threshold));
        if (threshold >= 1)
        {
            throw Guard.Invalid(nameof(threshold), "must be < 1");
        }

        HalfLife = halfLife;
        InsightPeriod = insightPeriod;
        Threshold = threshold;
        Name = $"{nameof(OrderFlowImbalanceAlphaModel)}({halfLife.TotalSeconds}s,{insightPeriod.TotalSeconds}s,{impactCoefficient},{threshold})";
    }

    /// <summary>Half-life of the imbalance weights.</summary>
    public TimeSpan HalfLife { get; }

    /// <summary>Horizon of each insight.</summary>
    public TimeSpan InsightPeriod { get; }

    /// <summary>β: fractional price change over the period per unit of imbalance.</summary>
    public double ImpactCoefficient { get; }

    /// <summary>Smallest |I| producing a directional insight.</summary>
    public double Threshold { get; }

    /// <summary>Number of insights emitted so far (directional and Flat).</summary>
    public long InsightCount { get; private set; }

    /// <summary>The current imbalance of <paramref name="symbol"/> (0 if none seen).</summary>
    public double ImbalanceOf(Symbol symbol) => _flows.TryGetValue(symbol, out var flow) ? flow.Estimator.Imbalance : 0;

    /// <inheritdoc />
    public override IEnumerable<Insight> Update(QCAlgorithm algorithm, Slice data)
    {
        List<Insight>? insights = null;
        foreach (var (symbol, ticks) in data.Ticks)
        {
            if (!_flows.TryGetValue(symbol, out var flow))
            {
                // LEAN reports a security's addition before its first data
                continue;
            }

            foreach (var tick in ticks)
            {
                if (tick.EndTime >= flow.Timeline.LastTime && flow.Timeline.Advance(tick.EndTime))
                {
                    // a market close: a new session's trades are signed against its own quotes only, and its flow starts afresh
                    flow.Estimator.Reset();
                    flow.Book.Clear();
                    flow.SignedTradesSinceEmit = 0;
                }

                if (QuoteBook.IsQuote(tick))
                {
                    // one-sided quote ticks (LEAN equity data) update their side of the prevailing book
                    if (flow.Book.Apply(tick) && flow.Book.IsValid)
                    {
                        flow.Estimator.OnQuote((double)flow.Book.Bid, (double)flow.Book.Ask);
                    }
                }
                else if (tick.TickType == TickType.Trade && flow.Estimator.OnTrade((double)tick.Value, (double)tick.Quantity, tick.EndTime) != 0)
                {
                    flow.SignedTradesSinceEmit++;
                }
            }

            var insight = Decide(symbol, flow, data.UtcTime);
            if (insight is not null)
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
            _flows.Remove(security.Symbol);
        }

        foreach (var security in changes.AddedSecurities)
        {
            if (!_flows.ContainsKey(security.Symbol))
            {
                _flows[security.Symbol] = new SymbolFlow(new TradeFlowImbalance(HalfLife), CreateClock(security));
            }
        }
    }

    /// <summary>
    /// The open-market clock of a newly added security: its exchange's regular hours (a market that never closes, such as
    /// crypto, has no closes). Seam for tests.
    /// </summary>
    /// <param name="security">The added security.</param>
    protected virtual OpenMarketClock CreateClock(Security security) => new(security.Exchange.Hours);

    private Insight? Decide(Symbol symbol, SymbolFlow flow, DateTime utcNow)
    {
        if (flow.SignedTradesSinceEmit == 0)
        {
            // I is a ratio of decayed volumes and does not fade without trades: no new flow, no new view (the last
            // insight simply expires)
            return null;
        }

        var imbalance = flow.Estimator.Imbalance;
        var direction = Math.Abs(imbalance) >= Threshold && imbalance != 0
            ? (imbalance > 0 ? InsightDirection.Up : InsightDirection.Down)
            : InsightDirection.Flat;
        if (!flow.Throttle.Admit(direction, utcNow, InsightPeriod))
        {
            return null;
        }

        flow.SignedTradesSinceEmit = 0;
        var magnitude = direction == InsightDirection.Flat ? 0 : ImpactCoefficient * Math.Abs(imbalance);
        return Insight.Price(symbol, InsightPeriod, direction, magnitude, Math.Abs(imbalance), Name);
    }

    private sealed class SymbolFlow
    {
        public SymbolFlow(TradeFlowImbalance estimator, OpenMarketClock clock)
        {
            Estimator = estimator;
            Timeline = new OpenMarketTimeline(clock);
        }

        public TradeFlowImbalance Estimator { get; }

        public InsightThrottle Throttle { get; } = new();

        /// <summary>The prevailing bid and ask built from the quote ticks seen so far (a mutable struct: a field).</summary>
        public QuoteBook Book;

        public int SignedTradesSinceEmit { get; set; }

        /// <summary>The ticks' open-market time axis (a mutable struct: a field).</summary>
        public OpenMarketTimeline Timeline;
    }
}
