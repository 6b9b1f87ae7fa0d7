using System;
using System.Collections.Generic;
using System.Linq;
using Lean.MarketMaking.Models.Anchor;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Estimation.OrderFlow;
using QuantConnect;
using QuantConnect.Algorithm;
using QuantConnect.Algorithm.Framework.Alphas;
using QuantConnect.Data;
using QuantConnect.Data.Market;
using QuantConnect.Data.UniverseSelection;

namespace Lean.MarketMaking.Algorithms.Alpha;

/// <summary>
/// Emits the anchor (reference-contract) decision of arXiv:2507.05749 (<see cref="AnchorSelector"/>) for a fixed group
/// of related contracts as LEAN insights: the ticks of the group are merged by time, quote ticks (one-sided ones
/// included) build each contract's best bid and ask with sizes, trades are signed by the quote rule against the
/// contract's mid (Lee–Ready's tick rule at the mid), and at each decision-window boundary the selector decides from
/// the ticks before it. When the Hawkes rule's voted anchor changes — and again once per insight period while it holds —
/// a Flat price insight without magnitude is emitted for the anchor contract, tagged <see cref="AnchorTag"/>: it names
/// the reference without a directional view, so <c>InsightSignals</c> (which reads only insights with a magnitude)
/// adds no drift for it. Times are the ticks' exchange times in seconds since the first tick: the contracts must share
/// an exchange time zone. Market closes are not treated (after a close the trailing window simply ages out).
/// Ticks of other symbols are ignored; an invalid book is ignored (no event, no score). Each window's decision is also
/// scored in hindsight against the <see cref="SlippageOracle"/> once the window has ended (<see cref="Evaluation"/>, as
/// <see cref="AnchorEvaluation"/> does offline).
/// </summary>
public class AnchorAlphaModel : AlphaModel
{
    /// <summary>The tag of every insight this model emits.</summary>
    public const string AnchorTag = "anchor";

    private readonly Dictionary<Symbol, int> _index;
    private readonly TopOfBook[] _books;
    private readonly LeeReadyTradeSigner[] _signers;
    private readonly SlippageOracle _oracle;
    private static readonly Comparison<(DateTime Time, int Sequence, int Contract, Tick Tick)> ByTime =
        (a, b) => a.Time != b.Time ? a.Time.CompareTo(b.Time) : a.Sequence.CompareTo(b.Sequence);

    private readonly List<(DateTime Time, int Sequence, int Contract, Tick Tick)> _pending = new();
    private DateTime? _origin;
    private long _nextWindow = 1;
    private int _emittedAnchor = -1;
    private DateTime _emittedUtc;

    /// <summary>Creates the model for a fixed group of contracts.</summary>
    /// <param name="contracts">The related contracts, at least two, distinct.</param>
    /// <param name="settings">Windows and tuning of the selection.</param>
    /// <param name="insightPeriod">Period of each insight; LEAN requires at least one second.</param>
    public AnchorAlphaModel(IReadOnlyList<Symbol> contracts, AnchorSettings settings, TimeSpan insightPeriod)
    {
        ArgumentNullException.ThrowIfNull(contracts);
        ArgumentNullException.ThrowIfNull(settings);
        if (contracts.Count < 2 || contracts.Distinct().Count() != contracts.Count)
        {
            throw Guard.Invalid(nameof(contracts), $"must hold at least two distinct symbols, got {contracts.Count}");
        }

        Guard.InRange(insightPeriod.TotalSeconds, 1, double.MaxValue, nameof(insightPeriod));
        Contracts = contracts.ToArray();
        _index = Contracts.Select((symbol, k) => (symbol, k)).ToDictionary(p => p.symbol, p => p.k);
        Selector = new AnchorSelector(Contracts.Count, settings);
        _books = new TopOfBook[Contracts.Count];
        _signers = new LeeReadyTradeSigner[Contracts.Count];
        _oracle = new SlippageOracle(Contracts.Count);
        Evaluation = new AnchorEvaluationResult(Contracts.Count);
        InsightPeriod = insightPeriod;
        Name = $"{nameof(AnchorAlphaModel)}({string.Join(",", Contracts.Select(s => s.Value))})";
    }

