using System;
using System.Collections.Generic;
using System.Linq;
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
/// Portfolio construction for multi-asset market making (the multi-asset model of Guéant 2017, "Optimal market
/// making", Applied Mathematical Finance 24(2); closed form of Bergault, Evangelista, Guéant &amp; Vieira 2021): a fixed,
/// ordered group of securities is quoted jointly by one <see cref="IMultiAssetQuotingModel"/>, whose quotes for asset i
/// depend on the whole inventory vector (a long position in one asset skews the quotes of the assets correlated with
/// it). Every step it reads, for asset i of the group,
/// <list type="bullet">
/// <item>sᵢ: the mid of the security's cached best bid and ask;</item>
/// <item>qᵢ: the position held (<see cref="InventoryExposure.Holdings"/>; working orders are not inventory until they
/// fill, and reach the risk model's limits through the targets' exposure);</item>
/// </list>
/// and the model time t of the group (the exchange-local time of the first security mapped by
/// <see cref="MarketMakingClock"/>: the group shares one exchange clock), and emits one <see cref="QuoteTarget"/> per
/// security. The multi-asset model has no drift term, so price insights are not used (an alpha may still run; its
/// insights do not move these quotes).
/// <para>
/// The group is quoted as a whole or not at all. If any security's book is missing, non-positive, stale, locked or
/// crossed for longer than <see cref="LockedOrCrossedTolerance"/> (<see cref="MarketDataIssue"/>,
/// <see cref="QuoteScreen"/>), or a security of the group is not (or no longer) in the universe, no target is
/// emitted for any of them that step: the quotes of every asset price the risk of the others' inventories as hedgeable
/// at their mids, which a bad book of one asset invalidates. The same holds when the model throws a
/// <see cref="MarketMakingException"/> (e.g. a model time beyond the horizon, before the session), and while a mid is a
/// suspected bad print (<see cref="SpikeFilter"/>), unless <see cref="SpikeFilterSettings.KeepQuotesWhileSuspect"/>
/// is set and suspected spikes are the only issue: then the group's last quotes are all emitted again (tagged
/// <see cref="MarketMakingPortfolioConstructionModel.SuspectTag"/>, with the current exposures). The execution model
/// pulls the quotes of a symbol without a target, and the risk model still flattens a breached inventory.
/// Each kind of problem is logged at most once per log interval, with the number of occurrences since the previous
/// line. Orders are never placed here.
/// </para>
/// </summary>
public class MultiAssetPortfolioConstructionModel : PortfolioConstructionModel
{
    private readonly IMultiAssetQuotingModel _model;
    private readonly Symbol[] _symbols;
    private readonly Security?[] _securities;
    private readonly QuoteMarket[] _markets;
    private readonly double[] _mids;
    private readonly InventoryExposure[] _exposures;
    private readonly QuoteScreen[] _screens;
    private readonly double[] _modelInventory;
    private readonly TwoSidedQuote[] _quotes;
    private readonly ThrottledIssueLog _bookIssues;

    // model failures concern the group: one entry, under the group's first symbol
    private readonly ThrottledIssueLog _modelIssues;

    // the group's last targets from good books, null after a bad step
    private QuoteTarget[]? _last;

