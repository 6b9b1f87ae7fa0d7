using System;
using System.Collections.Generic;
using Lean.MarketMaking.Algorithms.MarketData;
using Lean.MarketMaking.Models.Errors;
using Lean.MarketMaking.Models.Quoting;
using Lean.MarketMaking.Risk;
using QuantConnect;
using QuantConnect.Algorithm;
using QuantConnect.Algorithm.Framework.Alphas;
using QuantConnect.Algorithm.Framework.Portfolio;
using QuantConnect.Data.UniverseSelection;
using QuantConnect.Securities;

namespace Lean.MarketMaking.Algorithms.PortfolioConstruction;

/// <summary>
/// Portfolio construction for market making: every step, for every security in the universe, runs that security's
/// <see cref="IQuotingModel"/> and emits a <see cref="QuoteTarget"/>. The model's inputs are
/// <list type="bullet">
/// <item>s: the mid of the security's cached best bid and ask (the book, not one tick);</item>
/// <item>q: the position held (<see cref="InventoryExposure.Holdings"/>); working orders are not inventory until they
/// fill (counting them would make a filled bid whose ask still rests look like no fill at all, and re-quote it with no
/// skew). The target carries the full exposure, working orders included, on to the risk model's limits;</item>
/// <item>t: the exchange-local time mapped by <see cref="MarketMakingClock"/>;</item>
/// <item>μ and the adverse-selection premium: from active price insights, see <see cref="InsightSignals"/>;</item>
/// <item>the order-flow toxicity and its informed side: from the latest toxicity insight (<see cref="InsightSignals.Toxicity"/>).</item>
/// </list>
/// A security whose book is missing, non-positive, stale, locked or crossed for longer than
/// <see cref="LockedOrCrossedTolerance"/> (<see cref="MarketDataIssue"/>, <see cref="QuoteScreen"/>), or whose model
/// throws, gets no target that step, and the execution model pulls its quotes. While its mid is a suspected bad print
/// (<see cref="SpikeFilter"/>) it gets no target either, unless <see cref="SpikeFilterSettings.KeepQuotesWhileSuspect"/>
/// is set: then the last quote of the security is emitted again (tagged <see cref="SuspectTag"/>, with the current
/// exposure) until the move is confirmed or reverts. Each kind of problem of each security is logged at most once per
/// log interval, with the number of occurrences since the previous line.
/// Orders are never placed here: that is the execution model's job.
/// </summary>
public class MarketMakingPortfolioConstructionModel : PortfolioConstructionModel
{
    private readonly Func<Symbol, IQuotingModel> _modelFactory;
    private readonly Dictionary<Symbol, Quoted> _quoted = new();
    private readonly ThrottledIssueLog _issues;

    /// <summary>The tag of a quote emitted again while the security's mid is a suspected spike.</summary>
    public const string SuspectTag = "mm spike suspect: last quote kept";

    /// <summary>Creates the model.</summary>
    /// <param name="modelFactory">Creates the quoting model of a security when it joins the universe.</param>
    /// <param name="clock">Maps exchange-local time to model time.</param>
    /// <param name="maxQuoteAge">Oldest acceptable last data point; older books are stale and not quoted.</param>
    /// <param name="signals">Insight aggregation; defaults to drift only (no adverse-selection premium).</param>
    /// <param name="spikeFilter">Bad-print filter settings; defaults to <see cref="SpikeFilterSettings.Default"/>.</param>
    /// <param name="lockedOrCrossedTolerance">
    /// How long a locked or crossed book is still quoted (≥ 0); default <see cref="DefaultLockedOrCrossedTolerance"/>.
    /// </param>
    /// <param name="issueLogInterval">Shortest time between two log lines of one kind of issue of one security (&gt; 0); default <see cref="DefaultIssueLogInterval"/>.</param>
    public MarketMakingPortfolioConstructionModel(
        Func<Symbol, IQuotingModel> modelFactory,
        MarketMakingClock clock,
        TimeSpan maxQuoteAge,
        InsightSignals? signals = null,
        SpikeFilterSettings? spikeFilter = null,
        TimeSpan? lockedOrCrossedTolerance = null,
        TimeSpan? issueLogInterval = null)
    {
        _modelFactory = modelFactory ?? throw Guard.Invalid(nameof(modelFactory), "must not be null");
        Clock = clock ?? throw Guard.Invalid(nameof(clock), "must not be null");
        Guard.Positive(maxQuoteAge.TotalSeconds, nameof(maxQuoteAge));
        MaxQuoteAge = maxQuoteAge;
        Signals = signals ?? new InsightSignals();
        SpikeFilter = spikeFilter ?? SpikeFilterSettings.Default;
        LockedOrCrossedTolerance = lockedOrCrossedTolerance ?? DefaultLockedOrCrossedTolerance;
        Guard.NonNegative(LockedOrCrossedTolerance.TotalSeconds, nameof(lockedOrCrossedTolerance));
        var interval = issueLogInterval ?? DefaultIssueLogInterval;
        Guard.Positive(interval.TotalSeconds, nameof(issueLogInterval));
        _issues = new ThrottledIssueLog(interval);
    }

    /// <summary>
    /// 500 ms: an aggregated feed's lock or cross that clears within half a second is a race between its venues, not a
    /// market to stop quoting; one that lasts longer is.
    /// </summary>
    public static TimeSpan DefaultLockedOrCrossedTolerance { get; } = TimeSpan.FromMilliseconds(500);

    /// <summary>15 minutes: at most 96 lines a day per kind of issue and security.</summary>
    public static TimeSpan DefaultIssueLogInterval { get; } = TimeSpan.FromMinutes(15);