    /// <summary>The contracts, in the order of the selector's indices.</summary>
    public IReadOnlyList<Symbol> Contracts { get; }

    /// <summary>The selector (forecasts, CLF, fits) for inspection.</summary>
    public AnchorSelector Selector { get; }

    /// <summary>Period of each insight.</summary>
    public TimeSpan InsightPeriod { get; }

    /// <summary>The latest decision, or null before the first window boundary.</summary>
    public AnchorDecision? LastDecision { get; private set; }

    /// <summary>Every ended window's decision scored against the hindsight oracle.</summary>
    public AnchorEvaluationResult Evaluation { get; }

    /// <summary>The number of decisions made (one per window boundary reached).</summary>
    public long Decisions { get; private set; }

    /// <summary>The number of times the Hawkes rule's voted anchor changed contract.</summary>
    public long AnchorSwitches { get; private set; }

    /// <summary>The current anchor (the Hawkes rule's voted decision), or null.</summary>
    public Symbol? Anchor => LastDecision is { HawkesAnchor: >= 0 } d ? Contracts[d.HawkesAnchor] : null;

    /// <inheritdoc />
    public override IEnumerable<Insight> Update(QCAlgorithm algorithm, Slice data)
    {
        _pending.Clear();
        foreach (var (symbol, ticks) in data.Ticks)
        {
            if (_index.TryGetValue(symbol, out var k))
            {
                foreach (var tick in ticks)
                {
                    _pending.Add((tick.EndTime, _pending.Count, k, tick));
                }
            }
        }

        // Stable by time (a contract's ticks keep their order); the list and the comparison are reused: no allocation.
        _pending.Sort(ByTime);
        foreach (var (time, _, contract, tick) in _pending)
        {
            _origin ??= time;
            var seconds = (time - _origin.Value).TotalSeconds;
            if (seconds < 0)
            {
                continue;
            }

            var window = Selector.Settings.DecisionWindowSeconds;
            while (seconds >= _nextWindow * window)
            {
                var oracle = _oracle.CloseWindow();
                if (LastDecision is { } decided)
                {
                    Evaluation.Score(decided, oracle);
                }

                var previous = LastDecision?.HawkesAnchor ?? -1;
                LastDecision = Selector.Decide(_nextWindow * window);
                Decisions++;
                if (previous >= 0 && LastDecision.Value.HawkesAnchor >= 0 && LastDecision.Value.HawkesAnchor != previous)
                {
                    AnchorSwitches++;
                }

                _nextWindow++;
            }

            Apply(contract, seconds, tick);
        }

        return Emit(data.UtcTime);
    }

    /// <inheritdoc />
    public override void OnSecuritiesChanged(QCAlgorithm algorithm, SecurityChanges changes)
    {
    }

    private void Apply(int contract, double seconds, Tick tick)
    {
        var book = _books[contract];
        if (tick.TickType == TickType.Quote)
        {
            if (tick.BidPrice > 0)
            {
                book = book with { BidPrice = (double)tick.BidPrice, BidSize = (double)tick.BidSize };
            }

            if (tick.AskPrice > 0)
            {
                book = book with { AskPrice = (double)tick.AskPrice, AskSize = (double)tick.AskSize };
            }

            _books[contract] = book;
            Selector.OnQuote(contract, seconds, book);
            if (book.IsValid)
            {
                _oracle.OnMid(contract, book.Mid);
            }
        }
        else if (tick.TickType == TickType.Trade && book.IsValid && tick.Value > 0)
        {
            var side = _signers[contract].Sign((double)tick.Value, book.Mid);
            if (side != TradeAggressor.Unknown)
            {
                Selector.OnTrade(contract, seconds, side == TradeAggressor.Buy);
            }
        }
    }

    private IEnumerable<Insight> Emit(DateTime utcNow)
    {
        var anchor = LastDecision?.HawkesAnchor ?? -1;
        if (anchor < 0 || (anchor == _emittedAnchor && utcNow - _emittedUtc < InsightPeriod))
        {
            return Enumerable.Empty<Insight>();
        }

        _emittedAnchor = anchor;
        _emittedUtc = utcNow;
        return new[] { Insight.Price(Contracts[anchor], InsightPeriod, InsightDirection.Flat, null, null, Name, null, AnchorTag) };
    }
}