    /// <summary>Creates the model.</summary>
    /// <param name="model">The joint quoting model; asset i of the model is <paramref name="symbols"/>[i].</param>
    /// <param name="symbols">The quoted group, in the model's asset order; distinct, as many as the model's assets.</param>
    /// <param name="clock">Maps exchange-local time to model time.</param>
    /// <param name="maxQuoteAge">Oldest acceptable last data point; older books are stale and stop the group.</param>
    /// <param name="spikeFilter">Bad-print filter settings; defaults to <see cref="SpikeFilterSettings.Default"/>.</param>
    /// <param name="lockedOrCrossedTolerance">
    /// How long a locked or crossed book is still quoted (≥ 0); default
    /// <see cref="MarketMakingPortfolioConstructionModel.DefaultLockedOrCrossedTolerance"/>.
    /// </param>
    /// <param name="issueLogInterval">
    /// Shortest time between two log lines of one kind of issue of one security (&gt; 0); default
    /// <see cref="MarketMakingPortfolioConstructionModel.DefaultIssueLogInterval"/>.
    /// </param>
    public MultiAssetPortfolioConstructionModel(
        IMultiAssetQuotingModel model,
        IReadOnlyList<Symbol> symbols,
        MarketMakingClock clock,
        TimeSpan maxQuoteAge,
        SpikeFilterSettings? spikeFilter = null,
        TimeSpan? lockedOrCrossedTolerance = null,
        TimeSpan? issueLogInterval = null)
    {
        _model = model ?? throw Guard.Invalid(nameof(model), "must not be null");
        if (symbols is null || symbols.Count != model.AssetCount || symbols.Distinct().Count() != symbols.Count)
        {
            throw Guard.Invalid(nameof(symbols), $"must be {model.AssetCount} distinct symbols, one per asset of the model");
        }

        Clock = clock ?? throw Guard.Invalid(nameof(clock), "must not be null");
        Guard.Positive(maxQuoteAge.TotalSeconds, nameof(maxQuoteAge));
        MaxQuoteAge = maxQuoteAge;
        var n = symbols.Count;
        _symbols = symbols.ToArray();
        _securities = new Security?[n];
        _markets = new QuoteMarket[n];
        _mids = new double[n];
        _exposures = new InventoryExposure[n];
        SpikeFilter = spikeFilter ?? SpikeFilterSettings.Default;
        LockedOrCrossedTolerance = lockedOrCrossedTolerance ?? MarketMakingPortfolioConstructionModel.DefaultLockedOrCrossedTolerance;
        Guard.NonNegative(LockedOrCrossedTolerance.TotalSeconds, nameof(lockedOrCrossedTolerance));
        var interval = issueLogInterval ?? MarketMakingPortfolioConstructionModel.DefaultIssueLogInterval;
        Guard.Positive(interval.TotalSeconds, nameof(issueLogInterval));
        _bookIssues = new ThrottledIssueLog(interval);
        _modelIssues = new ThrottledIssueLog(interval);
        _screens = new QuoteScreen[n];
        for (var i = 0; i < n; i++)
        {
            _screens[i] = new QuoteScreen(SpikeFilter, LockedOrCrossedTolerance);
        }
        _modelInventory = new double[n];
        _quotes = new TwoSidedQuote[n];
    }

    /// <summary>The quoted group, in the model's asset order.</summary>
    public IReadOnlyList<Symbol> Symbols => _symbols;

    /// <summary>Clock mapping exchange-local time to model time.</summary>
    public MarketMakingClock Clock { get; }

    /// <summary>Oldest acceptable last data point.</summary>
    public TimeSpan MaxQuoteAge { get; }

    /// <summary>Settings of each security's bad-print filter.</summary>
    public SpikeFilterSettings SpikeFilter { get; }

    /// <summary>How long a locked or crossed book is still quoted.</summary>
    public TimeSpan LockedOrCrossedTolerance { get; }