    /// <summary>Clock mapping exchange-local time to model time.</summary>
    public MarketMakingClock Clock { get; }

    /// <summary>Oldest acceptable last data point.</summary>
    public TimeSpan MaxQuoteAge { get; }

    /// <summary>The insight aggregation feeding drift and adverse selection.</summary>
    public InsightSignals Signals { get; }

    /// <summary>Settings of each security's bad-print filter.</summary>
    public SpikeFilterSettings SpikeFilter { get; }

    /// <summary>How long a locked or crossed book is still quoted.</summary>
    public TimeSpan LockedOrCrossedTolerance { get; }

    /// <inheritdoc />
    public override IEnumerable<IPortfolioTarget> CreateTargets(QCAlgorithm algorithm, Insight[] insights)
    {
        Signals.Add(insights);
        if (algorithm.IsWarmingUp)
        {
            // no quote while LEAN warms up (it refuses orders then); the screens still follow every book
            foreach (var quoted in _quoted.Values)
            {
                quoted.Screen.Validate(GetMarket(quoted.Security), MaxQuoteAge);
            }

            return Array.Empty<IPortfolioTarget>();
        }

        var targets = new List<IPortfolioTarget>(_quoted.Count);
        var utcNow = GetUtcTime(algorithm);
        foreach (var (symbol, quoted) in _quoted)
        {
            var market = GetMarket(quoted.Security);
            var issue = quoted.Screen.Validate(market, MaxQuoteAge);
            if (issue != MarketDataIssue.None)
            {
                Report(algorithm, symbol, issue, market);
                if (issue == MarketDataIssue.Spike && SpikeFilter.KeepQuotesWhileSuspect && quoted.Last is { } last)
                {
                    targets.Add(last.WithExposure(GetExposure(algorithm, quoted.Security), SuspectTag));
                }
                else
                {
                    quoted.Last = null;
                }

                continue;
            }

            try
            {
                var mid = (double)market.Mid;
                var exposure = GetExposure(algorithm, quoted.Security);
                var (drift, driftDecayTime, adverseSelection) = Signals.Evaluate(symbol, utcNow, mid, Clock.TimeUnit);
                var (toxicity, informedSide) = Signals.Toxicity(symbol, utcNow);
                var snapshot = new MarketSnapshot(mid, Clock.ToModelTime(market.LocalTime), (double)exposure.Holdings, drift, adverseSelection, driftDecayTime,
                    toxicity, informedSide);
                var target = QuoteTarget.FromQuote(symbol, exposure, quoted.Model.Quote(snapshot));
                quoted.Last = target;
                targets.Add(target);
            }
            catch (MarketMakingException error)
            {
                quoted.Last = null;
                Report(algorithm, symbol, error.Kind.ToString(), market.LocalTime, error.Message);
            }
        }

        return targets;
    }

    /// <inheritdoc />
    public override void OnSecuritiesChanged(QCAlgorithm algorithm, SecurityChanges changes)
    {
        foreach (var security in changes.RemovedSecurities)
        {
            _quoted.Remove(security.Symbol);
            Signals.Remove(security.Symbol);
            _issues.Remove(security.Symbol);
        }

        foreach (var security in changes.AddedSecurities)
        {
            if (!_quoted.ContainsKey(security.Symbol))
            {
                _quoted[security.Symbol] = new Quoted(security, _modelFactory(security.Symbol), new QuoteScreen(SpikeFilter, LockedOrCrossedTolerance));
            }
        }
    }

    /// <summary>Top of book of <paramref name="security"/>; override to read it from elsewhere.</summary>
    protected virtual QuoteMarket GetMarket(Security security) => QuoteMarket.From(security);

    /// <summary>
    /// Holdings and working orders of <paramref name="security"/>; the model's inventory q is the holdings, and the
    /// target carries both on to the risk model.
    /// </summary>
    protected virtual InventoryExposure GetExposure(QCAlgorithm algorithm, Security security) =>
        InventoryExposure.Of(algorithm, security);

    /// <summary>Algorithm UTC time (to expire insights).</summary>
    protected virtual DateTime GetUtcTime(QCAlgorithm algorithm) => algorithm.UtcTime;

    /// <summary>Writes to the algorithm log.</summary>
    protected virtual void Log(QCAlgorithm algorithm, string message) => algorithm.Log(message);

    private void Report(QCAlgorithm algorithm, Symbol symbol, string issue, DateTime time, string detail)
    {
        if (_issues.ShouldLog(symbol, issue, time, out var occurrences))
        {
            Write(algorithm, symbol, issue, detail, occurrences);
        }
    }

    /// <summary>Reports a bad book; its description is formatted only when a line is due.</summary>
    private void Report(QCAlgorithm algorithm, Symbol symbol, MarketDataIssue issue, in QuoteMarket market)
    {
        var kind = issue.ToString();
        if (_issues.ShouldLog(symbol, kind, market.LocalTime, out var occurrences))
        {
            Write(algorithm, symbol, kind, market.Describe(), occurrences);
        }
    }

    private void Write(QCAlgorithm algorithm, Symbol symbol, string issue, string detail, long occurrences) =>
        Log(algorithm, $"{nameof(MarketMakingPortfolioConstructionModel)}: not quoting {symbol}: {issue} ({detail}); {occurrences} time(s) since the last line");

    private sealed class Quoted(Security security, IQuotingModel model, QuoteScreen screen)
    {
        public Security Security { get; } = security;

        public IQuotingModel Model { get; } = model;

        public QuoteScreen Screen { get; } = screen;

        /// <summary>The last quote target emitted from a good book (null after a bad book or a model failure).</summary>
        public QuoteTarget? Last { get; set; }
    }
}
