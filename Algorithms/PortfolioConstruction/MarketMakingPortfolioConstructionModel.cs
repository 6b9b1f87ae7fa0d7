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
/// <item>μ and the adverse-selection premium: from active price insights, see <see cref="InsightSignals"/>.</item>
/// </list>
/// A security whose book is missing, non-positive, crossed/locked or stale (<see cref="MarketDataIssue"/>), whose mid
/// is a suspected bad print (<see cref="SpikeFilter"/>), or whose model throws, gets no target that step (the
/// execution model pulls its working quotes at once on a bad book and keeps them otherwise until they go stale); each
/// kind of problem is logged once per episode.
/// Orders are never placed here: that is the execution model's job.
/// </summary>
public class MarketMakingPortfolioConstructionModel : PortfolioConstructionModel
{
    private readonly Func<Symbol, IQuotingModel> _modelFactory;
    private readonly Dictionary<Symbol, (Security Security, IQuotingModel Model, SpikeFilter Spikes)> _quoted = new();
    private readonly IssueLog _issues = new();

    /// <summary>Creates the model.</summary>
    /// <param name="modelFactory">Creates the quoting model of a security when it joins the universe.</param>
    /// <param name="clock">Maps exchange-local time to model time.</param>
    /// <param name="maxQuoteAge">Oldest acceptable last data point; older books are stale and not quoted.</param>
    /// <param name="signals">Insight aggregation; defaults to drift only (no adverse-selection premium).</param>
    /// <param name="spikeFilter">Bad-print filter settings; defaults to <see cref="SpikeFilterSettings.Default"/>.</param>
    public MarketMakingPortfolioConstructionModel(
        Func<Symbol, IQuotingModel> modelFactory,
        MarketMakingClock clock,
        TimeSpan maxQuoteAge,
        InsightSignals? signals = null,
        SpikeFilterSettings? spikeFilter = null)
    {
        _modelFactory = modelFactory ?? throw Guard.Invalid(nameof(modelFactory), "must not be null");
        Clock = clock ?? throw Guard.Invalid(nameof(clock), "must not be null");
        Guard.Positive(maxQuoteAge.TotalSeconds, nameof(maxQuoteAge));
        MaxQuoteAge = maxQuoteAge;
        Signals = signals ?? new InsightSignals();
        SpikeFilter = spikeFilter ?? SpikeFilterSettings.Default;
    }

    /// <summary>Clock mapping exchange-local time to model time.</summary>
    public MarketMakingClock Clock { get; }

    /// <summary>Oldest acceptable last data point.</summary>
    public TimeSpan MaxQuoteAge { get; }

    /// <summary>The insight aggregation feeding drift and adverse selection.</summary>
    public InsightSignals Signals { get; }

    /// <summary>Settings of each security's bad-print filter.</summary>
    public SpikeFilterSettings SpikeFilter { get; }

    /// <inheritdoc />
    public override IEnumerable<IPortfolioTarget> CreateTargets(QCAlgorithm algorithm, Insight[] insights)
    {
        Signals.Add(insights);
        var targets = new List<IPortfolioTarget>(_quoted.Count);
        var utcNow = GetUtcTime(algorithm);
        foreach (var (symbol, (security, model, spikes)) in _quoted)
        {
            var market = GetMarket(security);
            var issue = spikes.Validate(market, MaxQuoteAge);
            if (issue != MarketDataIssue.None)
            {
                Report(algorithm, symbol, issue.ToString(), $"book {market.Bid} x {market.Ask}, last data {market.LastDataTime:O}");
                continue;
            }

            try
            {
                var mid = (double)market.Mid;
                var exposure = GetExposure(algorithm, security);
                var (drift, driftDecayTime, adverseSelection) = Signals.Evaluate(symbol, utcNow, mid, Clock.TimeUnit);
                var snapshot = new MarketSnapshot(mid, Clock.ToModelTime(market.LocalTime), (double)exposure.Holdings, drift, adverseSelection, driftDecayTime);
                targets.Add(QuoteTarget.FromQuote(symbol, exposure, model.Quote(snapshot)));
                _issues.Clear(symbol);
            }
            catch (MarketMakingException error)
            {
                Report(algorithm, symbol, error.Kind.ToString(), error.Message);
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
                _quoted[security.Symbol] = (security, _modelFactory(security.Symbol), new SpikeFilter(SpikeFilter));
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

    private void Report(QCAlgorithm algorithm, Symbol symbol, string issue, string detail)
    {
        if (_issues.ShouldLog(symbol, issue))
        {
            Log(algorithm, $"{nameof(MarketMakingPortfolioConstructionModel)}: not quoting {symbol}: {issue} ({detail})");
        }
    }
}