    /// <inheritdoc />
    public override IEnumerable<IPortfolioTarget> CreateTargets(QCAlgorithm algorithm, Insight[] insights)
    {
        if (algorithm.IsWarmingUp)
        {
            // no quote while LEAN warms up (it refuses orders then)
            return Array.Empty<IPortfolioTarget>();
        }

        var n = _symbols.Length;
        var usable = true;
        var onlySpikes = true;
        for (var i = 0; i < n; i++)
        {
            if (_securities[i] is not { } security)
            {
                usable = onlySpikes = false;
                Report(algorithm, _symbols[i], "NotInUniverse", DateTime.MinValue, "the security is not subscribed");
                continue;
            }

            var market = _markets[i] = GetMarket(security);
            var issue = _screens[i].Validate(market, MaxQuoteAge);
            if (issue != MarketDataIssue.None)
            {
                usable = false;
                onlySpikes &= issue == MarketDataIssue.Spike;
                Report(algorithm, _symbols[i], issue, market);
            }
        }

        if (!usable)
        {
            return onlySpikes && SpikeFilter.KeepQuotesWhileSuspect && _last is { } last ? KeepLast(algorithm, last) : Discard();
        }

        var targets = new QuoteTarget[n];
        try
        {
            for (var i = 0; i < n; i++)
            {
                _mids[i] = (double)_markets[i].Mid;
                _exposures[i] = GetExposure(algorithm, _securities[i]!);
                _modelInventory[i] = (double)_exposures[i].Holdings;
            }

            _model.Quote(_mids, _modelInventory, Clock.ToModelTime(_markets[0].LocalTime), _quotes);
            for (var i = 0; i < n; i++)
            {
                targets[i] = QuoteTarget.FromQuote(_symbols[i], _exposures[i], _quotes[i]);
            }
        }
        catch (MarketMakingException error)
        {
            if (_modelIssues.ShouldLog(_symbols[0], error.Kind.ToString(), _markets[0].LocalTime, out var occurrences))
            {
                Log(algorithm, $"{nameof(MultiAssetPortfolioConstructionModel)}: not quoting {string.Join(", ", _symbols.Select(s => s.ToString()))}: {error.Kind} ({error.Message}); {occurrences} time(s) since the last line");
            }

            return Discard();
        }

        _last = targets;
        return targets;
    }

    private IPortfolioTarget[] KeepLast(QCAlgorithm algorithm, QuoteTarget[] last)
    {
        var targets = new IPortfolioTarget[last.Length];
        for (var i = 0; i < last.Length; i++)
        {
            targets[i] = last[i].WithExposure(GetExposure(algorithm, _securities[i]!), MarketMakingPortfolioConstructionModel.SuspectTag);
        }

        return targets;
    }

    private IPortfolioTarget[] Discard()
    {
        _last = null;
        return Array.Empty<IPortfolioTarget>();
    }

    /// <inheritdoc />
    public override void OnSecuritiesChanged(QCAlgorithm algorithm, SecurityChanges changes)
    {
        foreach (var security in changes.RemovedSecurities)
        {
            var i = Array.IndexOf(_symbols, security.Symbol);
            if (i >= 0)
            {
                _securities[i] = null;
                _bookIssues.Remove(security.Symbol);
            }
        }

        foreach (var security in changes.AddedSecurities)
        {
            var i = Array.IndexOf(_symbols, security.Symbol);
            if (i >= 0)
            {
                _securities[i] = security;
            }
        }
    }

    /// <summary>Top of book of <paramref name="security"/>; override to read it from elsewhere.</summary>
    protected virtual QuoteMarket GetMarket(Security security) => QuoteMarket.From(security);

    /// <summary>
    /// Holdings and working orders of <paramref name="security"/>; the model's inventory qᵢ is the holdings, and the
    /// target carries both on to the risk model.
    /// </summary>
    protected virtual InventoryExposure GetExposure(QCAlgorithm algorithm, Security security) =>
        InventoryExposure.Of(algorithm, security);

    /// <summary>Writes to the algorithm log.</summary>
    protected virtual void Log(QCAlgorithm algorithm, string message) => algorithm.Log(message);

    private void Report(QCAlgorithm algorithm, Symbol symbol, string issue, DateTime time, string detail)
    {
        if (_bookIssues.ShouldLog(symbol, issue, time, out var occurrences))
        {
            Write(algorithm, symbol, issue, detail, occurrences);
        }
    }

    /// <summary>Reports a bad book; its description is formatted only when a line is due.</summary>
    private void Report(QCAlgorithm algorithm, Symbol symbol, MarketDataIssue issue, in QuoteMarket market)
    {
        var kind = issue.ToString();
        if (_bookIssues.ShouldLog(symbol, kind, market.LocalTime, out var occurrences))
        {
            Write(algorithm, symbol, kind, market.Describe(), occurrences);
        }
    }

    private void Write(QCAlgorithm algorithm, Symbol symbol, string issue, string detail, long occurrences) =>
        Log(algorithm, $"{nameof(MultiAssetPortfolioConstructionModel)}: not quoting the group: {symbol} {issue} ({detail}); {occurrences} time(s) since the last line");
}
